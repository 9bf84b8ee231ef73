// The `markdown` output mode: a GitHub pipe table, numbers right-aligned.
import TallyStore

/// Writes tables as GitHub-flavoured Markdown. `|` in a cell is escaped as `\|` and line breaks
/// become `<br>`, so every row stays one table row.
public enum MarkdownRenderer {
    public static func render(_ table: Table, formatter: ValueFormatter) -> String {
        // Markdown is read by people (and kept in notebooks): floats without binary noise.
        var formatter = formatter
        if formatter.floatDigits == nil { formatter.floatDigits = 12 }
        guard table.columnCount > 0 else { return "" }
        var out = "| " + table.names.map(cell).joined(separator: " | ") + " |\n"
        out += "|" + table.fields.map { $0.type.isNumeric || $0.type == .duration ? " ---: " : " --- " }
            .joined(separator: "|") + "|\n"
        for row in 0..<table.rowCount {
            out += "| " + table.columns.map { cell(formatter.format($0.value(at: row))) }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    static func cell(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "|": result += "\\|"
            case "\n", "\r\n", "\r": result += "<br>"
            default: result.append(character)
            }
        }
        return result
    }
}
