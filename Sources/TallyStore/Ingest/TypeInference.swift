// Decides a column's type from the values it holds: the narrowest type every value parses as.

/// Accumulates the evidence of a column's values; nulls (empty fields) do not vote.
///
/// The order of preference is bool, int, float, date, timestamp, string: a column is `int` when
/// every value is an integer, `float` when every value is a number, `date` when every value is a
/// plain `YYYY-MM-DD`, `timestamp` when every value is a date or timestamp, and `string` otherwise
/// (also when it has no values at all).
struct TypeVotes {
    private var canBool = true
    private var canInt = true
    private var canFloat = true
    private var canDate = true
    private var canTimestamp = true
    private(set) var hasValues = false

    /// Records one non-empty value (already trimmed of padding by the caller or not; trimmed here).
    mutating func vote(_ raw: UnsafeRawBufferPointer) {
        let bytes = ValueParser.trimmed(raw)
        hasValues = true
        if canBool, ValueParser.parseBool(bytes) == nil { canBool = false }
        if canInt, ValueParser.parseInt(bytes) == nil { canInt = false }
        if canFloat, !canInt, ValueParser.parseFloat(bytes) == nil { canFloat = false }
        if canDate, TimestampParser.parseDate(bytes) == nil { canDate = false }
        if canTimestamp, !canDate, TimestampParser.parseTimestamp(bytes) == nil { canTimestamp = false }
    }

    /// True while the column could still be something narrower than a string.
    var isUndecided: Bool { canBool || canInt || canFloat || canDate || canTimestamp }

    var inferred: DataType {
        guard hasValues else { return .string }
        if canBool { return .bool }
        if canInt { return .int }
        if canFloat { return .float }
        if canDate { return .date }
        if canTimestamp { return .timestamp }
        return .string
    }
}
