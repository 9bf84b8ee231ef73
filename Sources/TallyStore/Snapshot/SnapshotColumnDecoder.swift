// Turns a column's checked sections into a Column: one hashing copy per buffer, then range checks.

/// Decodes the sections of one column (or one dictionary) out of a whole snapshot buffer.
///
/// The sections' places and lengths were checked against the file by `SectionLayout`; here each
/// buffer is copied into a new Swift array while its checksum is computed, and values that later
/// index memory are checked: booleans are 0 or 1, codes are below the dictionary's size, dictionary
/// offsets start at 0, never decrease and end at the arena's length.
struct SnapshotColumnDecoder {
    let buffer: UnsafeRawBufferPointer
    let rowCount: Int

    func dictionary(_ entry: SnapshotColumnEntry) throws(SnapshotFault) -> StringDictionary {
        let offsets = try copy(entry.dictionaryOffsets, count: entry.dictionaryCount + 1, as: Int.self)
        let bytes = try copy(entry.dictionaryBytes, count: entry.dictionaryBytes.length, as: UInt8.self)
        let isOrdered = offsets.withUnsafeBufferPointer { offsets -> Bool in
            guard offsets[0] == 0, offsets[offsets.count - 1] == bytes.count else { return false }
            var previous = 0
            for offset in offsets {
                if offset < previous { return false }
                previous = offset
            }
            return true
        }
        guard isOrdered else { throw .invalid("has dictionary offsets out of order") }
        return StringDictionary(bytes: bytes, offsets: offsets)
    }

    func column(_ entry: SnapshotColumnEntry, dictionary: StringDictionary?) throws(SnapshotFault) -> Column {
        var validity: ValidityBitmap?
        if entry.hasValidity {
            let words = try copy(entry.validity, count: (rowCount + 63) / 64, as: UInt64.self)
            validity = ValidityBitmap(words: words, count: rowCount)
        }
        let storage: Column.Storage
        switch entry.encoding {
        case .int64: storage = .int64(try copy(entry.values, count: rowCount, as: Int64.self))
        case .float64: storage = .float(try copy(entry.values, count: rowCount, as: Double.self))
        case .bool:
            // Checksum first, so that damage reads as damage; then the range, before any byte becomes a Bool.
            let source = buffer.baseAddress! + entry.values.offset
            guard SnapshotHash.hash(source, count: rowCount) == entry.values.checksum else { throw .checksumMismatch }
            for index in 0..<rowCount where source.load(fromByteOffset: index, as: UInt8.self) > 1 {
                throw .invalid("has a boolean that is neither 0 nor 1")
            }
            storage = .bool(try copy(entry.values, count: rowCount, as: Bool.self))
        case .codes8, .codes16, .codes32:
            guard let dictionary else { throw .invalid("has no dictionary") }
            let codes: DictionaryCodes
            switch entry.encoding {
            case .codes8: codes = .u8(try copy(entry.values, count: rowCount, as: UInt8.self))
            case .codes16: codes = .u16(try copy(entry.values, count: rowCount, as: UInt16.self))
            default: codes = .u32(try copy(entry.values, count: rowCount, as: UInt32.self))
            }
            // Null rows hold code 0, so a dictionary with no values still admits code 0.
            guard Self.largest(codes) < max(1, dictionary.count) else {
                throw .invalid("has a dictionary code past the end of its dictionary")
            }
            storage = .string(codes, dictionary)
        }
        return Column(type: entry.type, storage: storage, validity: validity)
    }

    /// The section's bytes as `count` values of `T`, checked against the section's checksum.
    private func copy<T: BitwiseCopyable>(_ section: SnapshotSection, count: Int, as: T.Type) throws(SnapshotFault) -> [T] {
        precondition(section.length == count * MemoryLayout<T>.stride, "section length was checked against the layout")
        var checksum: UInt64 = 0
        let source = buffer.baseAddress.map { $0 + section.offset }
        let values = [T](unsafeUninitializedCapacity: count) { destination, initialized in
            checksum = SnapshotHash.hashCopying(from: source, to: UnsafeMutableRawPointer(destination.baseAddress),
                                                count: section.length)
            initialized = count
        }
        guard checksum == section.checksum else { throw .checksumMismatch }
        return values
    }

    /// The largest code, or 0 when there are none.
    private static func largest(_ codes: DictionaryCodes) -> Int {
        switch codes {
        case .u8(let values): return Int(values.withUnsafeBufferPointer { $0.reduce(0) { max($0, $1) } })
        case .u16(let values): return Int(values.withUnsafeBufferPointer { $0.reduce(0) { max($0, $1) } })
        case .u32(let values): return Int(values.withUnsafeBufferPointer { $0.reduce(0) { max($0, $1) } })
        }
    }
}
