// A column under construction by one parsing thread, mergeable with the next chunk's.

/// Like `ColumnBuilder`, but its parts are open so that two chunks parsed in parallel can be
/// concatenated (re-mapping the second chunk's dictionary codes into the first's).
struct ColumnAccumulator: Sendable {
    let type: DataType
    private(set) var count = 0
    private var int64s: [Int64] = []
    private var floats: [Double] = []
    private var bools: [Bool] = []
    private var codes: [UInt32] = []
    private var dictionary = StringDictionaryBuilder()
    /// Created at the first null, so columns without nulls never pay for it.
    private var validity: ValidityBitmap?

    init(type: DataType, capacity: Int) {
        self.type = type
        switch type {
        case .int, .timestamp, .duration, .date: int64s.reserveCapacity(capacity)
        case .float: floats.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .string: codes.reserveCapacity(capacity)
        }
    }

    mutating func appendNull() {
        switch type {
        case .int, .timestamp, .duration, .date: int64s.append(0)
        case .float: floats.append(0)
        case .bool: bools.append(false)
        case .string: codes.append(0)
        }
        if validity == nil { validity = ValidityBitmap(count: count, allValid: true) }
        validity!.append(false)
        count += 1
    }

    /// Appends a payload as produced by `TypedValueParser` (not for string columns).
    @inline(__always)
    mutating func append(payload: Int64) {
        switch type {
        case .int, .timestamp, .duration, .date: int64s.append(payload)
        case .float: floats.append(Double(bitPattern: UInt64(bitPattern: payload)))
        case .bool: bools.append(payload != 0)
        case .string: preconditionFailure("string payloads are bytes")
        }
        validity?.append(true)
        count += 1
    }

    /// Appends a string from its (valid UTF-8) bytes.
    @inline(__always)
    mutating func append(utf8: UnsafeRawBufferPointer) {
        codes.append(dictionary.intern(utf8))
        validity?.append(true)
        count += 1
    }

    /// Appends every row of `other` (same type) after this column's rows. String codes of `other`
    /// are re-mapped so the dictionary stays in first-seen order over both.
    mutating func append(contentsOf other: ColumnAccumulator) {
        precondition(other.type == type)
        if validity != nil || other.validity != nil {
            var merged = validity ?? ValidityBitmap(count: count, allValid: true)
            let tail = other.validity
            for row in 0..<other.count { merged.append(tail?.isValid(row) ?? true) }
            validity = merged
        }
        switch type {
        case .int, .timestamp, .duration, .date: int64s.append(contentsOf: other.int64s)
        case .float: floats.append(contentsOf: other.floats)
        case .bool: bools.append(contentsOf: other.bools)
        case .string:
            let otherDictionary = other.dictionary.build()
            var remap = [UInt32](repeating: 0, count: otherDictionary.count)
            otherDictionary.bytes.withUnsafeBytes { arena in
                for code in 0..<otherDictionary.count {
                    let range = otherDictionary.offsets[code]..<otherDictionary.offsets[code + 1]
                    remap[code] = dictionary.intern(UnsafeRawBufferPointer(rebasing: arena[range]))
                }
            }
            codes.reserveCapacity(codes.count + other.codes.count)
            for code in other.codes { codes.append(remap[Int(code)]) }
        }
        count += other.count
    }

    func finish() -> Column {
        switch type {
        case .int, .timestamp, .duration, .date:
            return Column(type: type, storage: .int64(int64s), validity: validity)
        case .float:
            return Column(type: type, storage: .float(floats), validity: validity)
        case .bool:
            return Column(type: type, storage: .bool(bools), validity: validity)
        case .string:
            let built = dictionary.build()
            return Column(type: type, storage: .string(DictionaryCodes(codes, distinctCount: built.count), built),
                          validity: validity)
        }
    }
}
