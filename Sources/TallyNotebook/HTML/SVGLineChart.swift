// A line chart in SVG: one polyline per numeric column over the x column, with axes and a legend.
import TallyQuery
import TallyStore

/// Lines for a `line` spec. Rows are drawn in table order; x positions follow the x values when
/// they are numbers, dates or times, and are evenly spaced otherwise. Nulls break a line.
struct SVGLineChart {
    static let width = 640.0, height = 260.0
    static let left = 56.0, right = 16.0, top = 24.0, bottom = 48.0

    let spec: ChartSpec
    let title: String
    let xLabels: [String]
    let xPositions: [Double]
    let series: [(name: String, values: [Double?])]
    let yScale: ChartScale

    init?(spec: ChartSpec, table: Table, formatter: ValueFormatter) {
        guard table.rowCount > 0, let xColumn = table.column(named: spec.x) else { return nil }
        var series: [(String, [Double?])] = []
        for name in spec.y {
            guard let column = table.column(named: name) else { return nil }
            series.append((name, (0..<table.rowCount).map { ReportChart.number(column.value(at: $0)) }))
        }
        let known = series.flatMap { $0.1.compactMap { $0 } }
        guard !known.isEmpty else { return nil }
        self.spec = spec
        self.series = series
        title = spec.displayTitle
        xLabels = (0..<table.rowCount).map { formatter.format(xColumn.value(at: $0)) }
        let plotLeft = Self.left, plotRight = Self.width - Self.right
        let rawX: [Double]? = {
            switch xColumn.type {
            case .int, .date, .timestamp, .duration:
                guard !xColumn.hasNulls, let values = xColumn.int64Values else { return nil }
                return values.map(Double.init)
            case .float:
                guard !xColumn.hasNulls, let values = xColumn.floatValues, values.allSatisfy(\.isFinite) else { return nil }
                return values
            default: return nil
            }
        }()
        if let rawX, let low = rawX.min(), let high = rawX.max(), high > low {
            xPositions = rawX.map { plotLeft + ($0 - low) / (high - low) * (plotRight - plotLeft) }
        } else if table.rowCount == 1 {
            xPositions = [(plotLeft + plotRight) / 2]
        } else {
            xPositions = (0..<table.rowCount).map { plotLeft + Double($0) / Double(table.rowCount - 1) * (plotRight - plotLeft) }
        }
        yScale = ChartScale(covering: known, from: Self.height - Self.bottom, to: Self.top)
    }

    func svg(id: String) -> String {
        let c = SVGNumber.coordinate
        let plotLeft = Self.left, plotRight = Self.width - Self.right, plotBottom = Self.height - Self.bottom
        let description = "Line chart of \(spec.y.joined(separator: ", ")) by \(spec.x), \(xLabels.count) points"
            + (xLabels.isEmpty ? "" : ", from \(xLabels.first!) to \(xLabels.last!)")
        var svg = "<svg class=\"chart\" viewBox=\"0 0 \(c(Self.width)) \(c(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title><desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>\n"
        // Horizontal grid lines and y tick labels.
        for tick in yScale.ticks {
            let y = c(yScale.pixel(tick))
            svg += "<line class=\"grid\" x1=\"\(c(plotLeft))\" y1=\"\(y)\" x2=\"\(c(plotRight))\" y2=\"\(y)\"/>"
            svg += "<text class=\"tick\" x=\"\(c(plotLeft - 6))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(SVGNumber.label(tick))</text>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(c(plotLeft))\" y1=\"\(c(plotBottom))\" x2=\"\(c(plotRight))\" y2=\"\(c(plotBottom))\"/>\n"
        // Up to six x labels, evenly chosen among the rows.
        let labelCount = min(6, xLabels.count)
        let labelRows = labelCount <= 1 ? [0] : (0..<labelCount).map { $0 * (xLabels.count - 1) / (labelCount - 1) }
        for row in labelRows {
            // The outermost labels grow inwards so they stay inside the picture.
            let anchor = labelRows.count > 1 && row == labelRows.first ? "start" : labelRows.count > 1 && row == labelRows.last ? "end" : "middle"
            svg += "<text class=\"tick\" x=\"\(c(xPositions[row]))\" y=\"\(c(plotBottom + 16))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(xLabels[row]))</text>"
        }
        svg += "\n<text class=\"axis-label\" x=\"\(c((plotLeft + plotRight) / 2))\" y=\"\(c(Self.height - 6))\" text-anchor=\"middle\">\(HTMLText.escape(spec.x))</text>\n"
        for (index, line) in series.enumerated() {
            let color = ChartPalette.color(index)
            svg += "<g class=\"series\" stroke=\"\(color)\" fill=\"\(color)\"><title>\(HTMLText.escape(line.name))</title>"
            for segment in segments(line.values) {
                let points = segment.map { "\(c(xPositions[$0])),\(c(yScale.pixel(line.values[$0]!)))" }.joined(separator: " ")
                svg += segment.count == 1
                    ? "<circle cx=\"\(c(xPositions[segment[0]]))\" cy=\"\(c(yScale.pixel(line.values[segment[0]]!)))\" r=\"2.5\"/>"
                    : "<polyline fill=\"none\" stroke-width=\"2\" points=\"\(points)\"/>"
            }
            svg += "</g>\n"
        }
        svg += legend(x: plotLeft, y: 4)
        return svg + "</svg>"
    }

    /// Runs of consecutive non-null points.
    private func segments(_ values: [Double?]) -> [[Int]] {
        var result: [[Int]] = [], current: [Int] = []
        for (row, value) in values.enumerated() {
            if value == nil {
                if !current.isEmpty { result.append(current); current = [] }
            } else {
                current.append(row)
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// Colour swatches with series names, when there is more than one series.
    private func legend(x: Double, y: Double) -> String {
        guard series.count > 1 else { return "" }
        var svg = "<g class=\"legend\">"
        var offset = x
        for (index, line) in series.enumerated() {
            svg += "<rect x=\"\(SVGNumber.coordinate(offset))\" y=\"\(SVGNumber.coordinate(y))\" width=\"10\" height=\"10\" fill=\"\(ChartPalette.color(index))\"/>"
            svg += "<text x=\"\(SVGNumber.coordinate(offset + 14))\" y=\"\(SVGNumber.coordinate(y + 9))\">\(HTMLText.escape(line.name))</text>"
            offset += 24 + Double(line.name.count) * 7
        }
        return svg + "</g>\n"
    }
}
