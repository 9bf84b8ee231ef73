// What running a cell produced, kept as values until the notebook is laid out.
import TallyQuery
import TallyStore

/// One statement's outcome in a cell.
public enum CellOutcome: Sendable {
    /// A result table, with the session's zone when it was made (tables render in that zone)
    /// and the chart a `| chart` stage asked for (drawn in HTML reports).
    case table(Table, zone: ZoneCalendar, chart: ChartSpec?)
    /// A confirmation such as `loaded 10 rows into e`.
    case message(String)
    /// A failed statement (the cell stops there).
    case error(Diagnostic)
}

/// A cell as run: its code and the outcome of each statement, in order.
public struct CellRun: Sendable {
    public var code: String
    public var outcomes: [CellOutcome]

    public init(code: String, outcomes: [CellOutcome]) {
        self.code = code
        self.outcomes = outcomes
    }

    /// Whether a statement of the cell failed.
    public var hasFailed: Bool {
        outcomes.contains { if case .error = $0 { return true } else { return false } }
    }

    /// Runs `code` in `session` (stopping at the first failing statement) and collects the outcomes.
    public static func run(_ code: String, in session: Session, origin: String) -> CellRun {
        var outcomes: [CellOutcome] = []
        session.run(SourceText(origin: origin, text: code), stopOnError: true) { event in
            outcomes.append(CellOutcome(event, zone: session.settings.zone))
        }
        return CellRun(code: code, outcomes: outcomes)
    }
}

extension CellOutcome {
    /// The outcome of a session event; nil-output statements (`def`) become an empty message.
    public init(_ event: StatementEvent, zone: ZoneCalendar) {
        switch event {
        case .failure(let diagnostic): self = .error(diagnostic)
        case .result(let result):
            switch result.output {
            case .table(let table): self = .table(table, zone: zone, chart: result.chart)
            case .message(let message): self = .message(message)
            case .none: self = .message("")
            }
        }
    }
}
