// A replayed notebook as the blocks of an HTML report: prose, then each cell's code and results.
import TallyQuery

extension ReplayResult {
    /// The report blocks in notebook order. Errors are rendered as in the notebook's output
    /// fences; confirmations become text; `def`s and other silent statements add nothing.
    /// - Parameter origin: how errors name the notebook (as in its output fences).
    public func reportBlocks(origin: String) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        var cellIndex = 0
        for block in notebook.blocks {
            switch block {
            case .prose(let lines):
                let text = lines.joined(separator: "\n")
                if !text.allSatisfy(\.isWhitespace) { blocks.append(.prose(text)) }
            case .cell(let cell):
                blocks.append(.code(cell.code))
                guard cellIndex < cells.count else { continue }
                let replayed = cells[cellIndex]
                cellIndex += 1
                for outcome in replayed.run.outcomes {
                    switch outcome {
                    case .table(let table, _, let chart):
                        blocks.append(.table(table, chart: chart))
                    case .message(let message):
                        if !message.isEmpty { blocks.append(.text(message)) }
                    case .error:
                        // Rendered exactly as in the output fence: located in the notebook.
                        let single = CellRun(code: replayed.run.code, outcomes: [outcome])
                        let text = CellOutputText.render(single, origin: origin, line: cell.line) { _, _ in "" }
                        blocks.append(.error(text ?? ""))
                    }
                }
            }
        }
        return blocks
    }
}
