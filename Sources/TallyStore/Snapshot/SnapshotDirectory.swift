// Encodes and decodes the snapshot header and column directory (see `SnapshotFormat`).

/// The fixed 64-byte header's fields.
struct SnapshotHeader: Equatable {
    var version: UInt32
    var columnCount: Int
    var rowCount: Int
    var directoryLength: Int
    var fileLength: Int
    var headerChecksum: UInt64
    var directoryChecksum: UInt64

    /// The 64 header bytes; the header checksum is computed over the first 48.
    var bytes: [UInt8] {
        var out = ByteSink()
        out.append(SnapshotFormat.magic)
        out.append(UInt32(version))
        out.append(UInt32(0))
        out.append(UInt64(columnCount))
        out.append(UInt64(rowCount))
        out.append(UInt64(directoryLength))
        out.append(UInt64(fileLength))
        let checksum = out.bytes.withUnsafeBytes { SnapshotHash.hash($0) }
        out.append(checksum)
        out.append(directoryChecksum)
        return out.bytes
    }

    /// Reads the fields of the header at the start of `buffer` (at least 64 bytes, magic checked).
    init(reading buffer: UnsafeRawBufferPointer) {
        let source = ByteSource(buffer)
        version = source.u32(at: 8)
        columnCount = source.int(at: 16)
        rowCount = source.int(at: 24)
        directoryLength = source.int(at: 32)
        fileLength = source.int(at: 40)
        headerChecksum = source.u64(at: 48)
        directoryChecksum = source.u64(at: 56)
    }

    init(columnCount: Int, rowCount: Int, directoryLength: Int, fileLength: Int, directoryChecksum: UInt64) {
        version = SnapshotFormat.version
        self.columnCount = columnCount
        self.rowCount = rowCount
        self.directoryLength = directoryLength
        self.fileLength = fileLength
        headerChecksum = 0
        self.directoryChecksum = directoryChecksum
    }
}

extension SnapshotColumnEntry {
    /// Appends this entry's bytes to `out`.
    func encode(into out: inout ByteSink) {
        let name = Array(self.name.utf8)
        out.append(UInt32(name.count))
        out.append(SnapshotFormat.typeCodes[type]!)
        out.append(encoding.rawValue)
        out.append(UInt8(hasValidity ? 1 : 0))
        out.append(UInt8(0))
        out.append(UInt64(dictionaryCount))
        for section in [values, validity, dictionaryOffsets, dictionaryBytes] {
            out.append(UInt64(section.offset))
            out.append(UInt64(section.length))
            out.append(section.checksum)
        }
        out.append(name)
        out.padToEight()
    }

    /// Reads the entry at `offset` of `directory`; nil when it is malformed (an unknown code,
    /// or a name running past the directory). `offset` moves past the entry.
    static func decode(_ directory: ByteSource, at offset: inout Int) -> SnapshotColumnEntry? {
        guard offset + SnapshotFormat.entryFixedSize <= directory.count else { return nil }
        let nameLength = Int(directory.u32(at: offset))
        guard let type = SnapshotFormat.type(code: directory.u8(at: offset + 4)),
              let encoding = SnapshotEncoding(rawValue: directory.u8(at: offset + 5)), encoding.fits(type),
              directory.u8(at: offset + 6) <= 1,
              offset + SnapshotFormat.entryFixedSize + nameLength <= directory.count else { return nil }
        func section(_ index: Int) -> SnapshotSection {
            let base = offset + 16 + index * 24
            return SnapshotSection(offset: directory.int(at: base), length: directory.int(at: base + 8),
                                   checksum: directory.u64(at: base + 16))
        }
        let nameStart = offset + SnapshotFormat.entryFixedSize
        let entry = SnapshotColumnEntry(
            name: directory.string(at: nameStart, count: nameLength), type: type, encoding: encoding,
            hasValidity: directory.u8(at: offset + 6) == 1, dictionaryCount: directory.int(at: offset + 8),
            values: section(0), validity: section(1), dictionaryOffsets: section(2), dictionaryBytes: section(3))
        offset = nameStart + SnapshotFormat.aligned(nameLength)
        return entry
    }
}

/// Little-endian bytes being assembled.
struct ByteSink {
    var bytes: [UInt8] = []

    mutating func append(_ value: UInt8) { bytes.append(value) }
    mutating func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func append(_ values: [UInt8]) { bytes.append(contentsOf: values) }
    mutating func padToEight() { bytes.append(contentsOf: repeatElement(0, count: SnapshotFormat.aligned(bytes.count) - bytes.count)) }
}

/// Little-endian reads from a buffer whose bounds the caller has checked.
struct ByteSource {
    let buffer: UnsafeRawBufferPointer
    init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    var count: Int { buffer.count }
    func u8(at offset: Int) -> UInt8 { buffer[offset] }
    func u32(at offset: Int) -> UInt32 { UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    func u64(at offset: Int) -> UInt64 { UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    /// A u64 as `Int`; values past `Int.max` become -1 so that range checks reject them.
    func int(at offset: Int) -> Int { let value = u64(at: offset); return value > UInt64(Int.max) ? -1 : Int(value) }
    func string(at offset: Int, count: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
    }
}
