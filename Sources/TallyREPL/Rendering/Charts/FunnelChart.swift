// Horizontal bars for a funnel: each step's users, and their share of the first step.
import TallyStore

/// One bar per step, scaled to the largest step of its funnel, with the share of step 1.
/// Columns before `step` (the keys of `by`) start a new funnel when their values change.
struct FunnelChart {
    static let barWidth = 30
    static let eighths: [String] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    let table: Table
    let stepIndex: Int
    /// The step's label: a string `name` column when there is one, else `step` itself.
    let labelIndex: Int
    let usersIndex: Int

    init?(_ table: Table) {
        guard let step = table.index(of: "step"), let users = table.index(of: "users"),
              table.fields[users].type == .int || table.fields[users].type == .float else { return nil }
        self.table = table
        stepIndex = step
        usersIndex = users
        if let name = table.index(of: "name"), table.fields[name].type == .string { labelIndex = name } else { labelIndex = step }
    }

    func render(options: RenderOptions) -> String {
        let formatter = options.formatter
        let labels = (0..<table.rowCount).map { formatter.format(table.columns[labelIndex].value(at: $0)) }
        let counts = (0..<table.rowCount).map { ResultCharts.number(table.columns[usersIndex], $0) ?? 0 }
        let countTexts = (0..<table.rowCount).map { formatter.format(table.columns[usersIndex].value(at: $0)) }
        let labelWidth = labels.map { DisplayWidth.width(of: $0) }.max() ?? 0
        let countWidth = countTexts.map { DisplayWidth.width(of: $0) }.max() ?? 0
        // Columns before `step` (the keys of `by`) start a new funnel when they change.
        let keys = (0..<table.rowCount).map { row in (0..<stepIndex).map { formatter.format(table.columns[$0].value(at: row)) } }
        var text = ""
        var start = 0
        while start < table.rowCount {
            var end = start + 1
            while end < table.rowCount, keys[end] == keys[start] { end += 1 }
            if stepIndex > 0 { text += (start > 0 ? "\n" : "") + keys[start].joined(separator: ", ") + "\n" }
            let largest = counts[start..<end].max() ?? 0
            for row in start..<end {
                let bar = Self.bar(largest > 0 ? counts[row] / largest : 0)
                let share = counts[start] > 0 ? ResultCharts.percent(counts[row] / counts[start]) : "-"
                text += ResultCharts.pad(labels[row], labelWidth) + "  " + ResultCharts.pad(bar, Self.barWidth) + "  "
                    + ResultCharts.pad(countTexts[row], countWidth, left: true) + "  " + ResultCharts.pad(share, 6, left: true) + "\n"
            }
            start = end
        }
        return text
    }

    /// A bar of `fraction` × `barWidth` cells, in eighths of a cell.
    static func bar(_ fraction: Double) -> String {
        let units = Int((max(0, min(1, fraction)) * Double(barWidth * 8)).rounded())
        return String(repeating: "█", count: units / 8) + eighths[units % 8]
    }
}
