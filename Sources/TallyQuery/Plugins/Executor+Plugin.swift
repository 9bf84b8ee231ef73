// Runs a plugin stage: predicates evaluated, then the plugin once, or once per `by` group.
import TallyStore
import TallyPluginAPI

extension Executor {
    /// The plugin's result over `table`; with keys, the per-group results in first-appearance
    /// order of the groups, each prefixed with its key values.
    func runPlugin(_ call: BoundPluginCall, over table: Table, schema: [Field]) throws(Diagnostic) -> Table {
        let evaluator = self.evaluator
        let arguments = try call.boundArguments { (expression: BoundExpression) throws(Diagnostic) -> Column in
            try evaluator.evaluate(expression, over: table)
        }
        guard !call.keys.isEmpty else {
            return try invoke(call, table, arguments, whole: table, extents: WholeInputExtents(), rows: nil)
        }
        var keyColumns: [Column] = []
        for key in call.keys { keyColumns.append(try evaluator.evaluate(key.1, over: table)) }
        let grouping = KeyEncoder.group(keyColumns, rowCount: table.rowCount)
        let groups = Self.rowsByGroup(grouping)
        var parts: [[Column]] = []
        var total = 0
        // One memo for every group: whole-input scans (time ranges) run once per call.
        let extents = WholeInputExtents()
        for rows in groups {
            try context.checkCancellation()
            let result = try invoke(call, table.gathered(rows), Self.gathered(arguments, rows), whole: table,
                                    extents: extents, rows: rows)
            let keys = keyColumns.map { $0.gathered([Int](repeating: rows[0], count: result.rowCount)) }
            parts.append(keys + result.columns)
            total += result.rowCount
        }
        let columns = schema.enumerated().map { index, field in
            parts.isEmpty ? Column.nulls(field.type, count: 0) : Column.concatenated(parts.map { $0[index] }, type: field.type)
        }
        return try makeTable(schema, columns)
    }

    /// Runs the plugin on one input and checks it returned what `outputFields` promised.
    /// - Parameter rows: the rows of the whole input this group holds, to report input row numbers.
    private func invoke(_ call: BoundPluginCall, _ input: Table, _ arguments: BoundArguments, whole: Table,
                        extents: WholeInputExtents, rows: [Int]?) throws(Diagnostic) -> Table {
        let flag = context.cancellation
        let pluginContext = PluginContext(zone: context.zone, weekStart: context.weekStart, wholeInput: whole,
                                          wholeInputExtents: extents, isCancelled: { flag.isCancelled })
        let result: Table
        do {
            result = try call.plugin.run(input, arguments: arguments, context: pluginContext)
        } catch {
            throw diagnostic(for: error, call, rows: rows)
        }
        let promised = call.outputFields
        guard result.fields == promised || (result.columnCount == 0 && promised.isEmpty) else {
            let describe = { (fields: [Field]) in fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ") }
            throw Diagnostic(kind: .runtime,
                             message: "internal error: plugin `\(call.name)` returned (\(describe(result.fields))), but declared (\(describe(promised)))",
                             span: call.nameSpan)
        }
        return result
    }

    private func diagnostic(for error: PluginError, _ call: BoundPluginCall, rows: [Int]?) -> Diagnostic {
        if error.isCancellation { return Diagnostic(kind: .cancelled, message: "query cancelled") }
        var message = error.message
        if let row = error.row {
            let inputRow = rows.map { row < $0.count ? $0[row] : row } ?? row
            message += " (row \(inputRow + 1))"
        }
        return Diagnostic(kind: error.parameter == nil ? .runtime : .semantic, message: message,
                          span: call.span(for: error.parameter), hints: error.hints)
    }

    /// Row indices of each group, groups in first-appearance order (a counting sort by group id).
    static func rowsByGroup(_ grouping: Grouping) -> [[Int]] {
        var counts = [Int](repeating: 0, count: grouping.groupCount)
        for id in grouping.ids where id >= 0 { counts[Int(id)] += 1 }
        var groups = counts.map { count -> [Int] in
            var rows: [Int] = []
            rows.reserveCapacity(count)
            return rows
        }
        for (row, id) in grouping.ids.enumerated() where id >= 0 { groups[Int(id)].append(row) }
        return groups
    }

    /// The arguments with every predicate column cut down to `rows`.
    static func gathered(_ arguments: BoundArguments, _ rows: [Int]) -> BoundArguments {
        func cut(_ value: ArgumentValue) -> ArgumentValue {
            switch value {
            case .predicate(let column, let label): return .predicate(column.gathered(rows), label: label)
            case .list(let items): return .list(items.map(cut))
            default: return value
            }
        }
        return BoundArguments(arguments.values.mapValues(cut))
    }

    private func makeTable(_ schema: [Field], _ columns: [Column]) throws(Diagnostic) -> Table {
        do {
            return try Table(zip(schema, columns).map { ($0.name, $1) })
        } catch {
            throw Diagnostic(kind: .runtime, message: "internal error: \(error)")
        }
    }
}
