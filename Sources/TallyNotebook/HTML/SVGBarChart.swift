// Horizontal bars in SVG: one group per row, one bar per numeric column, value printed at the end.
import TallyQuery
import TallyStore

/// Bars for a `bar` spec (and funnels). Rows keep table order, top to bottom; when columns come
/// before the label column (a funnel `by channel`), their values prefix each label.
struct SVGBarChart {
    static let maxRows = 200
    static let width = 640.0, labelWidth = 180.0, valueWidth = 70.0, barHeight = 16.0, gap = 6.0, top = 24.0, bottom = 28.0

    let spec: ChartSpec
    let labels: [String]
    let series: [(name: String, values: [Double?], texts: [String])]
    let scale: ChartScale

    init?(spec: ChartSpec, table: Table, formatter: ValueFormatter) {
        guard table.rowCount > 0, table.rowCount <= Self.maxRows, let labelIndex = table.index(of: spec.x) else { return nil }
        var series: [(String, [Double?], [String])] = []
        for name in spec.y {
            guard let column = table.column(named: name) else { return nil }
            let values = (0..<table.rowCount).map { ReportChart.number(column.value(at: $0)) }
            series.append((name, values, (0..<table.rowCount).map { formatter.format(column.value(at: $0)) }))
        }
        let known = series.flatMap { $0.1.compactMap { $0 } }
        guard !known.isEmpty else { return nil }
        // A funnel `by` key sits before `step`; label each bar with it so groups stay apart.
        let prefixColumns = spec.y == ["users"] && table.index(of: "step") != nil ? Array(0..<table.index(of: "step")!) : []
        labels = (0..<table.rowCount).map { row in
            (prefixColumns.map { formatter.format(table.columns[$0].value(at: row)) } + [formatter.format(table.columns[labelIndex].value(at: row))])
                .joined(separator: " · ")
        }
        self.spec = spec
        self.series = series
        scale = ChartScale(covering: known, from: Self.labelWidth, to: Self.width - Self.valueWidth)
    }

    var height: Double {
        let rowHeight = Double(series.count) * Self.barHeight + Self.gap
        return Self.top + Double(labels.count) * rowHeight + Self.bottom
    }

    func svg(id: String) -> String {
        let c = SVGNumber.coordinate
        let rowHeight = Double(series.count) * Self.barHeight + Self.gap
        let description = "Bar chart of \(spec.y.joined(separator: ", ")) for \(labels.count) \(spec.x) values"
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(c(Self.width)) \(c(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">\(HTMLText.escape(spec.displayTitle))</title><desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>\n"
        let zero = scale.pixel(0)
        for (row, label) in labels.enumerated() {
            let rowTop = Self.top + Double(row) * rowHeight
            svg += "<text class=\"label\" x=\"\(c(Self.labelWidth - 8))\" y=\"\(c(rowTop + Double(series.count) * Self.barHeight / 2))\" text-anchor=\"end\" dominant-baseline=\"middle\">\(HTMLText.escape(label))</text>"
            for (index, bars) in series.enumerated() {
                let y = rowTop + Double(index) * Self.barHeight
                guard let value = bars.values[row] else { continue }
                let end = scale.pixel(value)
                svg += "<rect x=\"\(c(min(zero, end)))\" y=\"\(c(y + 1))\" width=\"\(c(abs(end - zero)))\" height=\"\(c(Self.barHeight - 2))\" fill=\"\(ChartPalette.color(index))\"><title>\(HTMLText.escape("\(label): \(bars.name) \(bars.texts[row])"))</title></rect>"
                svg += "<text class=\"value\" x=\"\(c(max(zero, end) + 4))\" y=\"\(c(y + Self.barHeight / 2))\" dominant-baseline=\"middle\">\(HTMLText.escape(bars.texts[row]))</text>"
            }
            svg += "\n"
        }
        let axisY = height - Self.bottom + 4
        svg += "<line class=\"axis\" x1=\"\(c(zero))\" y1=\"\(c(Self.top - 2))\" x2=\"\(c(zero))\" y2=\"\(c(axisY))\"/>"
        svg += "<text class=\"axis-label\" x=\"\(c((Self.labelWidth + Self.width - Self.valueWidth) / 2))\" y=\"\(c(height - 8))\" text-anchor=\"middle\">\(HTMLText.escape(spec.y.joined(separator: ", ")))</text>\n"
        if series.count > 1 {
            svg += "<g class=\"legend\">"
            var offset = Self.labelWidth
            for (index, bars) in series.enumerated() {
                svg += "<rect x=\"\(c(offset))\" y=\"4\" width=\"10\" height=\"10\" fill=\"\(ChartPalette.color(index))\"/><text x=\"\(c(offset + 14))\" y=\"13\">\(HTMLText.escape(bars.name))</text>"
                offset += 24 + Double(bars.name.count) * 7
            }
            svg += "</g>\n"
        }
        return svg + "</svg>"
    }
}
