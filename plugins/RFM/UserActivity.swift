// One pass over the input rows: each user's last event, number of rows and amount spent.
import TallyPluginAPI
import TallyStore

/// Per-user recency inputs, frequency and monetary value, keyed by a dense user key: the
/// dictionary code of a string user column, or an `IntegerUserIds` id of an int one.
struct UserActivity: Sendable {
    /// One user's running totals, kept together so a row touches one cache line, not several.
    struct Totals: Sendable {
        /// The user's first row with a non-null user (−1: the key never occurs).
        var firstRow = -1
        /// The latest time value (µs UTC, or a day number for a date column).
        var lastTime: Int64 = .min
        /// Rows counted (0 = the user only had rows with a null time).
        var frequency: Int64 = 0
        /// The sum of the non-null amounts. Compensated (Neumaier), so it is the correctly rounded
        /// total in practice whatever the row order: two users who spent the same must get the
        /// same monetary value and score (a plain running sum gave 23.00 + 3.99 + 4.99 =
        /// 31.980000000000004 against another user's 31.98, and a different m_score at a cut point).
        var monetary: Double = 0
        /// The rounding error `monetary` has lost so far; folded in when the scan ends.
        var lostLowOrder: Double = 0
    }

    /// Per user key.
    var totals: [Totals] = []
    /// The keys that occur, in order of their first row.
    var keysInOrder: [Int] = []

    /// Scans `input` once.
    /// - Complexity: O(rows) with one random access per row; checks cancellation every 64k rows.
    init(input: Table, options: RFMOptions, context: PluginContext) throws(PluginError) {
        let users = input.columns[options.userColumn]
        switch users.storage {
        case .string(let codes, let dictionary):
            switch codes {
            case .u8(let keys): try scan(keys, keyCount: dictionary.count, userValidity: users.validity, input, options, context)
            case .u16(let keys): try scan(keys, keyCount: dictionary.count, userValidity: users.validity, input, options, context)
            case .u32(let keys): try scan(keys, keyCount: dictionary.count, userValidity: users.validity, input, options, context)
            }
        case .int64(let values):
            let ids = IntegerUserIds(values, validity: users.validity)
            try scan(ids.rowUsers, keyCount: ids.count, userValidity: nil, input, options, context)
        case .float, .bool:
            break  // ColumnRole.user admits string and int columns only.
        }
    }

    private mutating func scan<Key: FixedWidthInteger>(_ keys: [Key], keyCount: Int, userValidity: ValidityBitmap?,
                                                       _ input: Table, _ options: RFMOptions,
                                                       _ context: PluginContext) throws(PluginError) {
        var totals = [Totals](repeating: Totals(), count: keyCount)
        var order: [Int] = []
        let timeColumn = input.columns[options.timeColumn]
        let amountColumn = input.columns[options.amountColumn]
        let times = timeColumn.int64Values ?? []
        // Int amounts are widened once; the loop then reads one contiguous Double buffer.
        let amounts = amountColumn.floatValues ?? (amountColumn.int64Values ?? []).map(Double.init)
        let timeValidity = timeColumn.validity, amountValidity = amountColumn.validity
        let chunk = 1 << 16
        var start = 0
        while start < input.rowCount {
            try context.checkCancellation()
            let end = min(start + chunk, input.rowCount)
            keys.withUnsafeBufferPointer { keys in
                totals.withUnsafeMutableBufferPointer { totals in
                    for row in start..<end {
                        // Rows without a user or a time cannot be placed and are left out entirely.
                        if let userValidity, !userValidity.isValid(row) { continue }
                        let key = Int(keys[row])
                        if key < 0 { continue }
                        if totals[key].firstRow < 0 {
                            totals[key].firstRow = row
                            order.append(key)
                        }
                        if let timeValidity, !timeValidity.isValid(row) { continue }
                        totals[key].lastTime = max(totals[key].lastTime, times[row])
                        totals[key].frequency += 1
                        if let amountValidity, !amountValidity.isValid(row) { continue }
                        let amount = amounts[row], running = totals[key].monetary
                        let sum = running + amount
                        totals[key].lostLowOrder += running.magnitude >= amount.magnitude
                            ? (running - sum) + amount : (amount - sum) + running
                        totals[key].monetary = sum
                    }
                }
            }
            start = end
        }
        for index in totals.indices where totals[index].lostLowOrder != 0 {
            totals[index].monetary += totals[index].lostLowOrder
            totals[index].lostLowOrder = 0
        }
        self.totals = totals
        keysInOrder = order
    }
}
