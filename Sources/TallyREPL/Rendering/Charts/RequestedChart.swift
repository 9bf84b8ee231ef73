// Draws what a `| chart …` stage asked for, in Unicode under the result table.
import TallyQuery
import TallyStore

/// Terminal drawings of a `ChartSpec`: line → a sparkline per series with its range; bar →
/// horizontal bars per row; heatmap → a shaded grid. Drawn only for people (see the shell).
public enum RequestedChart {
    static let maxBarRows = 200
    static let maxHeatmapCells = 2000

    /// The chart text (ending in a newline), or a one-line note when the table is too large or
    /// has nothing to draw.
    public static func render(_ spec: ChartSpec, table: Table, options: RenderOptions) -> String {
        var options = options
        // Labels beside a drawing are for reading: `52474.21`, not `52474.20999999993`.
        if options.formatter.floatDigits == nil { options.formatter.floatDigits = 6 }
        let title = spec.displayTitle + "\n"
        guard table.rowCount > 0 else { return "" }
        switch spec.kind {
        case .line: return title + line(spec, table, options)
        case .bar:
            guard table.rowCount <= maxBarRows else { return "(chart: more than \(maxBarRows) bars; narrow the rows with `take`)\n" }
            return title + bars(spec, table, options)
        case .heatmap:
            return title + (heatmap(spec, table, options) ?? "(chart: more than \(maxHeatmapCells) cells)\n")
        }
    }

    /// `users  ▁▅█▃  min 1 max 9`, one per series, then the first and last x.
    static func line(_ spec: ChartSpec, _ table: Table, _ options: RenderOptions) -> String {
        let labelWidth = spec.y.map { DisplayWidth.width(of: $0) }.max() ?? 0
        let available = max(8, (options.terminalWidth ?? 80) - labelWidth - 30)
        var text = ""
        for name in spec.y {
            guard let column = table.column(named: name) else { continue }
            let values = (0..<table.rowCount).map { ResultCharts.number(column, $0) }
            let points = SeriesResampling.resample(values, to: available)
            let known = points.compactMap { $0 }
            guard let low = known.min(), let high = known.max() else { continue }
            let sparkline = String(points.map { point -> Character in
                guard let point else { return " " }
                if high == low { return SeriesChart.levels[3] }
                return SeriesChart.levels[Int(((point - low) / (high - low) * 7).rounded())]
            })
            text += ResultCharts.pad(name, labelWidth) + "  " + sparkline + "  min " + number(low, column.type, options)
                + " max " + number(high, column.type, options) + "\n"
        }
        if let x = table.column(named: spec.x) {
            let first = options.formatter.format(x.value(at: 0)), last = options.formatter.format(x.value(at: table.rowCount - 1))
            text += ResultCharts.pad("", labelWidth) + "  " + spec.x + ": " + first + " … " + last + "\n"
        }
        return text
    }

    /// `label  ████▍  12`: one bar per row and series, scaled to the largest value.
    static func bars(_ spec: ChartSpec, _ table: Table, _ options: RenderOptions) -> String {
        guard let x = table.column(named: spec.x) else { return "" }
        let series = spec.y.compactMap { name in table.column(named: name).map { (name, $0) } }
        let largest = series.flatMap { column in (0..<table.rowCount).compactMap { ResultCharts.number(column.1, $0) } }
            .map(abs).max() ?? 0
        let labels = (0..<table.rowCount).map { row in
            series.count > 1 ? [options.formatter.format(x.value(at: row))] + series.map { "  " + $0.0 }
                             : [options.formatter.format(x.value(at: row))]
        }
        let labelWidth = labels.flatMap { $0 }.map { DisplayWidth.width(of: $0) }.max() ?? 0
        var text = ""
        for row in 0..<table.rowCount {
            if series.count > 1 { text += labels[row][0] + "\n" }
            for (index, column) in series.enumerated() {
                let label = series.count > 1 ? labels[row][index + 1] : labels[row][0]
                let value = ResultCharts.number(column.1, row)
                let bar = value.map { FunnelChart.bar(largest > 0 ? abs($0) / largest : 0) } ?? ""
                text += ResultCharts.pad(label, labelWidth) + "  " + ResultCharts.pad(bar, FunnelChart.barWidth) + "  "
                    + options.formatter.format(column.1.value(at: row)) + "\n"
            }
        }
        return text
    }

    /// A grid: rows by `spec.x`, columns by `spec.columns`, cells shaded by `spec.y[0]`.
    /// Fractions (all values within 0…1) print as percentages; other values as formatted.
    static func heatmap(_ spec: ChartSpec, _ table: Table, _ options: RenderOptions) -> String? {
        guard let rows = table.column(named: spec.x), let columnName = spec.columns, let columns = table.column(named: columnName),
              let valueName = spec.y.first, let values = table.column(named: valueName) else { return "" }
        let formatter = options.formatter
        var rowLabels: [String] = [], columnKeys: [Value] = []
        var cells: [String: [Value: Double]] = [:]
        for row in 0..<table.rowCount {
            let label = rows.isNull(row) ? "average" : formatter.format(rows.value(at: row))
            let key = columns.value(at: row)
            if cells[label] == nil { rowLabels.append(label); cells[label] = [:] }
            if !columnKeys.contains(key) { columnKeys.append(key) }
            if let number = ResultCharts.number(values, row) { cells[label]![key] = number }
        }
        guard rowLabels.count * columnKeys.count <= maxHeatmapCells else { return nil }
        if columnKeys.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
            columnKeys.sort { if case .int(let a) = $0, case .int(let b) = $1 { return a < b } else { return false } }
        }
        let numbers = cells.values.flatMap(\.values)
        let isFraction = numbers.allSatisfy { (0...1).contains($0) }
        let high = isFraction ? 1 : max(numbers.max() ?? 1, 1e-9)
        let texts = cells.mapValues { $0.mapValues { isFraction ? String(Int(($0 * 100).rounded())) + "%" : formatter.format(.float($0)) } }
        let cellWidth = max(7, (texts.values.flatMap(\.values).map { DisplayWidth.width(of: $0) }.max() ?? 0) + 3)
        let labelWidth = max(DisplayWidth.width(of: spec.x), rowLabels.map { DisplayWidth.width(of: $0) }.max() ?? 0)
        var text = ResultCharts.pad(spec.x, labelWidth) + " "
        for key in columnKeys { text += ResultCharts.pad(formatter.format(key), cellWidth - 1, left: true) + " " }
        text += "\n"
        for label in rowLabels {
            text += ResultCharts.pad(label, labelWidth) + " "
            for key in columnKeys {
                guard let value = cells[label]?[key], let cellText = texts[label]?[key] else {
                    text += String(repeating: " ", count: cellWidth)
                    continue
                }
                text += cell(cellText, shade: max(0, min(1, value / high)), width: cellWidth, color: options.color)
            }
            text += "\n"
        }
        return text
    }

    /// A cell on a grey background as bright as `shade`; without colour, a shade block marks it.
    static func cell(_ text: String, shade: Double, width: Int, color: Bool) -> String {
        guard color else {
            let blocks: [String] = ["·", "░", "▒", "▓", "█"]
            return blocks[Int((shade * 4).rounded())] + " " + ResultCharts.pad(text, width - 3, left: true) + " "
        }
        let level = 232 + Int((shade * 23).rounded())
        let foreground = level < 244 ? 255 : 232
        return "\u{1B}[48;5;\(level)m\u{1B}[38;5;\(foreground)m " + ResultCharts.pad(text, width - 2, left: true) + " \u{1B}[0m"
    }

    private static func number(_ value: Double, _ type: DataType, _ options: RenderOptions) -> String {
        options.formatter.format(type == .int ? .int(Int64(value)) : .float(value))
    }
}
