// The logical types a column can hold, and how each is stored physically.

/// A column's logical type.
///
/// `timestamp` is microseconds since the Unix epoch in UTC; `duration` is microseconds; `date` is
/// days since 1970-01-01. All three are stored as `Int64`, like `int`.
public enum DataType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case int
    case float
    case bool
    case string
    case timestamp
    case duration
    /// A calendar date: days since 1970-01-01. What `day(ts)`, `week(ts)` and `month(ts)` return,
    /// because a calendar day in a time zone is not an instant.
    case date

    public var description: String { rawValue }

    /// True for the types stored as `Int64` values.
    public var isInt64Backed: Bool {
        switch self {
        case .int, .timestamp, .duration, .date: return true
        case .float, .bool, .string: return false
        }
    }

    /// True for `int` and `float`, the types arithmetic accepts.
    public var isNumeric: Bool { self == .int || self == .float }
}
