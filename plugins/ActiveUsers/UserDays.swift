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

    /// Longest series the plugins produce, against absurd time columns.
    static let maximumDays: Int64 = 10_000_000

    /// The pairs of `input`, over its range of days widened to `alignTo` (the whole input's range
    /// when the call is grouped, so every group gets the same days).
    ///
    /// Rows whose user or time is null are ignored.
    /// - Complexity: O(rows + days + users); the row passes run on two cores for large inputs.
    init(userIDs: DenseUserIDs, time: Column, zone: ZoneCalendar, alignTo: ClosedRange<Int64>?,
         context: PluginContext) throws(PluginError) {
        let local = try LocalDays(userIDs: userIDs.ids, time: time, zone: zone, context: context)
        let ranges = [local.range, alignTo].compactMap { $0 }
        guard let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max() else {
            self = .empty
            return
        }
        guard high - low < Self.maximumDays else {
            throw PluginError("the events span \(high - low + 1) days; active-user series are limited to \(Self.maximumDays) days")
        }
        context.progress(0.4)
        try context.checkCancellation()
        let sorted = DaySortedUsers(days: local.days, ids: userIDs.ids, firstDay: low, dayCount: Int(high - low) + 1)
        context.progress(0.7)
        try context.checkCancellation()
        var users = sorted.users
        let starts = Self.keepDistinct(&users, dayStarts: sorted.dayStarts, userCount: userIDs.count)
        self.init(firstDay: low, dayCount: starts.count - 1, dayStarts: starts, users: users, userCount: userIDs.count)
    }

    /// Removes repeated users within each day of `users` (grouped by `dayStarts`), compacting
    /// in place; returns the new day starts. The days are split in two halves of about equal
    /// rows, each deduplicated on its own core with its own marks, then joined.
    private static func keepDistinct(_ users: inout [UInt32], dayStarts: [Int], userCount: Int) -> [Int] {
        let dayCount = dayStarts.count - 1
        let total = dayStarts[dayCount]
        let parts = TwoCoreSplit.parts(rows: total)
        // Day boundaries splitting the rows about evenly.
        let splits = (0...parts).map { part in
            part == parts ? dayCount : (dayStarts.firstIndex { $0 >= total * part / parts } ?? dayCount)
        }
        var newStarts = [Int](repeating: 0, count: dayCount + 1)
        var written = [Int](repeating: 0, count: parts)
        users.withUnsafeMutableBufferPointer { usersBuffer in
            newStarts.withUnsafeMutableBufferPointer { startsBuffer in
                written.withUnsafeMutableBufferPointer { writtenBuffer in
                    let shared = SharedBuffer(usersBuffer), starts = SharedBuffer(startsBuffer)
                    let counts = SharedBuffer(writtenBuffer)
                    TwoCoreSplit.run(parts: parts) { part in
                        var lastDay = [Int32](repeating: -1, count: userCount)
                        var cursor = dayStarts[splits[part]]
                        lastDay.withUnsafeMutableBufferPointer { lastDay in
                            for day in splits[part]..<splits[part + 1] {
                                starts[day] = cursor
                                for index in dayStarts[day]..<dayStarts[day + 1] {
                                    let user = shared[index]
                                    if lastDay[Int(user)] != Int32(day) {
                                        lastDay[Int(user)] = Int32(day)
                                        shared[cursor] = user
                                        cursor += 1
                                    }
                                }
                            }
                        }
                        counts[part] = cursor - dayStarts[splits[part]]
                    }
                }
            }
        }
        // Move the second half's block down next to the first.
        var end = written[0]
        for part in 1..<max(parts, 1) {
            let from = dayStarts[splits[part]]
            let shift = from - end
            if shift > 0 {
                for index in from..<(from + written[part]) { users[index - shift] = users[index] }
                for day in splits[part]..<splits[part + 1] { newStarts[day] -= shift }
            }
            end += written[part]
        }
        newStarts[dayCount] = end
        users.removeLast(users.count - end)
        return newStarts
    }

    /// The distinct users of day index `day`.
    @inline(__always)
    func usersOn(_ day: Int) -> ArraySlice<UInt32> { users[dayStarts[day]..<dayStarts[day + 1]] }
}
