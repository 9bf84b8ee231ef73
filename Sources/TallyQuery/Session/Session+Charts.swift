// Running a pipeline statement so that the chart its `| chart …` stage asks for reaches the result.

extension Session {
    /// Runs `statement`; for a pipeline ending in `| chart …`, also returns the chart spec.
    /// Other statements run through `execute(_:in:)` unchanged.
    func executeKeepingChart(_ statement: Statement, in source: SourceText) throws(Diagnostic) -> (StatementResult.Output, ChartSpec?) {
        switch statement.kind {
        case .pipeline(let pipeline):
            let plan = try Binder(catalog: catalog).bind(pipeline)
            return (.table(try execute(plan)), plan.chart)
        case .letBinding(let name, let pipeline):
            // A `let` shows nothing, so a chart there would be silently lost: say so instead.
            if let last = pipeline.stages.last, case .chart = last.kind {
                throw Diagnostic(kind: .semantic, message: "`let \(name)` keeps a table and shows nothing to chart",
                                 span: last.span, hints: ["remove `chart …` here and add it where `\(name)` is shown"])
            }
            return (try execute(statement, in: source), nil)
        default:
            return (try execute(statement, in: source), nil)
        }
    }
}
