// The distinct (user, local day) pairs of an input, grouped by day: what every active-users metric reads.
import TallyPluginAPI
import TallyStore

/// For each local day of a range, the distinct users active on it.
///
/// Built by a counting sort of the rows by day and a per-user "last day seen" mark, so it costs
/// O(rows + days + users) and two flat arrays; every metric is then one pass over the pairs.
struct UserDays {
    /// The local day (days since 1970-01-01) of day index 0.
    var firstDay: Int64
    /// Days in the range; 0 when the input has no usable row.
    var dayCount: Int
    /// `users[dayStarts[d] ..< dayStarts[d + 1]]` are the distinct users of day index `d`.
    var dayStarts: [Int]
    var users: [UInt32]
    /// User ids are below this.
    var userCount: Int

    /// An empty range: no days, no users.
    static let empty = UserDays(firstDay: 0, dayCount: 0, dayStarts: [0], users: [], userCount: 0)

    init(firstDay: Int64, dayCount: Int, dayStarts: [Int], users: [UInt32], userCount: Int) {
        self.firstDay = firstDay
        self.dayCount = dayCount
        self.dayStarts = dayStarts
        self.users = users
        self.userCount = userCount
    }

    /// The pairs of `input`, over its range of days widened to `alignTo` (the whole input's range
    /// when the call is grouped, so every group gets the same days).
    ///
    /// Rows whose user or time is null are ignored.
    /// - Complexity: O(rows + days + users).
    init(userIDs: DenseUserIDs, time: Column, zone: ZoneCalendar, alignTo: ClosedRange<Int64>?,
         context: PluginContext) throws(PluginError) {
        let local = try LocalDays(userIDs: userIDs.ids, time: time, zone: zone, context: context)
        let ranges = [local.range, alignTo].compactMap { $0 }
        guard let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max() else {
            self = .empty
            return
        }
        guard high - low < 10_000_000 else {
            throw PluginError("the events span \(high - low + 1) days; active-user series are limited to 10 million days")
        }
        try context.checkCancellation()
        let dayCount = Int(high - low) + 1
        // Counting sort of the usable rows' users by day.
        var starts = [Int](repeating: 0, count: dayCount + 1)
        for day in local.days where day != LocalDays.ignored { starts[Int(Int64(day) - low) + 1] += 1 }
        for index in 0..<dayCount { starts[index + 1] += starts[index] }
        var cursor = starts
        var sorted = [UInt32](repeating: 0, count: local.usableCount)
        let ids = userIDs.ids
        for (row, day) in local.days.enumerated() where day != LocalDays.ignored {
            let slot = Int(Int64(day) - low)
            sorted[cursor[slot]] = ids[row]
            cursor[slot] += 1
        }
        try context.checkCancellation()
        // Keep each user once per day, compacting in place.
        var lastDay = [Int32](repeating: -1, count: userIDs.count)
        var written = 0
        var compactStarts = [Int](repeating: 0, count: dayCount + 1)
        for day in 0..<dayCount {
            compactStarts[day] = written
            for index in starts[day]..<starts[day + 1] {
                let user = Int(sorted[index])
                if lastDay[user] != Int32(day) {
                    lastDay[user] = Int32(day)
                    sorted[written] = UInt32(user)
                    written += 1
                }
            }
        }
        compactStarts[dayCount] = written
        sorted.removeLast(sorted.count - written)
        self.init(firstDay: low, dayCount: dayCount, dayStarts: compactStarts, users: sorted, userCount: userIDs.count)
    }

    /// The distinct users of day index `day`.
    @inline(__always)
    func usersOn(_ day: Int) -> ArraySlice<UInt32> { users[dayStarts[day]..<dayStarts[day + 1]] }
}
