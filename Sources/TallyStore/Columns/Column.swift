// A typed, immutable column: contiguous values plus an optional validity bitmap.

/// A column of one logical type.
///
/// Storage is contiguous (`[Int64]`, `[Double]`, `[Bool]`, or dictionary codes), so copying a
/// column or putting it in another table shares the buffers (copy-on-write, never written
/// after construction). Nulls are marked by `validity`; the value slot of a null row holds
/// zero (or code 0) and must not be read as data.
public struct Column: Sendable {
    public enum Storage: Sendable {
        /// `int`, `timestamp`, `duration` and `date` values.
        case int64([Int64])
        case float([Double])
        case bool([Bool])
        case string(DictionaryCodes, StringDictionary)
    }

    public let type: DataType
    public let storage: Storage
    /// Nil when the column has no nulls.
    public let validity: ValidityBitmap?

    public init(type: DataType, storage: Storage, validity: ValidityBitmap? = nil) {
        switch (type, storage) {
        case (.int, .int64), (.timestamp, .int64), (.duration, .int64), (.date, .int64), (.float, .float),
             (.bool, .bool), (.string, .string):
            break
        default:
            preconditionFailure("storage does not match column type \(type)")
        }
        self.type = type
        self.storage = storage
        // A bitmap with no nulls is dropped so that "has nulls" is one nil check.
        if let validity, validity.nullCount > 0 { self.validity = validity } else { self.validity = nil }
        if let validity = self.validity { precondition(validity.count == count, "validity length") }
    }

    public static func int(_ values: [Int64], validity: ValidityBitmap? = nil) -> Column {
        Column(type: .int, storage: .int64(values), validity: validity)
    }

    public static func float(_ values: [Double], validity: ValidityBitmap? = nil) -> Column {
        Column(type: .float, storage: .float(values), validity: validity)
    }

    public static func bool(_ values: [Bool], validity: ValidityBitmap? = nil) -> Column {
        Column(type: .bool, storage: .bool(values), validity: validity)
    }

    public static func timestamp(_ micros: [Int64], validity: ValidityBitmap? = nil) -> Column {
        Column(type: .timestamp, storage: .int64(micros), validity: validity)
    }

    public static func duration(_ micros: [Int64], validity: ValidityBitmap? = nil) -> Column {
        Column(type: .duration, storage: .int64(micros), validity: validity)
    }

    public static func date(_ days: [Int64], validity: ValidityBitmap? = nil) -> Column {
        Column(type: .date, storage: .int64(days), validity: validity)
    }

    /// A string column from plain values (nil = null), dictionary-encoding them in first-seen order.
    public static func string(_ values: [String?]) -> Column {
        var builder = ColumnBuilder(type: .string, capacity: values.count)
        for value in values {
            if let value { builder.append(string: value) } else { builder.appendNull() }
        }
        return builder.finish()
    }

    public var count: Int {
        switch storage {
        case .int64(let values): return values.count
        case .float(let values): return values.count
        case .bool(let values): return values.count
        case .string(let codes, _): return codes.count
        }
    }

    public var hasNulls: Bool { validity != nil }

    public var nullCount: Int { validity?.nullCount ?? 0 }

    @inline(__always)
    public func isNull(_ row: Int) -> Bool {
        guard let validity else { return false }
        return !validity.isValid(row)
    }

    /// The cell at `row` as a `Value`. For edges (rendering, tests), not for hot loops.
    public func value(at row: Int) -> Value {
        if isNull(row) { return .null }
        switch storage {
        case .int64(let values):
            switch type {
            case .timestamp: return .timestamp(values[row])
            case .duration: return .duration(values[row])
            case .date: return .date(values[row])
            default: return .int(values[row])
            }
        case .float(let values): return .float(values[row])
        case .bool(let values): return .bool(values[row])
        case .string(let codes, let dictionary): return .string(dictionary.string(at: Int(codes[row])))
        }
    }

    /// The `Int64` buffer of an `int`, `timestamp`, `duration` or `date` column.
    public var int64Values: [Int64]? { if case .int64(let values) = storage { return values } else { return nil } }
    public var floatValues: [Double]? { if case .float(let values) = storage { return values } else { return nil } }
    public var boolValues: [Bool]? { if case .bool(let values) = storage { return values } else { return nil } }
    public var dictionary: StringDictionary? {
        if case .string(_, let dictionary) = storage { return dictionary } else { return nil }
    }
    public var codes: DictionaryCodes? {
        if case .string(let codes, _) = storage { return codes } else { return nil }
    }

    /// The rows at `indices`, in that order (indices may repeat). String columns keep their
    /// dictionary, so gathering never re-encodes.
    public func gathered(_ indices: [Int]) -> Column {
        let newValidity = validity?.gathered(indices)
        switch storage {
        case .int64(let values):
            return Column(type: type, storage: .int64(indices.map { values[$0] }), validity: newValidity)
        case .float(let values):
            return Column(type: type, storage: .float(indices.map { values[$0] }), validity: newValidity)
        case .bool(let values):
            return Column(type: type, storage: .bool(indices.map { values[$0] }), validity: newValidity)
        case .string(let codes, let dictionary):
            return Column(type: type, storage: .string(codes.gathered(indices), dictionary), validity: newValidity)
        }
    }

    /// Rows `range`, as a new column.
    public func sliced(_ range: Range<Int>) -> Column {
        gathered(Array(range))
    }

    /// Bytes the column's own buffers occupy (values, codes, validity; the dictionary separately).
    public var valueByteCount: Int {
        let validityBytes = validity?.byteCount ?? 0
        switch storage {
        case .int64(let values): return values.count * 8 + validityBytes
        case .float(let values): return values.count * 8 + validityBytes
        case .bool(let values): return values.count + validityBytes
        case .string(let codes, _): return codes.byteCount + validityBytes
        }
    }

    /// Bytes of the column including its dictionary.
    public var byteCount: Int { valueByteCount + (dictionary?.byteCount ?? 0) }

    /// A column of `count` nulls of `type`.
    public static func nulls(_ type: DataType, count: Int) -> Column {
        var builder = ColumnBuilder(type: type, capacity: count)
        for _ in 0..<count { builder.appendNull() }
        return builder.finish()
    }
}
