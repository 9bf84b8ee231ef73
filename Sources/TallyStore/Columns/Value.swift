// A single, dynamically typed cell value: used for literals, rendering and row-at-a-time paths.

/// One cell. Hot loops work on column buffers instead; `Value` is for the edges.
public enum Value: Sendable, Hashable {
    case null
    case int(Int64)
    case float(Double)
    case bool(Bool)
    case string(String)
    case timestamp(Int64)
    case duration(Int64)
    /// Days since 1970-01-01.
    case date(Int64)

    /// The value's type, or nil for `null`, which fits every type.
    public var type: DataType? {
        switch self {
        case .null: return nil
        case .int: return .int
        case .float: return .float
        case .bool: return .bool
        case .string: return .string
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .date: return .date
        }
    }

    public var isNull: Bool { if case .null = self { return true } else { return false } }
}
