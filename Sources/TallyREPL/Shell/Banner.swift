// The greeting the REPL prints: what Tally is, what data is loaded, and what to try first.
import TallyStore

/// The REPL's opening text.
public enum Banner {
    /// Queries a newcomer can type first on the demo `events` table.
    public static let firstQueries = [
        "events | count",
        "events | summarize users = dcount(user_id) by day(ts) | sort by day | take 3",
        "events | where event == \"purchase\" | summarize revenue = sum(amount) by channel",
    ]

    /// - Parameters:
    ///   - demo: the demo table when it was created (no `--data` given), else nil.
    ///   - tableNames: the tables loaded with `--data`.
    public static func text(demo: Table?, tableNames: [String], formatter: ValueFormatter = ValueFormatter()) -> String {
        var text = "Tally — a metrics workbench: pipe queries over event data.\n"
        if let demo {
            text += "`events` is built-in demo data (synthetic, fixed seed): " + describe(demo, formatter: formatter) + ".\n"
            text += "Try:\n"
            for query in firstQueries { text += "  " + query + "\n" }
        } else if !tableNames.isEmpty {
            text += "Tables: " + tableNames.joined(separator: ", ") + "\n"
        }
        text += "Type .help for commands; Tab completes; Ctrl-C cancels; Ctrl-D leaves.\n"
        return text
    }

    /// `100000 events, 3000 users, 2024-01-01 to 2024-03-31`, from whatever of those columns exist.
    public static func describe(_ table: Table, formatter: ValueFormatter) -> String {
        var parts = ["\(table.rowCount) events"]
        if let users = ["user_id", "user", "distinct_id"].lazy.compactMap({ table.column(named: $0) }).first {
            parts.append("\(TableSchemaSummary.distinctCount(of: users)) users")
        }
        if let time = ["ts", "timestamp", "time"].lazy.compactMap({ table.column(named: $0) }).first,
           time.type == .timestamp, let values = time.int64Values {
            var low = Int64.max
            var high = Int64.min
            for row in values.indices where !time.isNull(row) {
                low = min(low, values[row])
                high = max(high, values[row])
            }
            if low <= high {
                let first = formatter.format(.timestamp(low)).prefix(10)
                let last = formatter.format(.timestamp(high)).prefix(10)
                parts.append("\(first) to \(last)")
            }
        }
        return parts.joined(separator: ", ")
    }
}
