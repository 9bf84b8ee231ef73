// A retention grid: cohorts down, periods across, each cell shaded by its rate.
import TallyStore

/// Cohort × period grid of rates, as percentages on a grey ramp (brighter = higher). A null
/// cohort (or an `is_average` row) is labelled `average`; keys before `cohort` prefix the label.
struct CohortChart {
    static let cellWidth = 6
    let table: Table
    let cohortIndex: Int
    let periodIndex: Int
    let rateIndex: Int

    init?(_ table: Table) {
        guard let cohort = table.index(of: "cohort"), let period = table.index(of: "period"), let rate = table.index(of: "rate"),
              table.fields[rate].type == .float || table.fields[rate].type == .int else { return nil }
        self.table = table
        cohortIndex = cohort
        periodIndex = period
        rateIndex = rate
    }

    func render(options: RenderOptions) -> String {
        let formatter = options.formatter
        var cohorts: [String] = [], periods: [Value] = []
        var rates: [String: [Value: Double]] = [:]
        let averageIndex = table.index(of: "is_average")
        for row in 0..<table.rowCount {
            // Keys of `by` come before `cohort`; null cohorts (or `is_average` rows) are averages.
            let keys = (0..<cohortIndex).map { formatter.format(table.columns[$0].value(at: row)) }
            let isAverage = table.columns[cohortIndex].isNull(row)
                || averageIndex.map { table.columns[$0].value(at: row) == .bool(true) } == true
            let cohort = (keys + [isAverage ? "average" : formatter.format(table.columns[cohortIndex].value(at: row))])
                .joined(separator: " ")
            let period = table.columns[periodIndex].value(at: row)
            if rates[cohort] == nil { cohorts.append(cohort); rates[cohort] = [:] }
            if !periods.contains(period) { periods.append(period) }
            if let rate = ResultCharts.number(table.columns[rateIndex], row) { rates[cohort]![period] = rate }
        }
        if periods.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
            periods.sort { if case .int(let a) = $0, case .int(let b) = $1 { return a < b } else { return false } }
        }
        // Rates are fractions; a table of percentages (any value above 1) is scaled down.
        let scale = rates.values.flatMap(\.values).contains { $0 > 1 } ? 0.01 : 1
        let labelWidth = max(DisplayWidth.width(of: "cohort"), cohorts.map { DisplayWidth.width(of: $0) }.max() ?? 0)
        var text = ResultCharts.pad("cohort", labelWidth) + " "
        for period in periods { text += ResultCharts.pad(formatter.format(period), Self.cellWidth - 1, left: true) + " " }
        text += "\n"
        for cohort in cohorts {
            text += ResultCharts.pad(cohort, labelWidth) + " "
            for period in periods {
                guard let rate = rates[cohort]?[period] else {
                    text += String(repeating: " ", count: Self.cellWidth)
                    continue
                }
                text += Self.cell(rate * scale, color: options.color)
            }
            text += "\n"
        }
        return text
    }

    /// ` 45%` right-aligned in a cell, on a grey background as bright as the rate.
    static func cell(_ rate: Double, color: Bool) -> String {
        let clamped = max(0, min(1, rate))
        let label = String(Int((clamped * 100).rounded())) + "%"
        let text = " " + ResultCharts.pad(label, cellWidth - 2, left: true) + " "
        guard color else { return text }
        let shade = 232 + Int((clamped * 23).rounded())
        let foreground = shade < 244 ? 255 : 232
        return "\u{1B}[48;5;\(shade)m\u{1B}[38;5;\(foreground)m" + text + "\u{1B}[0m"
    }
}
