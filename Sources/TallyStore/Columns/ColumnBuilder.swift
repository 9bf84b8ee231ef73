// Appends values one at a time and produces an immutable Column.

/// Accumulates the values of one column; `finish()` freezes them into a `Column`.
///
/// Typed appends (`append(int:)`, `append(string:)`, `append(utf8:)`) avoid boxing in `Value`;
/// `append(_ value:)` is the convenient slow path.
public struct ColumnBuilder: Sendable {
    public let type: DataType
    private var int64s: [Int64] = []
    private var floats: [Double] = []
    private var bools: [Bool] = []
    private var codes: [UInt32] = []
    private var dictionary = StringDictionaryBuilder()
    private var validity = ValidityBitmap()
    private var nullCount = 0

    public init(type: DataType, capacity: Int = 0) {
        self.type = type
        switch type {
        case .int, .timestamp, .duration, .date: int64s.reserveCapacity(capacity)
        case .float: floats.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .string: codes.reserveCapacity(capacity)
        }
    }

    public var count: Int { validity.count }

    public mutating func appendNull() {
        switch type {
        case .int, .timestamp, .duration, .date: int64s.append(0)
        case .float: floats.append(0)
        case .bool: bools.append(false)
        case .string: codes.append(0)
        }
        validity.append(false)
        nullCount += 1
    }

    /// Appends to an `int`, `timestamp`, `duration` or `date` column.
    public mutating func append(int64 value: Int64) {
        int64s.append(value)
        validity.append(true)
    }

    public mutating func append(float value: Double) {
        floats.append(value)
        validity.append(true)
    }

    public mutating func append(bool value: Bool) {
        bools.append(value)
        validity.append(true)
    }

    public mutating func append(string value: String) {
        codes.append(dictionary.intern(value))
        validity.append(true)
    }

    /// Appends the string whose UTF-8 bytes are `utf8` (must be valid UTF-8).
    public mutating func append(utf8: UnsafeRawBufferPointer) {
        codes.append(dictionary.intern(utf8))
        validity.append(true)
    }

    /// Appends any value; `int` values are widened into `float` columns, nothing else converts.
    public mutating func append(_ value: Value) {
        switch (value, type) {
        case (.null, _): appendNull()
        case (.int(let v), .int), (.timestamp(let v), .timestamp), (.duration(let v), .duration),
             (.date(let v), .date):
            append(int64: v)
        case (.int(let v), .float): append(float: Double(v))
        case (.float(let v), .float): append(float: v)
        case (.bool(let v), .bool): append(bool: v)
        case (.string(let v), .string): append(string: v)
        default: preconditionFailure("cannot append \(value) to a \(type) column")
        }
    }

    public func finish() -> Column {
        let finalValidity: ValidityBitmap? = nullCount > 0 ? validity : nil
        switch type {
        case .int, .timestamp, .duration, .date:
            return Column(type: type, storage: .int64(int64s), validity: finalValidity)
        case .float:
            return Column(type: type, storage: .float(floats), validity: finalValidity)
        case .bool:
            return Column(type: type, storage: .bool(bools), validity: finalValidity)
        case .string:
            let dict = dictionary.build()
            return Column(type: type, storage: .string(DictionaryCodes(codes, distinctCount: dict.count), dict),
                          validity: finalValidity)
        }
    }
}
