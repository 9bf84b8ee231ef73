// Binding of `summarize aggregates by keys`.
import TallyStore

extension Binder {
    /// summarize -> keys from `by`, aggregates collected from each item, items computed per group.
    func bindSummarize(_ items: [NamedExpression], _ by: [NamedExpression], _ input: LogicalPlan) throws(Diagnostic) -> LogicalPlan {
        var keyBinder = ExpressionBinder(schema: input.schema)
        var keys: [(String, BoundExpression)] = []
        var names = Set<String>()
        for (position, key) in by.enumerated() {
            let bound = try keyBinder.bind(key.expression)
            let name = key.name ?? key.expression.impliedName ?? "key\(position + 1)"
            guard names.insert(name).inserted else {
                throw Diagnostic(kind: .semantic, message: "duplicate column name `\(name)`", span: key.nameSpan ?? key.expression.span,
                                 hints: ["rename one with `new_name = …`"])
            }
            keys.append((name, bound))
        }
        var binder = ExpressionBinder(schema: input.schema)
        binder.aggregateBase = keys.count
        binder.groupedSchema = keys.map { Field(name: $0.0, type: $0.1.type) }
        var outputs: [(String, BoundExpression)] = keys.enumerated().map {
            ($0.element.0, BoundExpression(.column($0.offset), $0.element.1.type, by[$0.offset].expression.span))
        }
        for item in items {
            let bound = try binder.bind(item.expression)
            let name = item.name ?? Self.aggregateName(item.expression)
            guard names.insert(name).inserted else {
                throw Diagnostic(kind: .semantic, message: "duplicate column name `\(name)`", span: item.nameSpan ?? item.expression.span,
                                 hints: ["rename one with `new_name = …`"])
            }
            outputs.append((name, bound))
        }
        return LogicalPlan(.aggregate(input, keys: keys, aggregates: binder.aggregates, output: outputs),
                           schema: outputs.map { Field(name: $0.0, type: $0.1.type) })
    }

    /// `count()` → `count`, `sum(amount)` → `sum_amount`, `percentile(x, 90)` → `percentile_x`.
    static func aggregateName(_ expression: ParsedExpression) -> String {
        if case .call(let name, _, let arguments) = expression.kind {
            if let first = arguments.first, case .column(let column) = first.value.kind {
                return name.lowercased() + "_" + column
            }
            return name.lowercased()
        }
        return expression.impliedName ?? "value"
    }
}
