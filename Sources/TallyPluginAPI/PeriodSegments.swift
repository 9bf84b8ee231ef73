// The rows of a time-ordered time column cut into consecutive calendar periods by binary search.
import TallyStore

/// For a time column whose rows are in time order, the row range of every local calendar period
/// from the first row's to the last row's.
///
/// With the rows in order, a period's rows are contiguous, so finding where each period starts
/// takes a binary search per period instead of a division per row, and a metric can then work
/// period by period on nothing but the user column.
public struct PeriodSegments: Sendable, Equatable {
    /// The period ordinal (`CalendarPeriod.index`) of the first row.
    public let firstPeriod: Int64
    /// Rows of period `firstPeriod + i` are `starts[i] ..< starts[i + 1]` (empty for periods
    /// without rows); `starts.count == periodCount + 1`, `starts.last` is the row count.
    public let starts: [Int]

    /// Number of periods from the first row's to the last row's.
    public var periodCount: Int { starts.count - 1 }

    /// The period ordinal of the last row.
    public var lastPeriod: Int64 { firstPeriod + Int64(periodCount - 1) }

    /// The rows of period position `position` (period `firstPeriod + position`).
    public func rows(ofPosition position: Int) -> Range<Int> { starts[position]..<starts[position + 1] }

    /// Period positions `0 ..< periodCount` cut into `parts` runs of about equal rows: `parts + 1`
    /// ascending positions, from 0 to `periodCount`.
    public func positionSplits(parts: Int) -> [Int] {
        let rows = starts[periodCount]
        return (0...parts).map { part in
            if part == parts { return periodCount }
            let target = rows * part / parts
            var low = 0, high = periodCount
            while low < high {  // first position starting at or after the target row
                let middle = (low + high) >> 1
                if starts[middle] < target { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// Where the time order of the rows is checked.
    public enum OrderCheck: Sendable {
        /// Here, in a pass over the column before cutting it (`TimeOrder.isNonDecreasing`).
        case here
        /// By the caller's own pass over the rows, which must check every row against the one
        /// before it (`PeriodUserSets.forEachPeriod(…, checkingOrderOf:)` does, and saves a
        /// separate pass over the times). Until it passes, the segments mean nothing.
        case deferred
    }

    /// Segments `time` when it allows it; nil otherwise, and the caller takes its general path.
    ///
    /// It allows it when it has rows, no nulls, never decreases from row to row (checked as
    /// `orderCheck` says), its local day never decreases over its span in `zone` (see
    /// `ZoneCalendar.localDayNeverDecreases`), and its periods are at most `maximumPeriods`.
    /// - Parameters:
    ///   - time: a `timestamp` column (µs UTC, bucketed in `zone`) or a `date` column (local days).
    ///   - period: the calendar period; `weekStart` as in `CalendarPeriod.index` (0 = Monday).
    /// - Complexity: O(rows) for the order check `.here` (two cores), then O(periods + distinct
    ///   periods × log rows).
    public init?(time: Column, period: CalendarPeriod, zone: ZoneCalendar, weekStart: Int = 0,
                 maximumPeriods: Int, orderCheck: OrderCheck = .here) {
        guard time.validity == nil, let values = time.int64Values, let first = values.first,
              let last = values.last, first <= last else { return nil }
        if orderCheck == .here, !TimeOrder.isNonDecreasing(values) { return nil }
        let isDate = time.type == .date
        if !isDate, !zone.localDayNeverDecreases(fromUTC: first, throughUTC: last) { return nil }
        let key: (Int64) -> Int64 = { value in
            period.index(ofDay: isDate ? value : zone.day(ofUTC: value), weekStart: weekStart)
        }
        let firstPeriod = key(first), lastPeriod = key(last)
        guard lastPeriod - firstPeriod < Int64(maximumPeriods) else { return nil }
        var starts: [Int] = []
        starts.reserveCapacity(Int(lastPeriod - firstPeriod) + 2)
        // Unchecked order (`.deferred`) may show keys outside the range: not in order, give up.
        let isWithinRange = values.withUnsafeBufferPointer { values in
            var row = 0
            while row < values.count {
                let current = key(values[row])
                guard current >= firstPeriod && current <= lastPeriod else { return false }
                // This period and any empty ones before it start here.
                while Int64(starts.count) <= current - firstPeriod { starts.append(row) }
                // The first row of a later period: keys never decrease, so binary search.
                var low = row + 1, high = values.count
                while low < high {
                    let middle = (low + high) >> 1
                    if key(values[middle]) <= current { low = middle + 1 } else { high = middle }
                }
                row = low
            }
            return true
        }
        guard isWithinRange, Int64(starts.count) == lastPeriod - firstPeriod + 1 else { return nil }
        starts.append(values.count)
        self.firstPeriod = firstPeriod
        self.starts = starts
    }
}
