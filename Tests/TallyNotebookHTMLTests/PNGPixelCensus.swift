// Counts a PNG screenshot's pixels with a short Python script (standard library zlib only).
import Foundation

/// What a screenshot contains: distinct colours, the share of non-white pixels, and how many
/// pixels have exactly the report's first series colour (#0072B2), which only charts use.
struct PNGPixelCensus: Equatable {
    var distinctColors: Int
    var nonWhiteShare: Double
    var seriesColorPixels: Int

    /// Decodes 8-bit RGB/RGBA non-interlaced PNGs (what Chromium writes), undoing the row filters.
    static let script = #"""
    import sys, zlib, struct
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat = 8, b''
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, color, _, _, interlace = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        pos += 12 + length
    assert depth == 8 and color in (2, 6) and interlace == 0, 'unsupported PNG'
    bpp = 3 if color == 2 else 4
    raw, stride = zlib.decompress(idat), width * bpp
    previous, colors, nonwhite, series = bytearray(stride), set(), 0, 0
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            if kind == 1: line[i] = (line[i] + a) & 255
            elif kind == 2: line[i] = (line[i] + b) & 255
            elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            rgb = bytes(line[x:x + 3])
            colors.add(rgb)
            if rgb != b'\xff\xff\xff': nonwhite += 1
            if rgb == b'\x00\x72\xb2': series += 1
        previous = line
    print(len(colors), nonwhite / (width * height), series)
    """#

    /// Runs the script on `png`; nil when python3 is missing or the script fails.
    static func measure(_ png: URL, scratch: URL) throws -> PNGPixelCensus? {
        let scriptURL = scratch.appendingPathComponent("census.py")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let result = try ProcessRun.run("/usr/bin/env", ["python3", scriptURL.path, png.path])
        let fields = result.output.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard result.status == 0, fields.count == 3, let colors = Int(fields[0]), let share = Double(fields[1]),
              let series = Int(fields[2]) else { return nil }
        return PNGPixelCensus(distinctColors: colors, nonWhiteShare: share, seriesColorPixels: series)
    }
}

/// Runs a program to completion, collecting stdout and stderr together.
enum ProcessRun {
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
