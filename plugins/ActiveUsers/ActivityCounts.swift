// The active-user counts, each one pass over the distinct (user, day) pairs.
import TallyPluginAPI
import TallyStore

extension UserDays {
    /// Distinct users per day index.
    func dailyActive() -> [Int64] {
        (0..<dayCount).map { Int64(dayStarts[$0 + 1] - dayStarts[$0]) }
    }

    /// Per day index `d`, the distinct users active on some day of `d − window + 1 … d` within
    /// the range (days before the range have no data and add nothing).
    ///
    /// A user active on day `d` whose previous active day was `p` newly covers days
    /// `max(d, p + window) ..< d + window`; adding those intervals to a difference array and
    /// summing it gives every day's count without any set union.
    /// - Complexity: O(pairs + days + users).
    func rollingActive(window: Int) -> [Int64] {
        var difference = [Int64](repeating: 0, count: dayCount + 1)
        var lastDay = [Int](repeating: Int.min / 2, count: userCount)
        for day in 0..<dayCount {
            for user in usersOn(day) {
                let start = max(day, lastDay[Int(user)] + window)
                let end = min(day + window, dayCount)
                if start < end {
                    difference[start] += 1
                    difference[end] -= 1
                }
                lastDay[Int(user)] = day
            }
        }
        var running: Int64 = 0
        return (0..<dayCount).map { day in
            running += difference[day]
            return running
        }
    }

    /// The calendar periods of the range: for each day index its period's position, and each
    /// period's first day (days since 1970-01-01) and length in days.
    func periods(_ period: CalendarPeriod, weekStart: Int) -> CalendarPeriods {
        guard dayCount > 0 else { return CalendarPeriods(positionOfDay: [], startDays: [], lengths: []) }
        let firstIndex = period.index(ofDay: firstDay, weekStart: weekStart)
        let lastIndex = period.index(ofDay: firstDay + Int64(dayCount - 1), weekStart: weekStart)
        let positions = (0..<dayCount).map { Int(period.index(ofDay: firstDay + Int64($0), weekStart: weekStart) - firstIndex) }
        let startDays = (firstIndex...lastIndex).map { period.startDay(ofIndex: $0, weekStart: weekStart) }
        let lengths = (firstIndex...lastIndex).map {
            Int(period.startDay(ofIndex: $0 + 1, weekStart: weekStart) - period.startDay(ofIndex: $0, weekStart: weekStart))
        }
        return CalendarPeriods(positionOfDay: positions, startDays: startDays, lengths: lengths)
    }

    /// Distinct users per calendar period of `periods`.
    /// - Complexity: O(pairs + users).
    func periodActive(_ periods: CalendarPeriods) -> [Int64] {
        var counts = [Int64](repeating: 0, count: periods.count)
        var lastPeriod = [Int](repeating: -1, count: userCount)
        for day in 0..<dayCount {
            let position = periods.positionOfDay[day]
            for user in usersOn(day) where lastPeriod[Int(user)] != position {
                lastPeriod[Int(user)] = position
                counts[position] += 1
            }
        }
        return counts
    }

    /// For each period of `periods`, how many of its active users were active on exactly k of
    /// its days: `histogram[position][k − 1]` for k = 1 … the period's length.
    ///
    /// Pairs come in day order, so a user's run of days in one period is finished when the user
    /// shows up in a later period (or at the end).
    /// - Complexity: O(pairs + users + periods × period length).
    func activeDaysHistogram(_ periods: CalendarPeriods) -> [[Int64]] {
        var histogram = periods.lengths.map { [Int64](repeating: 0, count: $0) }
        var lastPeriod = [Int](repeating: -1, count: userCount)
        var daysInPeriod = [Int](repeating: 0, count: userCount)
        for day in 0..<dayCount {
            let position = periods.positionOfDay[day]
            for user in usersOn(day) {
                let user = Int(user)
                if lastPeriod[user] == position {
                    daysInPeriod[user] += 1
                } else {
                    if lastPeriod[user] >= 0 { histogram[lastPeriod[user]][daysInPeriod[user] - 1] += 1 }
                    lastPeriod[user] = position
                    daysInPeriod[user] = 1
                }
            }
        }
        for user in 0..<userCount where lastPeriod[user] >= 0 {
            histogram[lastPeriod[user]][daysInPeriod[user] - 1] += 1
        }
        return histogram
    }
}

/// The calendar periods (weeks or months) touching a range of days.
struct CalendarPeriods {
    /// For each day index of the range, the position of its period.
    var positionOfDay: [Int]
    /// First day of each period (days since 1970-01-01); the first may precede the range.
    var startDays: [Int64]
    /// Days in each period (7 for a week, 28…31 for a month), whatever part the range covers.
    var lengths: [Int]

    var count: Int { startDays.count }
}
