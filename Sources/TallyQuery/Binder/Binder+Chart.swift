// Binds a `chart` stage: resolves its columns against the input, fills in defaults, checks types.
import TallyStore

extension Binder {
    /// `chart kind options` over `input`: the same rows, with a checked `ChartSpec`.
    ///
    /// Defaults: line and bar take the first column as `x` and every other numeric column as
    /// `y`; heatmap takes the first column as `rows`, the second as `columns` and the last
    /// numeric column after them as `value` (for retention's cohort, period, …, rate: rate).
    func bindChart(_ syntax: ChartStageSyntax, input: LogicalPlan, span: SourceSpan) throws(Diagnostic) -> LogicalPlan {
        let schema = input.schema
        var given: [String: [(name: String, span: SourceSpan)]] = [:]
        var title: String?
        for option in syntax.options {
            switch option.value {
            case .columns(let columns):
                for column in columns { try requireColumn(column.name, column.span, in: schema) }
                given[option.name] = columns
            case .text(let text):
                title = text
            }
        }
        func numeric(_ column: (name: String, span: SourceSpan), role: String) throws(Diagnostic) {
            let type = schema.first { $0.name == column.name }!.type
            guard type == .int || type == .float else {
                throw Diagnostic(kind: .semantic, message: "`\(column.name)` is a \(type) column; \(role) must be int or float",
                                 span: column.span, hints: ["chart an int or float column, or compute one with `extend`"])
            }
        }
        let isNumber = { (field: Field) in field.type == .int || field.type == .float }
        switch syntax.kind {
        case .line, .bar:
            guard let first = schema.first else {
                throw Diagnostic(kind: .semantic, message: "a chart needs at least one column", span: syntax.kindSpan)
            }
            let x = given["x"]?.first?.name ?? first.name
            var y: [String] = []
            if let columns = given["y"] {
                for column in columns { try numeric(column, role: "a chart's `y` columns") }
                y = columns.map(\.name)
            } else {
                y = schema.filter { $0.name != x && isNumber($0) }.map(\.name)
                guard !y.isEmpty else {
                    throw Diagnostic(kind: .semantic, message: "no numeric column to chart besides `\(x)`", span: syntax.kindSpan,
                                     hints: ["name the values with `y: column`"])
                }
            }
            let spec = ChartSpec(kind: syntax.kind, x: x, y: y, title: title)
            return LogicalPlan(.chart(input, spec, span: span), schema: schema)
        case .heatmap:
            let rows = given["rows"]?.first?.name ?? schema.first?.name
            let columns = given["columns"]?.first?.name ?? schema.dropFirst().first?.name
            guard let rows, let columns else {
                throw Diagnostic(kind: .semantic, message: "a heatmap needs a row, a column and a value column",
                                 span: syntax.kindSpan)
            }
            let value: String
            if let column = given["value"]?.first {
                try numeric(column, role: "a heatmap's `value`")
                value = column.name
            } else {
                guard let last = schema.last(where: { $0.name != rows && $0.name != columns && isNumber($0) }) else {
                    throw Diagnostic(kind: .semantic, message: "no numeric column to shade the heatmap with", span: syntax.kindSpan,
                                     hints: ["name it with `value: column`"])
                }
                value = last.name
            }
            let spec = ChartSpec(kind: .heatmap, x: rows, y: [value], columns: columns, title: title)
            return LogicalPlan(.chart(input, spec, span: span), schema: schema)
        }
    }

    /// A chart draws a statement's final result, so no stage, join or union may take one as input.
    func rejectChart(_ plan: LogicalPlan) throws(Diagnostic) {
        guard case .chart(_, _, let span) = plan.operation else { return }
        throw Diagnostic(kind: .semantic, message: "`chart` must be the last stage of a pipeline", span: span,
                         hints: ["it draws the final result: move it to the end"])
    }

    private func requireColumn(_ name: String, _ span: SourceSpan, in schema: [Field]) throws(Diagnostic) {
        guard !schema.contains(where: { $0.name == name }) else { return }
        throw Diagnostic(kind: .semantic, message: "unknown column `\(name)`", span: span,
                         hints: Suggestion.hints(for: name, among: schema.map(\.name)))
    }
}
