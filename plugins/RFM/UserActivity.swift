// Two passes over the input rows: dense user ids in order of first appearance, then each user's
// last event, number of rows and amount spent, in flat arrays by dense id.
import TallyPluginAPI
import TallyStore

/// Per-user recency inputs, frequency and monetary value, by dense user id: users numbered 0, 1, 2,
/// … in order of their first row with a non-null user, so the per-user arrays are already in
/// output order and later passes read them front to back.
struct UserActivity: Sendable {
    /// One user's running totals, kept together so a row touches one cache line, not several.
    private struct Totals {
        /// The latest time value (µs UTC, or a day number for a date column).
        var lastTime: Int64 = .min
        /// Rows counted (0 = the user only had rows with a null time).
        var frequency: Int64 = 0
        /// The running sum of the non-null amounts, in row order.
        var monetary: Double = 0
        /// The rounding error `monetary` has lost so far (Neumaier); folded in when the scan ends.
        var lostLowOrder: Double = 0
    }

    /// Per user: its first row with a non-null user.
    private(set) var firstRow: [Int] = []
    /// Per user: the latest time value (`Int64.min` when every row of the user has a null time).
    private(set) var lastTime: [Int64] = []
    /// Per user: rows with a non-null time (0: the user is left out of the output).
    private(set) var frequency: [Int64] = []
    /// Per user: the sum of the non-null amounts. Compensated (Neumaier), so it is the correctly
    /// rounded total in practice whatever the row order: two users who spent the same must get the
    /// same monetary value and score (a plain running sum gave 23.00 + 3.99 + 4.99 =
    /// 31.980000000000004 against another user's 31.98, and a different m_score at a cut point).
    private(set) var monetary: [Double] = []

    var userCount: Int { firstRow.count }

    /// Scans `input`: dense ids, then the totals.
    /// - Complexity: O(rows) with one random access per row in each pass; checks cancellation every 64k rows.
    init(input: Table, options: RFMOptions, context: PluginContext) throws(PluginError) {
        let users = input.columns[options.userColumn]
        var userOfRow: [Int32] = []
        switch users.storage {
        case .string(let codes, let dictionary):
            switch codes {
            case .u8(let keys): Self.number(keys, keyCount: dictionary.count, validity: users.validity, &userOfRow, &firstRow)
            case .u16(let keys): Self.number(keys, keyCount: dictionary.count, validity: users.validity, &userOfRow, &firstRow)
            case .u32(let keys): Self.number(keys, keyCount: dictionary.count, validity: users.validity, &userOfRow, &firstRow)
            }
        case .int64(let values):
            let ids = IntegerUserIds(values, validity: users.validity)
            userOfRow = ids.rowUsers
            // Ids are given in order of first appearance, so user k first occurs where k is first seen.
            firstRow.reserveCapacity(ids.count)
            for (row, user) in userOfRow.enumerated() where Int(user) == firstRow.count { firstRow.append(row) }
        case .float, .bool:
            return  // ColumnRole.user admits string and int columns only.
        }
        try accumulate(userOfRow, input, options, context)
    }

    /// Dense ids from dictionary codes, in order of first appearance; −1 for a null user.
    private static func number<Key: FixedWidthInteger>(_ keys: [Key], keyCount: Int, validity: ValidityBitmap?,
                                                       _ userOfRow: inout [Int32], _ firstRow: inout [Int]) {
        var userOfKey = [Int32](repeating: -1, count: keyCount)
        userOfRow = [Int32](repeating: -1, count: keys.count)
        keys.withUnsafeBufferPointer { keys in
            userOfKey.withUnsafeMutableBufferPointer { userOfKey in
                userOfRow.withUnsafeMutableBufferPointer { userOfRow in
                    for row in 0..<keys.count {
                        if let validity, !validity.isValid(row) { continue }
                        let key = Int(keys[row])
                        var user = userOfKey[key]
                        if user < 0 {
                            user = Int32(truncatingIfNeeded: firstRow.count)
                            userOfKey[key] = user
                            firstRow.append(row)
                        }
                        userOfRow[row] = user
                    }
                }
            }
        }
    }

    /// The totals of every user, rows in input order (the compensated sum's order).
    private mutating func accumulate(_ userOfRow: [Int32], _ input: Table, _ options: RFMOptions,
                                     _ context: PluginContext) throws(PluginError) {
        var totals = [Totals](repeating: Totals(), count: userCount)
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
            userOfRow.withUnsafeBufferPointer { userOfRow in
                times.withUnsafeBufferPointer { times in
                    amounts.withUnsafeBufferPointer { amounts in
                        totals.withUnsafeMutableBufferPointer { totals in
                            for row in start..<end {
                                // Rows without a user or a time cannot be placed and are left out entirely.
                                let user = Int(userOfRow[row])
                                if user < 0 { continue }
                                if let timeValidity, !timeValidity.isValid(row) { continue }
                                totals[user].lastTime = max(totals[user].lastTime, times[row])
                                totals[user].frequency += 1
                                if let amountValidity, !amountValidity.isValid(row) { continue }
                                let amount = amounts[row], running = totals[user].monetary
                                let sum = running + amount
                                totals[user].lostLowOrder += running.magnitude >= amount.magnitude
                                    ? (running - sum) + amount : (amount - sum) + running
                                totals[user].monetary = sum
                            }
                        }
                    }
                }
            }
            start = end
        }
        lastTime = totals.map(\.lastTime)
        frequency = totals.map(\.frequency)
        monetary = totals.map { $0.lostLowOrder != 0 ? $0.monetary + $0.lostLowOrder : $0.monetary }
    }
}
