// A plugin stage after binding: plain data naming the plugin and its checked arguments.
import TallyStore
import TallyPluginAPI

/// One argument of a plugin call after binding. Predicates stay expressions until execution, so
/// that a plan can be read (or turned into SQL) without evaluating anything.
public indirect enum BoundArgumentExpression: Sendable {
    /// A value known at bind time (column name, duration, period, number, choice, …).
    case value(ArgumentValue)
    /// A boolean expression over the input rows, with the label the plugin shows for it
    /// (`"signup"` for an event name, the expression's text otherwise).
    case predicate(BoundExpression, label: String)
    case list([BoundArgumentExpression])
}

/// `name(arguments) [by keys]` where `name` is a native plugin.
public struct BoundPluginCall: Sendable {
    /// The stage name, as registered.
    public var name: String
    /// The plugin itself, captured when the statement was bound (as `scan` captures its table).
    public var plugin: any Plugin
    /// Every given or defaulted parameter by name; absent optional parameters are left out.
    public var arguments: [String: BoundArgumentExpression]
    /// Group keys of a trailing `by`: output name and expression over the input.
    public var keys: [(String, BoundExpression)]
    /// The plugin's own output fields (the plan's schema is the keys followed by these).
    public var outputFields: [Field]
    /// Where to point when the plugin reports a problem: each given argument's value, and the name.
    public var argumentSpans: [String: SourceSpan]
    public var nameSpan: SourceSpan

    /// The span for an error about `parameter` (the stage name when it was not written).
    func span(for parameter: String?) -> SourceSpan {
        parameter.flatMap { argumentSpans[$0] } ?? nameSpan
    }
}

extension BoundArgumentExpression {
    /// The argument as the plugin receives it; `evaluate` turns each predicate into a boolean column.
    func resolved<E: Error>(_ evaluate: (BoundExpression) throws(E) -> Column) throws(E) -> ArgumentValue {
        switch self {
        case .value(let value):
            return value
        case .predicate(let expression, let label):
            return .predicate(try evaluate(expression), label: label)
        case .list(let items):
            var values: [ArgumentValue] = []
            for item in items { values.append(try item.resolved(evaluate)) }
            return .list(values)
        }
    }
}

extension BoundPluginCall {
    /// Arguments with each predicate evaluated by `evaluate`.
    func boundArguments<E: Error>(_ evaluate: (BoundExpression) throws(E) -> Column) throws(E) -> BoundArguments {
        var values: [String: ArgumentValue] = [:]
        for (name, argument) in arguments { values[name] = try argument.resolved(evaluate) }
        return BoundArguments(values)
    }

    /// Arguments for `outputFields` at bind time: predicates are empty boolean columns.
    var bindTimeArguments: BoundArguments {
        boundArguments { (_: BoundExpression) throws(Never) -> Column in .bool([]) }
    }
}
