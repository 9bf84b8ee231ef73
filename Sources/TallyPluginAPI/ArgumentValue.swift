// Arguments after binding: typed values the plugin reads without re-parsing anything.
import TallyStore

/// A calendar period for bucketing.
public enum CalendarPeriod: String, Sendable, Equatable, CaseIterable {
    case day, week, month
}

/// One bound argument value.
public enum ArgumentValue: Sendable {
    /// An input column, by name (already checked to exist).
    case column(String)
    /// A boolean column over the input rows (null where the predicate is null), with the text the
    /// user wrote (`"signup"` or `event == "purchase"`) for labels.
    case predicate(Column, label: String)
    case list([ArgumentValue])
    /// Microseconds.
    case duration(Int64)
    /// Microseconds since the epoch, UTC.
    case timestamp(Int64)
    case period(CalendarPeriod)
    case integer(Int64)
    case number(Double)
    case string(String)
    case boolean(Bool)
    /// A word of a `.choice`.
    case choice(String)
    /// The words given for a `.flags` parameter.
    case flags(Set<String>)
}

/// The arguments of one plugin call, by parameter name, defaults filled in.
///
/// The engine guarantees each present value matches its parameter's type, so the typed
/// accessors only return nil for an absent optional parameter.
public struct BoundArguments: Sendable {
    public var values: [String: ArgumentValue]

    public init(_ values: [String: ArgumentValue] = [:]) {
        self.values = values
    }

    public subscript(name: String) -> ArgumentValue? { values[name] }

    public func column(_ name: String) -> String? {
        if case .column(let value) = values[name] { return value } else { return nil }
    }

    public func predicate(_ name: String) -> (column: Column, label: String)? {
        if case .predicate(let column, let label) = values[name] { return (column, label) } else { return nil }
    }

    public func predicates(_ name: String) -> [(column: Column, label: String)]? {
        guard case .list(let items) = values[name] else { return nil }
        return items.compactMap { item in
            if case .predicate(let column, let label) = item { return (column, label) } else { return nil }
        }
    }

    public func duration(_ name: String) -> Int64? {
        if case .duration(let value) = values[name] { return value } else { return nil }
    }

    public func timestamp(_ name: String) -> Int64? {
        if case .timestamp(let value) = values[name] { return value } else { return nil }
    }

    public func period(_ name: String) -> CalendarPeriod? {
        if case .period(let value) = values[name] { return value } else { return nil }
    }

    public func integer(_ name: String) -> Int64? {
        if case .integer(let value) = values[name] { return value } else { return nil }
    }

    public func number(_ name: String) -> Double? {
        switch values[name] {
        case .number(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    public func string(_ name: String) -> String? {
        if case .string(let value) = values[name] { return value } else { return nil }
    }

    public func boolean(_ name: String) -> Bool? {
        if case .boolean(let value) = values[name] { return value } else { return nil }
    }

    public func choice(_ name: String) -> String? {
        if case .choice(let value) = values[name] { return value } else { return nil }
    }

    public func flags(_ name: String) -> Set<String> {
        if case .flags(let value) = values[name] { return value } else { return [] }
    }
}
