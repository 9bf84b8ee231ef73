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
            // A `let` shows nothing, so a chart there would be silently lost: say so instead. Binding
            // is cheap (nothing runs), so the check binds once more rather than copy `let`'s logic.
            if let last = pipeline.stages.last, case .chart = last.kind {
                throw Self.chartInLet(name, span: last.span)
            }
            if pipeline.stages.last.map({ if case .call = $0.kind { return true } else { return false } }) == true,
               case .chart(_, _, let span) = try Binder(catalog: catalog).bind(pipeline).operation {
                throw Self.chartInLet(name, span: span)
            }
            return (try execute(statement, in: source), nil)
        default:
            return (try execute(statement, in: source), nil)
        }
    }

    private static func chartInLet(_ name: String, span: SourceSpan) -> Diagnostic {
        Diagnostic(kind: .semantic, message: "`let \(name)` keeps a table and shows nothing to chart", span: span,
                   hints: ["remove `chart …` here and add it where `\(name)` is shown"])
    }
}
