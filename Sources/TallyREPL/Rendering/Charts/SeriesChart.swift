// A sparkline per numeric column of a time series.
import TallyStore

/// `name  ▁▂▃▅▇█▆  min 3 max 17`, one line per numeric column.
struct SeriesChart {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    let table: Table
    let numericColumns: [Int]

    /// A table whose first column is a date or timestamp, increasing, with a numeric column after it.
    init?(_ table: Table) {
        guard table.rowCount >= 2, let first = table.fields.first, first.type == .date || first.type == .timestamp,
              let times = table.columns[0].int64Values, !table.columns[0].hasNulls,
              zip(times, times.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        let numeric = table.fields.indices.dropFirst().filter { table.fields[$0].type == .int || table.fields[$0].type == .float }
        guard !numeric.isEmpty else { return nil }
        self.table = table
        numericColumns = Array(numeric)
    }

    func render(options: RenderOptions) -> String {
        let labelWidth = numericColumns.map { DisplayWidth.width(of: table.fields[$0].name) }.max() ?? 0
        let available = max(8, (options.terminalWidth ?? 80) - labelWidth - 30)
        var text = ""
        for index in numericColumns {
            let values = (0..<table.rowCount).map { ResultCharts.number(table.columns[index], $0) }
            let points = SeriesResampling.resample(values, to: available)
            let known = points.compactMap { $0 }
            guard let low = known.min(), let high = known.max() else { continue }
            let line = String(points.map { point -> Character in
                guard let point else { return " " }
                if high == low { return Self.levels[3] }
                return Self.levels[Int(((point - low) / (high - low) * 7).rounded())]
            })
            let formatter = options.formatter
            let minText = formatter.format(table.fields[index].type == .int ? .int(Int64(low)) : .float(low))
            let maxText = formatter.format(table.fields[index].type == .int ? .int(Int64(high)) : .float(high))
            text += ResultCharts.pad(table.fields[index].name, labelWidth) + "  " + line + "  min " + minText + " max " + maxText + "\n"
        }
        return text
    }

}

/// Fitting a long series into a few terminal cells.
public enum SeriesResampling {
    /// At most `width` points: consecutive values averaged into equal buckets (nulls ignored).
    public static func resample(_ values: [Double?], to width: Int) -> [Double?] {
        guard values.count > width else { return values }
        return (0..<width).map { bucket in
            let start = bucket * values.count / width, end = (bucket + 1) * values.count / width
            let known = values[start..<end].compactMap { $0 }
            return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
        }
    }
}
