// Small Unicode charts drawn under a result table in the interactive REPL.
import TallyStore

/// Picks a chart for a result by its column names and types, and draws it.
///
/// - Retention: columns `cohort`, `period` and `rate` → a cohort grid shaded by rate.
/// - Funnel: columns `step` and `users` → horizontal bars with the share of the first step
///   (columns before `step`, such as the keys of `by`, start a new funnel per value).
/// - Series: a first column of dates or timestamps in increasing order and numeric columns →
///   one sparkline per numeric column.
///
/// Only for people: the shell asks for charts in `table` mode on a colour terminal, never in
/// csv, json, markdown or batch output.
public enum ResultCharts {
    /// The chart text (ending in a newline), or "" when the table has no chart shape.
    public static func render(_ table: Table, options: RenderOptions) -> String {
        guard table.rowCount > 0 else { return "" }
        if let chart = CohortChart(table), table.rowCount <= 2000 { return chart.render(options: options) }
        if let chart = FunnelChart(table), table.rowCount <= 200 { return chart.render(options: options) }
        if let chart = SeriesChart(table) { return chart.render(options: options) }
        return ""
    }

    /// A numeric cell as a Double (nil for null and non-numbers).
    static func number(_ column: Column, _ row: Int) -> Double? {
        switch column.value(at: row) {
        case .int(let value): return Double(value)
        case .float(let value): return value.isFinite ? value : nil
        default: return nil
        }
    }

    /// `text` padded with spaces to `width` terminal cells (on the right, or on the left).
    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.width(of: text)))
        return left ? fill + text : text + fill
    }

    /// `45.3%` from a fraction.
    static func percent(_ fraction: Double) -> String {
        let tenths = (fraction * 1000).rounded()
        return String(Int(tenths) / 10) + "." + String(abs(Int(tenths)) % 10) + "%"
    }
}
