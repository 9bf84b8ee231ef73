// One pass over the input rows: each user's last event, number of rows and amount spent.
import TallyPluginAPI
import TallyStore

/// Per-user recency inputs, frequency and monetary value, indexed by dense user id.
struct UserActivity: Sendable {
    /// Per dense user: the latest time value (µs UTC, or a day number for a date column).
    var lastTimes: [Int64]
    /// Per dense user: rows counted (0 = the user only had rows with a null time).
    var frequencies: [Int64]
    /// Per dense user: the sum of the non-null amounts, in row order.
    var monetary: [Double]

    /// Scans `input` once.
    /// - Complexity: O(rows), no allocation per row; checks cancellation every 64k rows.
    init(input: Table, users: DenseUsers, options: RFMOptions, context: PluginContext) throws(PluginError) {
        let userCount = users.count
        lastTimes = [Int64](repeating: .min, count: userCount)
        frequencies = [Int64](repeating: 0, count: userCount)
        monetary = [Double](repeating: 0, count: userCount)
        let timeColumn = input.columns[options.timeColumn]
        let amountColumn = input.columns[options.amountColumn]
        let times = timeColumn.int64Values ?? []
        let floatAmounts = amountColumn.floatValues
        let intAmounts = amountColumn.int64Values
        let chunk = 1 << 16
        var start = 0
        while start < input.rowCount {
            try context.checkCancellation()
            let end = min(start + chunk, input.rowCount)
            for row in start..<end {
                let user = Int(users.rowUsers[row])
                // Rows without a user or a time cannot be placed and are left out entirely.
                if user < 0 || timeColumn.isNull(row) { continue }
                lastTimes[user] = max(lastTimes[user], times[row])
                frequencies[user] += 1
                if amountColumn.isNull(row) { continue }
                if let floatAmounts {
                    monetary[user] += floatAmounts[row]
                } else if let intAmounts {
                    monetary[user] += Double(intAmounts[row])
                }
            }
            start = end
        }
    }
}
