// Each user's events grouped by a counting sort: the layout for spans too long for bitsets.
import TallyPluginAPI

/// Start and return events grouped by user (a stable counting sort), each user's events then
/// sorted by period. Memory is proportional to the events, whatever the span of periods.
enum UserEventGroups {
    /// Hands every user's distinct start and return periods, ascending, to `tally`.
    /// - Complexity: O(rows + users), plus sorting the events of users whose rows are not in time order.
    static func feed(_ events: EventPeriods, into tally: inout RetentionTally, context: PluginContext) throws(PluginError) {
        let userCount = events.users.count
        let ids = events.users.ids, roles = events.roles
        var offsets = [Int](repeating: 0, count: userCount + 1)
        for row in roles.indices where roles[row] != 0 { offsets[Int(ids[row]) + 1] += 1 }
        for user in 0..<userCount { offsets[user + 1] += offsets[user] }
        try context.checkCancellation()

        // An event is (period − firstPeriod) << 2 | roles; spans of representable times are < 2^30 periods.
        let shift = events.origin - events.firstPeriod
        var grouped = [UInt32](repeating: 0, count: offsets[userCount])
        var cursor = offsets
        for row in roles.indices where roles[row] != 0 {
            let user = Int(ids[row])
            grouped[cursor[user]] = UInt32(Int64(events.periods[row]) + shift) << 2 | UInt32(roles[row])
            cursor[user] += 1
        }
        try context.checkCancellation()

        var startPeriods: [Int64] = [], returnPeriods: [Int64] = []
        try grouped.withUnsafeMutableBufferPointer { buffer throws(PluginError) in
            for user in 0..<userCount {
                if user & 0xFFFF == 0 { try context.checkCancellation() }
                let range = offsets[user]..<offsets[user + 1]
                guard !range.isEmpty else { continue }
                var slice = UnsafeMutableBufferPointer(rebasing: buffer[range])
                // A stable scatter keeps time-ordered logs sorted: check before sorting.
                if zip(slice, slice.dropFirst()).contains(where: { $0 > $1 }) { slice.sort() }
                startPeriods.removeAll(keepingCapacity: true)
                returnPeriods.removeAll(keepingCapacity: true)
                for event in slice {
                    let period = events.firstPeriod + Int64(event >> 2)
                    // Sorted, so a repeated period is always the last one kept.
                    if event & UInt32(EventPeriods.startRole) != 0 && startPeriods.last != period { startPeriods.append(period) }
                    if event & UInt32(EventPeriods.returnRole) != 0 && returnPeriods.last != period {
                        returnPeriods.append(period)
                    }
                }
                startPeriods.withUnsafeBufferPointer { startBuffer in
                    returnPeriods.withUnsafeBufferPointer { returnBuffer in
                        tally.add(starts: startBuffer, returns: returnBuffer)
                    }
                }
            }
        }
    }
}
