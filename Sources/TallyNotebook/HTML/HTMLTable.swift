// A result table as an HTML table: header row, numbers right-aligned, nulls dimmed, long tables cut.
import TallyStore

/// Renders a `Table` for the report.
enum HTMLTable {
    /// Rows shown before the rest are summarised as "… N more rows" (a report is for reading).
    static let maxRows = 500
    /// Tables longer than this are folded into a `<details>` element, closed.
    static let foldedAbove = 20

    static func html(_ table: Table, formatter: ValueFormatter) -> String {
        let isNumeric = table.fields.map { [.int, .float, .duration].contains($0.type) }
        var html = "<div class=\"result\"><table>\n<thead><tr>"
        for (field, numeric) in zip(table.fields, isNumeric) {
            html += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")>" + HTMLText.escape(field.name) + "</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        let shown = min(table.rowCount, maxRows)
        for row in 0..<shown {
            html += "<tr>"
            for (column, numeric) in zip(table.columns, isNumeric) {
                let value = column.value(at: row)
                var classes: [String] = []
                if numeric { classes.append("num") }
                if value.isNull { classes.append("null") }
                let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                html += "<td\(attribute)>" + HTMLText.escape(formatter.format(value)) + "</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>"
        if table.rowCount > shown {
            let more = table.rowCount - shown
            html += "<p class=\"more\">… \(more) more row\(more == 1 ? "" : "s")</p>"
        }
        let shape = "\(table.rowCount) row\(table.rowCount == 1 ? "" : "s") × \(table.columnCount) column\(table.columnCount == 1 ? "" : "s")"
        // A long table would bury the prose and charts around it: folded, it opens on a click (no script).
        if table.rowCount > foldedAbove {
            return "<details class=\"result\"><summary>\(shape)</summary>" + html.dropFirst("<div class=\"result\">".count) + "</details>"
        }
        return html + "<p class=\"shape\">\(shape)</p></div>"
    }
}
