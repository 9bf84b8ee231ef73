// Binds a parsed pipeline into a logical plan: resolves tables, columns, definitions and types.
import TallyStore

/// Turns pipelines into typed logical plans.
struct Binder {
    let catalog: Catalog
    /// Definitions being expanded, innermost last: a definition may not call itself.
    var expanding: [String] = []

    /// pipeline -> LogicalPlan
    func bind(_ pipeline: Pipeline) throws(Diagnostic) -> LogicalPlan {
        var plan = try bindSource(pipeline.source)
        for stage in pipeline.stages { plan = try bindStage(stage, plan) }
        return plan
    }

    func bindSource(_ source: PipelineSource) throws(Diagnostic) -> LogicalPlan {
        switch source.kind {
        case .table(let name):
            guard let table = catalog.table(name) else {
                let names = catalog.tables.map(\.name)
                var hints = Suggestion.hints(for: name, among: names)
                if hints.isEmpty && names.isEmpty { hints = ["no tables yet: `load \"file.csv\" as \(name)` creates one"] }
                throw Diagnostic(kind: .semantic, message: "unknown table `\(name)`", span: source.span, hints: hints)
            }
            return LogicalPlan(.scan(name: name, table), schema: table.fields)
        case .pipeline(let inner):
            return try bind(inner)
        case .values(let columns, let rows):
            var boundRows: [[BoundExpression]] = []
            let empty = ExpressionBinder(schema: [])
            for row in rows {
                guard row.count == columns.count else {
                    let span = row.first.map { SourceSpan(start: $0.span.start, end: row.last!.span.end) } ?? source.span
                    throw Diagnostic(kind: .semantic, message: "row has \(row.count) value\(row.count == 1 ? "" : "s"), expected \(columns.count)", span: span)
                }
                var bound: [BoundExpression] = []
                for (cell, column) in zip(row, columns) {
                    var binder = empty
                    let value = try binder.bind(cell)
                    let allowed = value.isNullLiteral || value.type == column.type
                        || (value.type == .int && column.type == .float) || (value.type == .date && column.type == .timestamp)
                    guard allowed else {
                        throw Diagnostic(kind: .semantic, message: "expected a \(column.type) value for `\(column.name)`, found \(value.type)",
                                         span: cell.span)
                    }
                    bound.append(value.cast(to: column.type))
                }
                boundRows.append(bound)
            }
            return LogicalPlan(.values(boundRows), schema: columns.map { Field(name: $0.name, type: $0.type) })
        }
    }

    func bindStage(_ stage: Stage, _ input: LogicalPlan) throws(Diagnostic) -> LogicalPlan {
        try rejectChart(input)
        var expressions = ExpressionBinder(schema: input.schema)
        switch stage.kind {
        case .filter(let condition):
            let bound = try expressions.requireBool(try expressions.bind(condition), "`where`")
            return LogicalPlan(.filter(input, bound), schema: input.schema)
        case .select(let items):
            var outputs: [(String, BoundExpression)] = []
            for (position, item) in items.enumerated() {
                let bound = try expressions.bind(item.expression)
                outputs.append((item.name ?? item.expression.impliedName ?? "column\(position + 1)", bound))
            }
            return try project(input, outputs, spans: items.map { $0.nameSpan ?? $0.expression.span })
        case .extend(let items):
            // One projection per item, so a later item can use an earlier one (`extend a = 1, b = a + 1`).
            var plan = input
            for item in items {
                var binder = ExpressionBinder(schema: plan.schema)
                let bound = try binder.bind(item.expression)
                var outputs = plan.schema.enumerated().map {
                    ($0.element.name, BoundExpression(.column($0.offset), $0.element.type, stage.span))
                }
                let name = item.name ?? item.expression.impliedName ?? "column\(plan.schema.count + 1)"
                if let existing = outputs.firstIndex(where: { $0.0 == name }) {
                    outputs[existing] = (name, bound)
                } else {
                    outputs.append((name, bound))
                }
                plan = LogicalPlan(.project(plan, outputs), schema: outputs.map { Field(name: $0.0, type: $0.1.type) })
            }
            return plan
        case .summarize(let aggregates, let by):
            return try bindSummarize(aggregates, by, input)
        case .sort(let keys):
            var bound: [BoundSortKey] = []
            for key in keys { bound.append(BoundSortKey(expression: try expressions.bind(key.expression), descending: key.descending)) }
            return LogicalPlan(.sort(input, bound), schema: input.schema)
        case .take(let count):
            return LogicalPlan(.limit(input, try rowCount(count)), schema: input.schema)
        case .top(let count, let key):
            let n = try rowCount(count)
            let sorted = LogicalPlan(.sort(input, [BoundSortKey(expression: try expressions.bind(key.expression), descending: key.descending)]),
                                     schema: input.schema)
            return LogicalPlan(.limit(sorted, n), schema: input.schema)
        case .distinct(let items):
            var plan = input
            if !items.isEmpty {
                var outputs: [(String, BoundExpression)] = []
                for (position, item) in items.enumerated() {
                    outputs.append((item.name ?? item.expression.impliedName ?? "column\(position + 1)", try expressions.bind(item.expression)))
                }
                plan = try project(input, outputs, spans: items.map { $0.nameSpan ?? $0.expression.span })
            }
            return LogicalPlan(.distinct(plan), schema: plan.schema)
        case .count:
            return LogicalPlan(.count(input), schema: [Field(name: "count", type: .int)])
        case .join(let kind, let other, let keys):
            let right = try bindSource(other)
            try rejectChart(right)
            return try bindJoin(kind, input, right, keys)
        case .union(let other):
            let right = try bindSource(other)
            try rejectChart(right)
            return try bindUnion(input, right, span: other.span)
        case .chart(let syntax):
            return try bindChart(syntax, input: input, span: stage.span)
        case .call(let name, let nameSpan, let arguments, let by):
            if let definition = catalog.definitions[name] {
                return try expand(definition, arguments: arguments, by: by, input: input, span: stage.span)
            }
            if let plugin = catalog.registry.plugin(named: name) {
                return try bindPlugin(plugin, nameSpan: nameSpan, arguments: arguments, by: by, input: input)
            }
            if let script = catalog.registry.script(named: name) {
                throw Diagnostic(kind: .semantic, message: "script plugin `\(name)` did not load: \(script.path) failed when the session started",
                                 span: nameSpan, hints: ["its error was printed as a warning at start"])
            }
            let candidates = Parser.stageKeywords + catalog.definitions.keys.sorted() + catalog.registry.stageNames
            throw Diagnostic(kind: .semantic, message: "unknown stage `\(name)`", span: nameSpan,
                             hints: Suggestion.hints(for: name, among: candidates))
        }
    }

    private func project(_ input: LogicalPlan, _ outputs: [(String, BoundExpression)], spans: [SourceSpan]) throws(Diagnostic) -> LogicalPlan {
        var seen = Set<String>()
        for (index, output) in outputs.enumerated() where !seen.insert(output.0).inserted {
            throw Diagnostic(kind: .semantic, message: "duplicate column name `\(output.0)`", span: spans[index],
                             hints: ["rename one with `new_name = …`"])
        }
        return LogicalPlan(.project(input, outputs), schema: outputs.map { Field(name: $0.0, type: $0.1.type) })
    }

    private func rowCount(_ expression: ParsedExpression) throws(Diagnostic) -> Int {
        guard case .literal(.int(let value)) = expression.kind, value >= 0 else {
            throw Diagnostic(kind: .semantic, message: "expected a non-negative whole number of rows", span: expression.span)
        }
        return Int(value)
    }
}
