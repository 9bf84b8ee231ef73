// The contract a metric plugin implements: describe itself, type its output, compute.
import TallyStore

/// A metric computed as a pipeline stage: a table in, a table out.
///
/// Plugins are pure: they read the input table and bound arguments, and return a new table.
/// They never print and never touch the session; errors are thrown as `PluginError`.
/// A trailing `by col, …` is handled by the engine, which runs the plugin once per group (in
/// first-appearance order of the groups) and prepends the group keys to each output row.
public protocol Plugin: Sendable {
    var descriptor: PluginDescriptor { get }

    /// The output schema for these arguments and this input schema, known before running so
    /// that later stages can be type-checked. Must match what `run` returns.
    func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field]

    /// Computes the metric.
    func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table

    /// The input columns `run` reads, by name; nil (the default) when it may read any.
    func inputColumns(arguments: BoundArguments, input: [Field]) -> [String]?
}

extension Plugin {
    /// The input columns `run` reads for these arguments, by name; nil when it may read any.
    ///
    /// When a plugin names them, the engine may hand `run` (and `PluginContext.wholeInput`) a
    /// table of only these columns, plus those its `by` keys and predicates read, in input order:
    /// after a `where`, the other columns are then never gathered. The default, nil, keeps every
    /// input column. A plugin that resolves a column by role must include the resolved name.
    public func inputColumns(arguments: BoundArguments, input: [Field]) -> [String]? { nil }
}
