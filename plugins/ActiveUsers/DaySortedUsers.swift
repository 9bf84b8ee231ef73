// A counting sort of the usable rows' users by local day, run as two halves on large inputs.
import TallyPluginAPI

/// The users of the usable rows, grouped by day index (repeats kept; within a day in row order).
struct DaySortedUsers {
    /// `users[dayStarts[d] ..< dayStarts[d + 1]]` belong to day index `d`.
    var dayStarts: [Int]
    var users: [UInt32]

    /// - Parameters:
    ///   - days: per-row local day, `LocalDays.ignored` for rows to leave out.
    ///   - ids: per-row dense user id.
    ///   - firstDay: the local day of day index 0; every usable day is within `dayCount` of it.
    /// - Complexity: O(rows + days). Each half counts its rows per day, then writes them after
    ///   the previous halves' rows of the same day, so the result equals a sequential sort.
    init(days: [Int32], ids: [UInt32], firstDay: Int64, dayCount: Int) {
        let rows = days.count
        let parts = TwoCoreSplit.parts(rows: rows)
        var counts = [[Int]](repeating: [], count: parts)
        counts.withUnsafeMutableBufferPointer { countsBuffer in
            days.withUnsafeBufferPointer { daysBuffer in
                let shared = SharedBuffer(countsBuffer), days = SharedBuffer(daysBuffer)
                TwoCoreSplit.run(rows: rows) { part, rowRange in
                    var own = [Int](repeating: 0, count: dayCount)
                    own.withUnsafeMutableBufferPointer { own in
                        for row in rowRange where days[row] != LocalDays.ignored {
                            own[Int(Int64(days[row]) - firstDay)] += 1
                        }
                    }
                    shared[part] = own
                }
            }
        }
        // Each part's first slot per day: after every earlier day, and after earlier parts' rows of that day.
        var starts = [Int](repeating: 0, count: dayCount + 1)
        var cursors = [[Int]](repeating: [Int](repeating: 0, count: dayCount), count: parts)
        var position = 0
        for day in 0..<dayCount {
            starts[day] = position
            for part in 0..<parts {
                cursors[part][day] = position
                position += counts[part][day]
            }
        }
        starts[dayCount] = position
        var users = [UInt32](repeating: 0, count: position)
        let firstSlots = cursors
        users.withUnsafeMutableBufferPointer { usersBuffer in
            days.withUnsafeBufferPointer { daysBuffer in
                ids.withUnsafeBufferPointer { idsBuffer in
                    let output = SharedBuffer(usersBuffer)
                    let days = SharedBuffer(daysBuffer), ids = SharedBuffer(idsBuffer)
                    TwoCoreSplit.run(rows: rows) { part, rowRange in
                        var cursor = firstSlots[part]
                        cursor.withUnsafeMutableBufferPointer { cursor in
                            for row in rowRange where days[row] != LocalDays.ignored {
                                let day = Int(Int64(days[row]) - firstDay)
                                output[cursor[day]] = ids[row]
                                cursor[day] += 1
                            }
                        }
                    }
                }
            }
        }
        self.dayStarts = starts
        self.users = users
    }
}
