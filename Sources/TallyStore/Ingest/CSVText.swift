// Small byte helpers for CSV fields: unescaping doubled quotes, UTF-8 checks, error snippets.

enum CSVText {
    /// Appends `base[start..<end]` to `scratch`, turning each `""` into one `"`.
    static func appendUnescaped(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int, to scratch: inout [UInt8]) {
        var index = start
        while index < end {
            let byte = base[index]
            scratch.append(byte)
            index += byte == UInt8(ascii: "\"") ? 2 : 1
        }
    }

    /// A row error when `bytes` are not valid UTF-8; `origin` is the input offset of `bytes[0]`.
    @inline(__always)
    static func utf8Error(_ bytes: UnsafeRawBufferPointer, origin: Int) -> PendingError? {
        if ValueParser.isASCII(bytes) { return nil }
        guard let index = ValueParser.firstInvalidUTF8(bytes) else { return nil }
        let hex = String(bytes[index], radix: 16, uppercase: true)
        return PendingError(offset: origin + index,
                            kind: .message("expected UTF-8 text, found invalid byte 0x\(hex.count == 1 ? "0" : "")\(hex)"))
    }

    /// The bytes `base[start..<end]` as text for an error message (invalid UTF-8 repaired).
    static func snippet(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: max(0, end - start)), as: UTF8.self)
    }

    /// 1-based line and byte column of `offset` in `base[0..<count]`, counting every LF before it
    /// (also those inside quoted fields, so the line is the physical one an editor shows).
    static func location(of offset: Int, in base: UnsafePointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset {
            if base[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, offset - lineStart + 1)
    }
}
