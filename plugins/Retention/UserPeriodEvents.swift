// The relevant events of the input grouped by user, each reduced to its period and its roles.
import TallyPluginAPI
import TallyStore

/// Start and return events grouped by dense user id, each user's events in ascending period order.
///
/// An event is one packed `UInt32`: `(periodKey << 2) | roles`, where the roles are
/// `startRole` and `returnRole` and `periodKey = period − lastPeriod + keyOrigin` keeps keys
/// positive and ordered like periods. Rows with a null user or time, or that are neither a start
/// nor a return event, are left out.
struct UserPeriodEvents {
    static let startRole: UInt32 = 1
    static let returnRole: UInt32 = 2
    /// Keys are periods counted from `lastPeriod − keyOrigin`. 2^29 periods back covers every
    /// representable timestamp even in days, and leaves room for keys above `lastPeriod`.
    static let keyOrigin: Int64 = 1 << 29

    /// Events of user `u` are `events[offsets[u] ..< offsets[u + 1]]`.
    let offsets: [Int]
    let events: [UInt32]
    /// The latest period of the data: the period of the latest time in the end-of-data input,
    /// or of any event here if later (possible only in zones whose local days go backwards).
    let lastPeriod: Int64
    /// The earliest period of an event here (`lastPeriod` when there are none).
    let firstPeriod: Int64

    /// Groups the events of `times` (µs UTC timestamps, or days when `timesAreDays`).
    /// - Parameters:
    ///   - isStart / isReturn: boolean predicate columns, nil meaning every row; a null is false.
    ///   - lastPeriod: the period of the latest time in the end-of-data input (nil: none there).
    /// - Complexity: O(rows + users), plus sorting the events of users whose rows are not in time order.
    init(users: DenseUserIDs, times: Column, timesAreDays: Bool, isStart: Column?, isReturn: Column?,
         numbering: inout PeriodNumbering, lastPeriod: Int64?, context: PluginContext) throws(PluginError) {
        let rows = times.count
        let timeValues = times.int64Values ?? []
        let startValues = isStart?.boolValues, returnValues = isReturn?.boolValues
        // The roles of a row; 0 when it is not a usable event.
        @inline(__always) func roles(_ row: Int) -> UInt32 {
            guard users.ids[row] >= 0, !times.isNull(row) else { return 0 }
            var roles: UInt32 = 0
            if let isStart { if let startValues, startValues[row], !isStart.isNull(row) { roles |= Self.startRole } } else {
                roles |= Self.startRole
            }
            if let isReturn { if let returnValues, returnValues[row], !isReturn.isNull(row) { roles |= Self.returnRole } } else {
                roles |= Self.returnRole
            }
            return roles
        }

        // Pass 1: events per user, for a counting sort by user.
        var offsets = [Int](repeating: 0, count: users.count + 1)
        for row in 0..<rows {
            if row & 0xFFFF == 0 { try context.checkCancellation() }
            if roles(row) != 0 { offsets[Int(users.ids[row]) + 1] += 1 }
        }
        for user in 0..<users.count { offsets[user + 1] += offsets[user] }

        // Pass 2: number the period of each event and place it in its user's slot. A stable
        // scatter, so users whose rows are in time order come out already sorted.
        let origin = lastPeriod ?? 0
        var events = [UInt32](repeating: 0, count: offsets[users.count])
        var cursor = offsets
        var lowest = Int64.max, highest = Int64.min
        for row in 0..<rows {
            if row & 0xFFFF == 0 { try context.checkCancellation() }
            let rowRoles = roles(row)
            guard rowRoles != 0 else { continue }
            let period = timesAreDays ? numbering.index(ofDay: timeValues[row]) : numbering.index(ofUTC: timeValues[row])
            lowest = min(lowest, period)
            highest = max(highest, period)
            let user = Int(users.ids[row])
            events[cursor[user]] = UInt32(period - origin + Self.keyOrigin) << 2 | rowRoles
            cursor[user] += 1
        }
        let last = highest == .min ? origin : max(lastPeriod ?? highest, highest)
        if last != origin {
            // An event later than the end-of-data period (a zone whose local days go backwards):
            // re-base the keys on it, a wrapping subtraction of the difference.
            let shift = UInt32(truncatingIfNeeded: (origin - last) << 2)
            for index in events.indices { events[index] &+= shift }
        }
        Self.sortEachUser(&events, offsets: offsets)
        self.offsets = offsets
        self.events = events
        self.lastPeriod = last
        self.firstPeriod = lowest == .max ? last : lowest
    }

    /// The period of a packed event.
    @inline(__always)
    func period(of event: UInt32) -> Int64 {
        Int64(event >> 2) - Self.keyOrigin + lastPeriod
    }

    /// Sorts each user's slice unless it is already in order (the common case for time-ordered logs).
    private static func sortEachUser(_ events: inout [UInt32], offsets: [Int]) {
        events.withUnsafeMutableBufferPointer { buffer in
            for user in 0..<(offsets.count - 1) {
                let range = offsets[user]..<offsets[user + 1]
                guard range.count > 1 else { continue }
                var isSorted = true
                for index in range.dropFirst() where buffer[index - 1] > buffer[index] {
                    isSorted = false
                    break
                }
                if !isSorted {
                    var slice = UnsafeMutableBufferPointer(rebasing: buffer[range])
                    slice.sort()
                }
            }
        }
    }
}
