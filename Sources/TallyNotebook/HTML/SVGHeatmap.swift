// A heatmap in SVG: one row per `rows` value, one column per `columns` value, cells shaded by value.
import TallyQuery
import TallyStore

/// A grid for a `heatmap` spec, such as retention (cohort × period × rate). Rates between 0 and 1
/// print as percentages; other values print as formatted. Darker blue is higher.
struct SVGHeatmap {
    static let maxCells = 4000
    static let labelWidth = 110.0, cellHeight = 22.0, top = 40.0, bottom = 12.0

    let spec: ChartSpec
    let rowLabels: [String]
    let columnLabels: [String]
    /// cells[row][column]: the value and its text.
    let cells: [[(value: Double, text: String)?]]
    let high: Double
    /// Wide enough for the longest column label (dates need more room than period numbers).
    let cellWidth: Double

    init?(spec: ChartSpec, table: Table, formatter: ValueFormatter) {
        guard let rowIndex = table.index(of: spec.x), let columnName = spec.columns, let columnIndex = table.index(of: columnName),
              let valueName = spec.y.first, let value = table.column(named: valueName), table.rowCount > 0 else { return nil }
        var rowLabels: [String] = [], columnKeys: [Value] = []
        var rowPositions: [String: Int] = [:], columnPositions: [Value: Int] = [:]
        for row in 0..<table.rowCount {
            let label = table.columns[rowIndex].isNull(row) ? "average" : formatter.format(table.columns[rowIndex].value(at: row))
            if rowPositions[label] == nil { rowPositions[label] = rowLabels.count; rowLabels.append(label) }
            let key = table.columns[columnIndex].value(at: row)
            if columnPositions[key] == nil { columnPositions[key] = columnKeys.count; columnKeys.append(key) }
        }
        guard rowLabels.count * columnKeys.count <= Self.maxCells else { return nil }
        // Periods are numbers: put them in order even when the rows are grouped by cohort.
        let order = columnKeys.indices.sorted { a, b in
            switch (columnKeys[a], columnKeys[b]) {
            case (.int(let x), .int(let y)): return x < y
            case (.date(let x), .date(let y)): return x < y
            default: return a < b
            }
        }
        var orderedPosition: [Int: Int] = [:]
        for (position, original) in order.enumerated() { orderedPosition[original] = position }
        let numbers = (0..<table.rowCount).compactMap { ReportChart.number(value.value(at: $0)) }
        let isFraction = !numbers.isEmpty && numbers.allSatisfy { (0...1).contains($0) }
        var cells = [[(value: Double, text: String)?]](repeating: Array(repeating: nil, count: columnKeys.count), count: rowLabels.count)
        for row in 0..<table.rowCount {
            guard let number = ReportChart.number(value.value(at: row)) else { continue }
            let label = table.columns[rowIndex].isNull(row) ? "average" : formatter.format(table.columns[rowIndex].value(at: row))
            let column = orderedPosition[columnPositions[table.columns[columnIndex].value(at: row)]!]!
            let text = isFraction ? String(Int((number * 100).rounded())) + "%" : formatter.format(value.value(at: row))
            cells[rowPositions[label]!][column] = (number, text)
        }
        self.spec = spec
        self.rowLabels = rowLabels
        columnLabels = order.map { formatter.format(columnKeys[$0]) }
        self.cells = cells
        high = isFraction ? 1 : max(numbers.max() ?? 1, 1e-9)
        let longest = (columnLabels + cells.flatMap { $0.compactMap { $0?.text } }).map(\.count).max() ?? 0
        cellWidth = max(48, (Double(longest) * 6.5 + 10).rounded())
    }

    func svg(id: String) -> String {
        let c = SVGNumber.coordinate
        let width = Self.labelWidth + Double(columnLabels.count) * cellWidth + 8
        let height = Self.top + Double(rowLabels.count) * Self.cellHeight + Self.bottom
        let description = "Heatmap of \(spec.y.first ?? "") with \(rowLabels.count) \(spec.x) rows and \(columnLabels.count) \(spec.columns ?? "") columns; darker is higher"
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(c(width)) \(c(height))\" style=\"max-width:\(c(width))px\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">\(HTMLText.escape(spec.displayTitle))</title><desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>\n"
        svg += "<text class=\"axis-label\" x=\"\(c(Self.labelWidth))\" y=\"12\">\(HTMLText.escape(spec.columns ?? "")) →</text>"
        svg += "<text class=\"axis-label\" x=\"4\" y=\"\(c(Self.top - 6))\">\(HTMLText.escape(spec.x)) ↓</text>\n"
        for (position, label) in columnLabels.enumerated() {
            svg += "<text class=\"tick\" x=\"\(c(Self.labelWidth + (Double(position) + 0.5) * cellWidth))\" y=\"\(c(Self.top - 6))\" text-anchor=\"middle\">\(HTMLText.escape(label))</text>"
        }
        svg += "\n"
        for (row, label) in rowLabels.enumerated() {
            let y = Self.top + Double(row) * Self.cellHeight
            svg += "<text class=\"label\" x=\"\(c(Self.labelWidth - 6))\" y=\"\(c(y + Self.cellHeight / 2))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTMLText.escape(label))</text>"
            for (column, cell) in cells[row].enumerated() {
                guard let cell else { continue }
                let x = Self.labelWidth + Double(column) * cellWidth
                let shade = max(0, min(1, cell.value / high))
                svg += "<rect x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(cellWidth - 1))\" height=\"\(c(Self.cellHeight - 1))\" fill=\"\(Self.color(shade))\"><title>\(HTMLText.escape("\(label), \(columnLabels[column]): \(cell.text)"))</title></rect>"
                svg += "<text class=\"\(shade > 0.5 ? "cell on-dark" : "cell")\" x=\"\(c(x + cellWidth / 2))\" y=\"\(c(y + Self.cellHeight / 2))\" text-anchor=\"middle\" dominant-baseline=\"middle\">\(HTMLText.escape(cell.text))</text>"
            }
            svg += "\n"
        }
        return svg + "</svg>"
    }

    /// From near-white (0) to dark blue (1), as `#rrggbb`.
    static func color(_ shade: Double) -> String {
        let from = (241.0, 245.0, 252.0), to = (16.0, 63.0, 140.0)
        func channel(_ a: Double, _ b: Double) -> String {
            let value = Int((a + (b - a) * shade).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(from.0, to.0) + channel(from.1, to.1) + channel(from.2, to.2)
    }
}
