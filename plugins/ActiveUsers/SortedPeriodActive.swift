// `dau` and `active` over time-ordered rows: each period's users as one cache-resident bitset.
import TallyPluginAPI
import TallyStore

/// Active users per calendar period when the input allows the fast layout: string users without
/// nulls (their dictionary codes are the dense ids), a time column without nulls in time order,
/// and a zone whose local days never go backwards over the data (`PeriodSegments`).
///
/// Each period's rows are found by binary search; the period's users are the set bits of a
/// bitset filled from the codes, so the work is one pass reading each row's time (checking the
/// order) and code: 12 bytes per event for 4-byte codes. `UserDays` is the general path and
/// gives the same counts.
enum SortedPeriodActive {
    /// Per-period counts from period ordinal `firstIndex` on (`CalendarPeriod.index`; for days,
    /// the day itself), or nil when the input needs the general path.
    /// - Parameters:
    ///   - alignTo: the whole input's day range when the call is grouped; the series spans it too.
    static func counts(user: Column, time: Column, period: CalendarPeriod, weekStart: Int, zone: ZoneCalendar,
                       alignTo: ClosedRange<Int64>?,
                       context: PluginContext) throws(PluginError) -> (firstIndex: Int64, counts: [Int64])? {
        // The same bound as `DenseUserIDs` puts on using dictionary codes as they are.
        guard PeriodUserSets.canUse(user, maximumUsers: 2 * user.count + 4096),
              let userCount = user.dictionary?.count, let codes = user.codes,
              let times = time.int64Values, let first = times.first, let last = times.last,
              let segments = PeriodSegments(time: time, period: period, zone: zone, weekStart: weekStart,
                                            maximumPeriods: Int(UserDays.maximumDays), orderCheck: .deferred)
        else { return nil }
        // The day range, widened to `alignTo`, bounds the series as in `UserDays`.
        let isDate = time.type == .date
        let lowDay = min(isDate ? first : zone.day(ofUTC: first), alignTo?.lowerBound ?? .max)
        let highDay = max(isDate ? last : zone.day(ofUTC: last), alignTo?.upperBound ?? .min)
        // Too long a series: the general path reports it.
        guard highDay - lowDay < UserDays.maximumDays else { return nil }
        try context.checkCancellation()
        let low = period.index(ofDay: lowDay, weekStart: weekStart)
        let high = period.index(ofDay: highDay, weekStart: weekStart)
        var counts = [Int64](repeating: 0, count: Int(high - low) + 1)
        let offset = Int(segments.firstPeriod - low)
        // The order of the times is checked in the same pass as the codes are read.
        let isInOrder = counts.withUnsafeMutableBufferPointer { countBuffer in
            let output = SharedBuffer(countBuffer)
            return PeriodUserSets.forEachPeriod(codes: codes, userCount: userCount, segments: segments,
                                                checkingOrderOf: times) { position, users in
                output[offset + position] = Int64(PeriodUserSets.count(of: users))
            }
        }
        return isInOrder ? (low, counts) : nil
    }
}
