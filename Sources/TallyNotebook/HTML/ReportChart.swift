// Chooses the chart for a result: the `chart` stage's spec, or one recognised from the table's shape.
import TallyQuery
import TallyStore

/// What to draw for a table, if anything.
public enum ReportChart {
    /// The spec to draw: `requested` when given; otherwise one recognised from the columns —
    /// a retention table (`cohort`, `period`, numeric `rate`) → heatmap; a funnel (`step`,
    /// numeric `users`) → bars labelled by `name` when present; a time series (first column a
    /// date or timestamp, increasing, with numeric columns) → lines. Nil for other shapes.
    public static func spec(for table: Table, requested: ChartSpec?) -> ChartSpec? {
        if let requested { return requested }
        guard table.rowCount > 0 else { return nil }
        let isNumber = { (name: String) in
            table.fields.first { $0.name == name }.map { $0.type == .int || $0.type == .float } ?? false
        }
        let names = table.names
        if names.contains("cohort"), names.contains("period"), isNumber("rate") {
            return ChartSpec(kind: .heatmap, x: "cohort", y: ["rate"], columns: "period", title: "Retention rate by cohort and period")
        }
        if names.contains("step"), isNumber("users") {
            let label = table.fields.first { $0.name == "name" && $0.type == .string } != nil ? "name" : "step"
            return ChartSpec(kind: .bar, x: label, y: ["users"], title: "Users at each step")
        }
        if table.rowCount >= 2, let first = table.fields.first, first.type == .date || first.type == .timestamp,
           let times = table.columns[0].int64Values, !table.columns[0].hasNulls,
           zip(times, times.dropFirst()).allSatisfy({ $0 < $1 }) {
            let numeric = table.fields.dropFirst().filter { $0.type == .int || $0.type == .float }.map(\.name)
            if !numeric.isEmpty { return ChartSpec(kind: .line, x: first.name, y: numeric) }
        }
        return nil
    }

    /// The SVG for `spec` over `table`, or nil when the table is too large or empty to draw.
    public static func svg(_ spec: ChartSpec, table: Table, formatter: ValueFormatter, id: String) -> String? {
        switch spec.kind {
        case .line: return SVGLineChart(spec: spec, table: table, formatter: formatter)?.svg(id: id)
        case .bar: return SVGBarChart(spec: spec, table: table, formatter: formatter)?.svg(id: id)
        case .heatmap: return SVGHeatmap(spec: spec, table: table, formatter: formatter)?.svg(id: id)
        }
    }

    /// A numeric cell as a Double (nil for null, non-finite or non-numeric values).
    static func number(_ value: Value) -> Double? {
        switch value {
        case .int(let number): return Double(number)
        case .float(let number): return number.isFinite ? number : nil
        default: return nil
        }
    }
}
