// Runs a logical plan in process and produces its result table.
import TallyStore

/// The in-process executor: walks a `LogicalPlan` bottom-up, one operator per node.
struct Executor {
    let context: ExecutionContext
    var evaluator: Evaluator { Evaluator(context: context) }

    func execute(_ plan: LogicalPlan) throws(Diagnostic) -> Table {
        try context.checkCancellation()
        switch plan.operation {
        case .scan(_, let table):
            return table
        case .values(let rows):
            var builders = plan.schema.map { ColumnBuilder(type: $0.type, capacity: rows.count) }
            for row in rows {
                for (index, cell) in row.enumerated() {
                    let column = try evaluator.evaluate(cell, columns: [], count: 1)
                    builders[index].append(column.value(at: 0))
                }
            }
            return try make(plan.schema, builders.map { $0.finish() })
        case .filter(let input, let condition):
            let table = try execute(input)
            let selected = try selectedRows(table, condition)
            if selected.count == table.rowCount { return table }
            return try make(table.fields, table.columns.map { $0.selecting(selected) })
        case .project(let input, let outputs):
            if case .filter(let base, let condition) = input.operation {
                // Gather only the columns the outputs read.
                var needed = Set<Int>()
                for output in outputs { output.1.collectColumns(into: &needed) }
                let rows = try filtered(base, condition, keeping: needed)
                var columns: [Column] = []
                for output in outputs {
                    columns.append(try evaluator.evaluate(output.1.remappingColumns(rows.newIndex), columns: rows.columns,
                                                          count: rows.rowCount))
                }
                return try make(plan.schema, columns, rowCount: rows.rowCount)
            }
            let table = try execute(input)
            var columns: [Column] = []
            for output in outputs { columns.append(try evaluator.evaluate(output.1, over: table)) }
            return try make(plan.schema, columns, rowCount: table.rowCount)
        case .aggregate(let input, let keys, let aggregates, let outputs):
            if case .filter(let base, let condition) = input.operation {
                // Gather only the columns the keys and aggregate arguments read.
                var needed = Set<Int>()
                for key in keys { key.1.collectColumns(into: &needed) }
                for aggregate in aggregates { aggregate.argument?.collectColumns(into: &needed) }
                let rows = try filtered(base, condition, keeping: needed)
                let narrowedKeys = keys.map { ($0.0, $0.1.remappingColumns(rows.newIndex)) }
                let narrowedAggregates = aggregates.map { aggregate in
                    var narrowed = aggregate
                    narrowed.argument = aggregate.argument?.remappingColumns(rows.newIndex)
                    return narrowed
                }
                return try self.aggregate(plan.schema, rows.columns, rowCount: rows.rowCount, narrowedKeys, narrowedAggregates,
                                          outputs)
            }
            let table = try execute(input)
            return try aggregate(plan.schema, table.columns, rowCount: table.rowCount, keys, aggregates, outputs)
        case .sort(let input, let keys):
            return try sorted(try execute(input), keys, limit: nil)
        case .limit(let input, let count):
            if case .sort(let sortInput, let keys) = input.operation {
                // sort + take: keep only the first `count` rows while scanning.
                return try sorted(try execute(sortInput), keys, limit: count)
            }
            return try execute(input).prefix(count)
        case .distinct(let input):
            let table = try execute(input)
            let grouping = KeyEncoder.group(table.columns, rowCount: table.rowCount)
            if table.columnCount == 0 { return table.prefix(min(1, table.rowCount)) }
            return table.gathered(grouping.firstRows)
        case .count(let input):
            if case .filter(let filterInput, let condition) = input.operation {
                // `where … | count` needs the number of rows, not the rows.
                let table = try execute(filterInput)
                let count = try RowSelection.count(condition, columns: table.columns, rowCount: table.rowCount,
                                                   evaluator: evaluator)
                return try make(plan.schema, [.int([Int64(count)])])
            }
            return try make(plan.schema, [.int([Int64(try execute(input).rowCount)])])
        case .join(let kind, let left, let right, let leftKeys, let rightKeys, let output):
            let l = try execute(left), r = try execute(right)
            let (leftRows, rightRows) = try HashJoin.match(kind, l, r, leftKeys: leftKeys, rightKeys: rightKeys, context: context)
            var columns: [Column] = []
            for (side, index) in output {
                // Each gather of a large join output takes a while; stay responsive to Ctrl-C.
                try context.checkCancellation()
                columns.append(side == 0 ? l.columns[index].gathered(leftRows)
                                         : r.columns[index].gatheredAllowingNulls(rightRows))
            }
            return try make(plan.schema, columns, rowCount: leftRows.count)
        case .union(let left, let right):
            let l = try execute(left), r = try execute(right)
            let columns = plan.schema.map { field in
                let parts = [l, r].map { $0.column(named: field.name) ?? .nulls(field.type, count: $0.rowCount) }
                return Column.concatenated(parts, type: field.type)
            }
            return try make(plan.schema, columns, rowCount: l.rowCount + r.rowCount)
        case .plugin(let input, let call):
            if case .filter(let base, let condition) = input.operation,
               let result = try prunedPluginRun(call, base: base, condition: condition, inputSchema: input.schema,
                                                schema: plan.schema) {
                return result
            }
            return try runPlugin(call, over: try execute(input), schema: plan.schema)
        case .chart(let input, _, _):
            return try execute(input)
        }
    }

    /// Rows where `condition` is true (not false, not null).
    private func selectedRows(_ table: Table, _ condition: BoundExpression) throws(Diagnostic) -> [Int] {
        try RowSelection.rows(condition, columns: table.columns, rowCount: table.rowCount, evaluator: evaluator)
    }

    private func sorted(_ table: Table, _ keys: [BoundSortKey], limit: Int?) throws(Diagnostic) -> Table {
        var columns: [Column] = []
        for key in keys { columns.append(try evaluator.evaluate(key.expression, over: table)) }
        let order = try Sorter.order(columns, descending: keys.map(\.descending), limit: limit, context: context)
        return table.gathered(limit.map { Array(order.prefix($0)) } ?? order)
    }

    /// `summarize` over `columns` (`rowCount` rows each; a filter may have left out the columns
    /// nothing reads).
    private func aggregate(_ schema: [Field], _ columns: [Column], rowCount: Int, _ keys: [(String, BoundExpression)],
                           _ aggregates: [BoundAggregate], _ outputs: [(String, BoundExpression)]) throws(Diagnostic) -> Table {
        var keyColumns: [Column] = []
        for key in keys { keyColumns.append(try evaluator.evaluate(key.1, columns: columns, count: rowCount)) }
        if keyColumns.count == 1, keyColumns[0].type == .string,
           aggregates.allSatisfy({ $0.function == .count && $0.argument == nil }) {
            // `count() by c` on a string column: a histogram of the codes, no group id per row.
            let counts = CountsByCode(keyColumns[0])
            let grouped = [keyColumns[0].gathered(counts.firstRows)] + aggregates.map { _ in Column.int(counts.counts) }
            return try aggregateOutputs(schema, outputs, grouped, groupCount: counts.counts.count)
        }
        // Group ids are built only when some aggregate needs them: without keys, count, sum, avg,
        // min and max fold the argument directly.
        var grouping: Grouping?
        func groupingBuiltOnce() -> Grouping {
            if let grouping { return grouping }
            let built = KeyEncoder.group(keyColumns, rowCount: rowCount)
            grouping = built
            return built
        }
        var results: [Column] = []
        // `min(c), max(c)` of one column: both from one pass over it.
        var extremesByColumn: [Int: (min: Column, max: Column)] = [:]
        for aggregate in aggregates {
            try context.checkCancellation()
            let argument = try aggregate.argument.map { e throws(Diagnostic) in
                try evaluator.evaluate(e, columns: columns, count: rowCount)
            }
            if keys.isEmpty, let argument, let index = Self.extremeColumn(aggregate),
               aggregates.filter({ Self.extremeColumn($0) == index }).count > 1 {
                if extremesByColumn[index] == nil { extremesByColumn[index] = WholeTableAggregates.extremes(argument) }
                if let both = extremesByColumn[index] {
                    results.append(aggregate.function == .min ? both.min : both.max)
                    continue
                }
            }
            if keys.isEmpty, let whole = WholeTableAggregates.compute(aggregate, argument: argument, rowCount: rowCount) {
                results.append(whole)
            } else {
                results.append(try Aggregator(grouping: groupingBuiltOnce(), context: context).compute(aggregate, argument: argument))
            }
        }
        // With keys and no rows there are no groups; without keys there is always one.
        if keys.isEmpty { return try aggregateOutputs(schema, outputs, results, groupCount: 1) }
        let keyGrouping = groupingBuiltOnce()
        let grouped = keyColumns.map { $0.gathered(keyGrouping.firstRows) } + results
        return try aggregateOutputs(schema, outputs, grouped, groupCount: keyGrouping.groupCount)
    }

    /// The input column of a `min(column)` or `max(column)`.
    private static func extremeColumn(_ aggregate: BoundAggregate) -> Int? {
        guard aggregate.function == .min || aggregate.function == .max, case .column(let index)? = aggregate.argument?.kind
        else { return nil }
        return index
    }

    /// The `summarize` outputs over the grouped table (keys, then one column per aggregate).
    private func aggregateOutputs(_ schema: [Field], _ outputs: [(String, BoundExpression)], _ grouped: [Column],
                                  groupCount: Int) throws(Diagnostic) -> Table {
        var columns: [Column] = []
        for output in outputs { columns.append(try evaluator.evaluate(output.1, columns: grouped, count: groupCount)) }
        return try make(schema, columns, rowCount: groupCount)
    }

    private func make(_ schema: [Field], _ columns: [Column], rowCount: Int? = nil) throws(Diagnostic) -> Table {
        do {
            if columns.isEmpty { return Table.empty }
            return try Table(zip(schema, columns).map { ($0.name, $1) })
        } catch {
            throw Diagnostic(kind: .runtime, message: "internal error: \(error)")
        }
    }
}
