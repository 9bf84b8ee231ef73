// A `where` followed by a stage that reads few columns gathers only those columns.
import TallyStore

/// The rows a filter keeps, restricted to the columns a later stage reads.
struct PrunedRows {
    /// The kept columns, in input order.
    var columns: [Column]
    var names: [String]
    var rowCount: Int
    /// Input column index → index in `columns`.
    var newIndex: [Int: Int]

    /// The kept columns as a table (at least one column, or the row count would be lost).
    func table() throws(Diagnostic) -> Table {
        do {
            return try Table(Array(zip(names, columns)))
        } catch {
            throw Diagnostic(kind: .runtime, message: "internal error: \(error)")
        }
    }
}

extension Executor {
    /// The rows of `base` where `condition` holds, gathering only the input columns `keeping`.
    /// - Complexity: O(input rows) for the selection, then O(selected rows) per kept column.
    func filtered(_ base: LogicalPlan, _ condition: BoundExpression, keeping: Set<Int>) throws(Diagnostic) -> PrunedRows {
        let table = try execute(base)
        let selected = try RowSelection.rows(condition, columns: table.columns, rowCount: table.rowCount,
                                             evaluator: evaluator)
        let kept = keeping.sorted()
        var columns: [Column] = []
        for index in kept {
            try context.checkCancellation()
            let column = table.columns[index]
            columns.append(selected.count == table.rowCount ? column : column.selecting(selected))
        }
        let newIndex = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        return PrunedRows(columns: columns, names: kept.map { table.fields[$0].name }, rowCount: selected.count,
                          newIndex: newIndex)
    }

    /// A plugin stage over a `where`, with only the columns the plugin, its keys and its predicates
    /// read; nil when the plugin does not say which columns it reads (then it gets them all).
    func prunedPluginRun(_ call: BoundPluginCall, base: LogicalPlan, condition: BoundExpression,
                         inputSchema: [Field], schema: [Field]) throws(Diagnostic) -> Table? {
        guard let names = call.plugin.inputColumns(arguments: call.bindTimeArguments, input: inputSchema) else { return nil }
        var needed = Set<Int>()
        for name in names {
            guard let index = inputSchema.firstIndex(where: { $0.name == name }) else { return nil }
            needed.insert(index)
        }
        for key in call.keys { key.1.collectColumns(into: &needed) }
        for argument in call.arguments.values { argument.collectColumns(into: &needed) }
        guard !needed.isEmpty, needed.count < inputSchema.count else { return nil }
        let rows = try filtered(base, condition, keeping: needed)
        var narrowed = call
        narrowed.keys = call.keys.map { ($0.0, $0.1.remappingColumns(rows.newIndex)) }
        narrowed.arguments = call.arguments.mapValues { $0.remappingColumns(rows.newIndex) }
        return try runPlugin(narrowed, over: try rows.table(), schema: schema)
    }
}
