// Small tables and calls shared by the RFM tests.
import RFMPlugin
import TallyPluginAPI
import TallyStore
import XCTest

enum RFMTestData {
    /// µs UTC of a civil time.
    static func micros(_ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64 = 0) -> Int64 {
        CivilTime.days(year: year, month: month, day: day) * CivilTime.microsPerDay + hour * CivilTime.microsPerHour
    }

    /// A purchase log: (user, µs, amount) rows, as columns user_id, ts, amount.
    static func table(_ rows: [(String?, Int64?, Double?)]) -> Table {
        var users = ColumnBuilder(type: .string), times = ColumnBuilder(type: .timestamp)
        var amounts = ColumnBuilder(type: .float)
        for (user, time, amount) in rows {
            if let user { users.append(string: user) } else { users.appendNull() }
            if let time { times.append(int64: time) } else { times.appendNull() }
            if let amount { amounts.append(float: amount) } else { amounts.appendNull() }
        }
        return try! Table([("user_id", users.finish()), ("ts", times.finish()), ("amount", amounts.finish())])
    }

    /// Four users a, b, c, d (see the README's worked example).
    static let fourUsers = table([
        ("a", micros(2024, 3, 1, 10), 10), ("b", micros(2024, 3, 3, 12), 5), ("c", micros(2024, 3, 2), 1),
        ("d", micros(2024, 3, 1, 8), 5), ("a", micros(2024, 3, 5, 9), 20), ("c", micros(2024, 3, 4), 1),
        ("c", micros(2024, 3, 6, 23), 100),
    ])

    static func arguments(amount: String = "amount", asOf: Int64? = nil, bins: Int64? = nil,
                          summary: Bool = false) -> BoundArguments {
        var values: [String: ArgumentValue] = ["amount": .column(amount), "summary": .boolean(summary),
                                               "bins": .integer(bins ?? 5)]
        if let asOf { values["as_of"] = .timestamp(asOf) }
        return BoundArguments(values)
    }

    static func run(_ input: Table, _ arguments: BoundArguments, context: PluginContext = PluginContext()) throws -> Table {
        try RFMPlugin().run(input, arguments: arguments, context: context)
    }

    /// Rows rendered as text cells, for exact comparisons.
    static func rows(_ table: Table) -> [[String]] {
        let formatter = ValueFormatter()
        return (0..<table.rowCount).map { row in table.row(row).map { formatter.format($0) } }
    }
}
