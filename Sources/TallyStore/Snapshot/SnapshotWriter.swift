// Writes a table as a snapshot file: plans the sections, checksums them, writes atomically.
import Dispatch

/// A failure to write a snapshot: the path and what went wrong.
public struct SnapshotWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

/// Saves tables as snapshot files (the format is described at `SnapshotFormat`).
public enum SnapshotWriter {
    /// Writes `table` to `path`, replacing any file there.
    ///
    /// Written through `AtomicFile`, so a crash leaves either the old file or the complete new
    /// one, never a partial snapshot. Columns sharing a dictionary in memory share it in the file.
    ///
    /// - Throws: `SnapshotWriteError` with the system's reason when the file cannot be written.
    /// - Complexity: O(table bytes); checksums are computed on two cores.
    public static func write(_ table: Table, toPath path: String) throws(SnapshotWriteError) {
        let image = SnapshotImage(table)
        do {
            try AtomicFile.write(path: path) { (file: AtomicFile) throws(AtomicFileError) in
                try file.write(image.prefix)
                var position = image.prefix.count
                for section in image.sections {
                    try file.writeZeros(section.location.offset - position)
                    try section.bytes.withBytes { (buffer) throws(AtomicFileError) in try file.write(buffer) }
                    position = section.location.offset + section.location.length
                }
                try file.writeZeros(image.fileLength - position)
            }
        } catch {
            throw SnapshotWriteError(path: error.path, message: "\(error.action): \(error.reason)")
        }
    }
}

/// The bytes of one section, kept as the column's own array so writing copies nothing.
enum SectionBytes: Sendable {
    case int64([Int64]), float([Double]), bool([Bool]), u8([UInt8]), u16([UInt16]), u32([UInt32])
    case words([UInt64]), offsets([Int])

    func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let result: Result<R, E>
        switch self {
        case .int64(let values): result = values.withUnsafeBytes { run(body, $0) }
        case .float(let values): result = values.withUnsafeBytes { run(body, $0) }
        case .bool(let values): result = values.withUnsafeBytes { run(body, $0) }
        case .u8(let values): result = values.withUnsafeBytes { run(body, $0) }
        case .u16(let values): result = values.withUnsafeBytes { run(body, $0) }
        case .u32(let values): result = values.withUnsafeBytes { run(body, $0) }
        case .words(let values): result = values.withUnsafeBytes { run(body, $0) }
        case .offsets(let values): result = values.withUnsafeBytes { run(body, $0) }
        }
        return try result.get()
    }

    private func run<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R, _ buffer: UnsafeRawBufferPointer) -> Result<R, E> {
        do throws(E) { return .success(try body(buffer)) } catch { return .failure(error) }
    }
}

/// A planned section: its bytes and where they go.
struct PlannedSection {
    var bytes: SectionBytes
    var location: SnapshotSection
}

/// A table laid out as a snapshot: header and directory bytes, then the sections in file order.
struct SnapshotImage {
    /// Header and directory.
    private(set) var prefix: [UInt8] = []
    private(set) var sections: [PlannedSection] = []
    private(set) var fileLength = 0

    init(_ table: Table) {
        precondition(MemoryLayout<Int>.size == 8, "dictionary offsets are written as 64-bit integers")
        var entries: [SnapshotColumnEntry] = []
        let directoryLength = zip(table.names, table.columns).reduce(0) { total, pair in
            total + SnapshotFormat.entryFixedSize + SnapshotFormat.aligned(pair.0.utf8.count)
        }
        var cursor = SnapshotFormat.headerSize + directoryLength
        func place(_ bytes: SectionBytes, length: Int) -> Int {
            cursor = SnapshotFormat.aligned(cursor)
            sections.append(PlannedSection(bytes: bytes, location: SnapshotSection(offset: cursor, length: length, checksum: 0)))
            cursor += length
            return sections.count - 1
        }
        var sectionIndices: [[Int?]] = []
        var dictionarySections: [ObjectIdentifier: (Int, Int)] = [:]
        for (name, column) in zip(table.names, table.columns) {
            var entry = SnapshotColumnEntry(name: name, type: column.type, encoding: .int64, hasValidity: column.validity != nil,
                                            dictionaryCount: 0, values: .absent, validity: .absent,
                                            dictionaryOffsets: .absent, dictionaryBytes: .absent)
            var indices: [Int?] = [nil, nil, nil, nil]
            let rows = column.count
            switch column.storage {
            case .int64(let values): indices[0] = place(.int64(values), length: rows * 8)
            case .float(let values): entry.encoding = .float64; indices[0] = place(.float(values), length: rows * 8)
            case .bool(let values): entry.encoding = .bool; indices[0] = place(.bool(values), length: rows)
            case .string(let codes, let dictionary):
                switch codes {
                case .u8(let values): entry.encoding = .codes8; indices[0] = place(.u8(values), length: rows)
                case .u16(let values): entry.encoding = .codes16; indices[0] = place(.u16(values), length: rows * 2)
                case .u32(let values): entry.encoding = .codes32; indices[0] = place(.u32(values), length: rows * 4)
                }
                entry.dictionaryCount = dictionary.count
                let key = ObjectIdentifier(dictionary)
                if let shared = dictionarySections[key] {
                    (indices[2], indices[3]) = shared
                } else {
                    let offsets = place(.offsets(dictionary.offsets), length: dictionary.offsets.count * 8)
                    let bytes = place(.u8(dictionary.bytes), length: dictionary.bytes.count)
                    dictionarySections[key] = (offsets, bytes)
                    (indices[2], indices[3]) = (offsets, bytes)
                }
            }
            if let validity = column.validity { indices[1] = place(.words(validity.words), length: validity.byteCount) }
            entries.append(entry)
            sectionIndices.append(indices)
        }
        fileLength = SnapshotFormat.aligned(cursor)
        computeChecksums()
        var directory = ByteSink()
        for (var entry, indices) in zip(entries, sectionIndices) {
            let located = indices.map { $0.map { sections[$0].location } ?? .absent }
            (entry.values, entry.validity, entry.dictionaryOffsets, entry.dictionaryBytes) = (located[0], located[1], located[2], located[3])
            entry.encode(into: &directory)
        }
        precondition(directory.bytes.count == directoryLength, "directory size")
        let header = SnapshotHeader(columnCount: table.columnCount, rowCount: table.rowCount, directoryLength: directoryLength,
                                    fileLength: fileLength,
                                    directoryChecksum: directory.bytes.withUnsafeBytes { SnapshotHash.hash($0) })
        prefix = header.bytes + directory.bytes
    }

    /// Fills in every section's checksum, spreading the sections over the cores.
    private mutating func computeChecksums() {
        let count = sections.count
        let planned = UncheckedSendable(sections)
        let checksums = UncheckedSendable(UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(1, count)))
        defer { checksums.value.deallocate() }
        DispatchQueue.concurrentPerform(iterations: count) { index in
            checksums.value[index] = planned.value[index].bytes.withBytes { SnapshotHash.hash($0) }
        }
        for index in 0..<count { sections[index].location.checksum = checksums.value[index] }
    }
}
