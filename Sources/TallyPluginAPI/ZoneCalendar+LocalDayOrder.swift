// Whether a zone's local calendar day can go backwards within a span of time.
import TallyStore

extension ZoneCalendar {
    /// Longest span `localDayNeverDecreases` examines hour by hour (about 23 years).
    public static let localDayOrderMaximumHours: Int64 = 200_000

    /// Whether the local day of an instant never decreases as the instant grows from `start` to
    /// `end` (UTC µs): true unless the clock is set back across a local midnight in between
    /// (a fall-back transition at 00:00, as some zones have had).
    ///
    /// Metrics that find each day's rows of time-ordered data by binary search rely on this.
    /// A fixed-offset zone always qualifies. Otherwise each UTC hour of the span is checked for
    /// a change of offset (no zone changes its offset twice within an hour), each change is
    /// located to the microsecond, and the days just before and at it are compared. Spans longer
    /// than `localDayOrderMaximumHours` answer false (the caller takes its general path).
    /// - Complexity: O(hours of the span × log transitions).
    public func localDayNeverDecreases(fromUTC start: Int64, throughUTC end: Int64) -> Bool {
        if isFixedOffset || start >= end { return true }
        let hour = CivilTime.microsPerHour
        let (span, overflow) = end.subtractingReportingOverflow(start)
        guard !overflow, span / hour < Self.localDayOrderMaximumHours else { return false }
        var instant = start
        var previousOffset = offset(atUTC: start)
        while instant < end {
            let next = end - instant > hour ? instant + hour : end
            let nextOffset = offset(atUTC: next)
            if nextOffset != previousOffset {
                // The offset is `previousOffset` at `low` and `nextOffset` from `high` on.
                var low = instant, high = next
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    if offset(atUTC: middle) == previousOffset { low = middle } else { high = middle }
                }
                let dayBefore = CivilTime.floorDiv(high - 1 + previousOffset, CivilTime.microsPerDay)
                let dayAt = CivilTime.floorDiv(high + nextOffset, CivilTime.microsPerDay)
                if dayAt < dayBefore { return false }
                previousOffset = nextOffset
            }
            instant = next
        }
        return true
    }
}
