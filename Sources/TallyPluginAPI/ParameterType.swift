// The kinds of values a plugin parameter accepts; the engine checks arguments against them.

/// What a plugin parameter accepts, checked by the engine before the plugin runs.
public indirect enum ParameterType: Sendable, Equatable, CustomStringConvertible {
    /// The name of an input column (`amount: amount`, `user: uid`).
    case column
    /// An event name (`"signup"`, matched against the event column) or a boolean predicate over
    /// the input row (`event == "purchase" and amount > 100`). Arrives as a boolean `Column`.
    case eventPredicate
    /// A bracketed list `[a, b, …]` of values of one type.
    case list(ParameterType)
    /// A duration literal such as `7d` or `90s`.
    case duration
    /// A timestamp or date literal (`2024-03-01`, a date meaning local midnight in the session zone).
    case timestamp
    /// A calendar period: `day`, `week` or `month`.
    case period
    /// A whole number, optionally within a range.
    case integer(ClosedRange<Int64>?)
    /// Any number.
    case number
    case string
    case boolean
    /// One word out of a fixed set (`mode: exact`).
    case choice([String])
    /// Any combination of words out of a fixed set, as one word or a list (`mode: [strict_order, strict_once]`).
    case flags([String])

    public var description: String {
        switch self {
        case .column: return "column"
        case .eventPredicate: return "event name or predicate"
        case .list(let element): return "list of \(element)"
        case .duration: return "duration"
        case .timestamp: return "timestamp or date"
        case .period: return "day|week|month"
        case .integer(let range):
            guard let range else { return "integer" }
            return range.upperBound == .max ? "integer ≥ \(range.lowerBound)" : "integer \(range.lowerBound)…\(range.upperBound)"
        case .number: return "number"
        case .string: return "string"
        case .boolean: return "true|false"
        case .choice(let words): return words.joined(separator: "|")
        case .flags(let words): return "any of " + words.joined(separator: ", ")
        }
    }
}
