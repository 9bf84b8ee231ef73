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
}
