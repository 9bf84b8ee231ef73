// Draws a table for people: a box of aligned columns with a type row, long results elided.
import TallyStore

/// The `table` output mode, in the manner of DuckDB's shell:
///
///     ┌─────────┬───────┐
///     │ user_id │ n     │
///     │ string  │ int   │
///     ├─────────┼───────┤
///     │ u1      │    12 │
///     │ …       │     … │
///     │ u9      │     3 │
///     └─────────┴───────┘
///     1000 rows (… 996 more rows)
///
/// Numbers and durations are right-aligned; control characters in cells are shown escaped so a
/// row stays on one line; widths count East Asian wide characters as two cells.
public enum TableRenderer {
    public static func render(_ table: Table, options: RenderOptions) -> String {
        let style = TerminalStyle(enabled: options.color)
        let shownRows = rowsToShow(table.rowCount, limit: options.maxRows)
        let isElided = shownRows.count < table.rowCount

        // Tables are read by people: floats lose binary noise (12 significant digits);
        // csv and json keep every digit.
        var formatter = options.formatter
        if formatter.floatDigits == nil { formatter.floatDigits = 12 }
        // Cell text per shown row; nil marks the elision row.
        var cells: [[String]?] = []
        for (position, row) in shownRows.enumerated() {
            if isElided && position == shownRows.count / 2 { cells.append(nil) }
            cells.append(table.columns.map { column in
                let text = column.isNull(row) ? formatter.nullText
                    : escaped(formatter.format(column.value(at: row)))
                return DisplayWidth.truncate(text, toWidth: options.maxCellWidth)
            })
        }
        var headers = table.fields.map { DisplayWidth.truncate(escaped($0.name), toWidth: options.maxCellWidth) }
        var types = table.fields.map(\.type.description)
        var widths = zip(headers, types).map { max(DisplayWidth.width(of: $0), DisplayWidth.width(of: $1), 1) }
        for case let row? in cells {
            for (index, text) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.width(of: text)) }
        }
        if let terminalWidth = options.terminalWidth {
            let fitted = fit(widths, into: terminalWidth)
            if fitted != widths {
                widths = fitted
                let cut = { (texts: [String]) in texts.enumerated().map { DisplayWidth.truncate($1, toWidth: fitted[$0]) } }
                headers = cut(headers)
                types = cut(types)
                cells = cells.map { $0.map(cut) }
            }
        }
        let rightAligned = table.fields.map { $0.type.isNumeric || $0.type == .duration }

        var out = ""
        if table.columnCount > 0 {
            out += border("┌", "┬", "┐", widths) + "\n"
            out += line(headers, widths, rightAligned: nil) { style.bold($0) } + "\n"
            out += line(types, widths, rightAligned: nil) { style.dim($0) } + "\n"
            out += border("├", "┼", "┤", widths) + "\n"
            for row in cells {
                if let row {
                    out += line(row, widths, rightAligned: rightAligned) { text in
                        text == options.formatter.nullText ? style.dim(text) : text
                    } + "\n"
                } else {
                    out += line(widths.map { _ in "…" }, widths, rightAligned: rightAligned) { style.dim($0) } + "\n"
                }
            }
            out += border("└", "┴", "┘", widths) + "\n"
        }
        out += footer(total: table.rowCount, shown: shownRows.count) + "\n"
        return out
    }

    /// Column widths narrowed, widest first but none below 8 cells, until the box fits `limit`
    /// cells (each column adds 3 for its border and padding). A table that cannot fit wraps.
    public static func fit(_ widths: [Int], into limit: Int) -> [Int] {
        var widths = widths
        var total = widths.reduce(1) { $0 + $1 + 3 }
        while total > limit, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 8 {
            widths[widest] -= 1
            total -= 1
        }
        return widths
    }

    /// Row indices to print: all, or the first and last halves of `limit`.
    static func rowsToShow(_ count: Int, limit: Int?) -> [Int] {
        guard let limit, count > limit else { return Array(0..<count) }
        let head = (limit + 1) / 2
        let tail = limit - head
        return Array(0..<head) + Array((count - tail)..<count)
    }

    static func footer(total: Int, shown: Int) -> String {
        let rows = total == 1 ? "1 row" : "\(total) rows"
        return shown < total ? "\(rows) (… \(total - shown) more rows)" : rows
    }

    /// Newlines, tabs and other control characters as escapes, so a cell is one line.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    private static func border(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
    }

    private static func line(_ texts: [String], _ widths: [Int], rightAligned: [Bool]?,
                             style: (String) -> String) -> String {
        var parts: [String] = []
        for (index, text) in texts.enumerated() {
            let padding = String(repeating: " ", count: widths[index] - DisplayWidth.width(of: text))
            let isRight = rightAligned?[index] ?? false
            parts.append(isRight ? padding + style(text) : style(text) + padding)
        }
        return "│ " + parts.joined(separator: " │ ") + " │"
    }
}
