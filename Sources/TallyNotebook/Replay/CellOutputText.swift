// The text of an ```output fence: tables, messages and errors of a cell, one after another.
import TallyQuery
import TallyStore

/// Draws a table for a notebook (the `table` mode, uncut; supplied by the REPL module).
public typealias NotebookTableRenderer = @Sendable (Table, ZoneCalendar) -> String

/// Renders a cell's outcomes as the text of its output fence.
public enum CellOutputText {
    /// The outcomes separated by blank lines, each ending in a newline; nil when there is
    /// nothing to show. An error is located in the notebook: `origin` and the cell's `line`.
    public static func render(_ run: CellRun, origin: String, line: Int,
                              renderTable: NotebookTableRenderer) -> String? {
        var pieces: [String] = []
        for outcome in run.outcomes {
            switch outcome {
            case .table(let table, let zone, _):
                pieces.append(renderTable(table, zone))
            case .message(let message):
                if !message.isEmpty { pieces.append(message) }
            case .error(var diagnostic):
                if diagnostic.kind == .cancelled { pieces.append("cancelled"); continue }
                // The cell's own text is relocated into the notebook; another file's (a script
                // plugin's) keeps its place.
                if diagnostic.source == nil || diagnostic.source?.text == run.code {
                    diagnostic.source = SourceText(origin: origin, text: run.code, firstLine: line)
                }
                pieces.append(DiagnosticRenderer.render(diagnostic, color: false))
            }
        }
        guard !pieces.isEmpty else { return nil }
        return pieces.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined(separator: "\n")
    }

    /// `text` compared the forgiving way: trailing blanks on lines and trailing blank lines ignored.
    public static func normalized(_ text: String?) -> [String] {
        var lines = (text ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
