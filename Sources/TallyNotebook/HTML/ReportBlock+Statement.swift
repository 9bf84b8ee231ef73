// Turning what a session reports for a statement into a report block.
import TallyQuery

extension ReportBlock {
    /// The block showing `event`: a table (with its `| chart …` request), a message as text, a
    /// failure as its rendered diagnostic (no colour); nil for statements that show nothing (`def`).
    public init?(_ event: StatementEvent) {
        switch event {
        case .result(let result):
            switch result.output {
            case .table(let table): self = .table(table, chart: result.chart)
            case .message(let message): self = .text(message)
            case .none: return nil
            }
        case .failure(let diagnostic):
            self = .error(DiagnosticRenderer.render(diagnostic, color: false))
        }
    }
}
