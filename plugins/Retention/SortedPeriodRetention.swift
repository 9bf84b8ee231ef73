// First-event cohorts over time-ordered rows: per-period user bitsets, then one pass over their bits.
import TallyPluginAPI
import TallyStore

/// Retention counts when the call and the input allow the fast layout: any event starts and any
/// event returns (no predicates), first cohorts, `exact` mode, string users without nulls (their
/// dictionary codes are the dense ids), and a time column that `PeriodSegments` can cut.
///
/// The active users of every period are bitsets filled from the codes (`PeriodUserSets`, two
/// cores). A sweep over the periods in order gives each user's cohort (first active period).
/// Then each period's active users are visited once, each adding 1 to cell (cohort, period −
/// cohort): the work is the distinct (user, period) pairs, split over two cores by periods.
/// `PeriodUserBitsets` and `UserEventGroups` are the general layouts and give the same counts.
enum SortedPeriodRetention {
    /// The counts and the data's last period, or nil when the general layouts must count.
    /// - Parameter endOfData: the period of the whole input's latest time when `user` and `time`
    ///   are one group of it (the data ends there); nil when they are the whole input.
    /// - Complexity: O(rows + periods × users / 64 + distinct (user, period) pairs).
    static func counts(user: Column, time: Column, options: RetentionOptions, zone: ZoneCalendar, weekStart: Int,
                       endOfData: Int64?, context: PluginContext) throws(PluginError) -> (RetentionCounts, lastPeriod: Int64)? {
        let rows = time.count
        // Per-user state no larger than `DenseUserIDs` would allow for this input.
        guard options.cohortKind == .first, options.mode == .exact,
              PeriodUserSets.canUse(user, maximumUsers: max(1 << 16, 4 * rows)),
              let userCount = user.dictionary?.count, let codes = user.codes,
              let times = time.int64Values,
              let segments = PeriodSegments(time: time, period: options.period, zone: zone, weekStart: weekStart,
                                            maximumPeriods: max(1 << 16, rows), orderCheck: .deferred)
        else { return nil }
        let words = (userCount + 63) / 64
        let dataPeriods = segments.periodCount
        let lastPeriod = max(endOfData ?? segments.lastPeriod, segments.lastPeriod)
        let tracked = min(options.horizon, Int(lastPeriod - segments.firstPeriod))
        // The bitsets of every period, and the cells (one set per core), no larger than the
        // bitset layout would allow; long spans of short periods with big horizons go there.
        let (bitsetWords, bitsetOverflow) = dataPeriods.multipliedReportingOverflow(by: words)
        let (cellCount, cellOverflow) = dataPeriods.multipliedReportingOverflow(by: tracked + 1)
        guard !bitsetOverflow, bitsetWords <= max(1 << 22, 2 * rows),
              !cellOverflow, cellCount <= max(1 << 20, rows) else { return nil }
        try context.checkCancellation()
        // The time order is checked in the same pass that reads the codes.
        guard let active = activeUsers(codes: codes, userCount: userCount, segments: segments, times: times) else {
            return nil
        }
        try context.checkCancellation()
        let (cohorts, sizes) = firstPeriods(active, periods: dataPeriods, words: words, userCount: userCount)
        let cells = retainedCells(active, cohorts: cohorts, segments: segments, words: words, tracked: tracked)
        var counts = RetentionCounts(stride: tracked + 1)
        for position in 0..<dataPeriods where sizes[position] > 0 {
            var retained = Array(cells[(position * (tracked + 1))..<((position + 1) * (tracked + 1))])
            retained[0] = sizes[position]
            counts.append(cohort: segments.firstPeriod + Int64(position), size: sizes[position], retained: retained)
        }
        return (counts, lastPeriod)
    }

    /// The bitset of active users of every period position, `words` words each, back to back;
    /// nil when `times` turn out not to be in order.
    private static func activeUsers(codes: DictionaryCodes, userCount: Int, segments: PeriodSegments,
                                    times: [Int64]) -> [UInt64]? {
        let words = (userCount + 63) / 64
        let total = segments.periodCount * words
        var isInOrder = false
        // Every word is written below when the times are in order, so no zero fill first.
        let active = [UInt64](unsafeUninitializedCapacity: total) { buffer, initialized in
            let matrix = SharedBuffer(buffer)
            isInOrder = PeriodUserSets.forEachPeriod(codes: codes, userCount: userCount, segments: segments,
                                                     checkingOrderOf: times) { position, users in
                (matrix.base + position * words).initialize(from: users.baseAddress!, count: words)
            }
            // Out of order, periods may be left unwritten: keep none of them.
            initialized = isInOrder ? total : 0
        }
        return isInOrder ? active : nil
    }

    /// Each user's cohort (position of their first active period; unset for users never active)
    /// and each position's cohort size: one sweep over the periods in order.
    private static func firstPeriods(_ active: [UInt64], periods: Int, words: Int,
                                     userCount: Int) -> (cohorts: [Int32], sizes: [Int]) {
        var seen = [UInt64](repeating: 0, count: words)
        var sizes = [Int](repeating: 0, count: periods)
        // Only users with a bit somewhere are ever read, and each gets its cohort here.
        let cohorts = [Int32](unsafeUninitializedCapacity: userCount) { cohorts, initialized in
            for position in 0..<periods {
                var size = 0
                for word in 0..<words {
                    var newcomers = active[position * words + word] & ~seen[word]
                    seen[word] |= newcomers
                    size &+= newcomers.nonzeroBitCount
                    while newcomers != 0 {
                        cohorts[word << 6 | newcomers.trailingZeroBitCount] = Int32(position)
                        newcomers &= newcomers &- 1
                    }
                }
                sizes[position] = size
            }
            initialized = userCount
        }
        return (cohorts, sizes)
    }

    /// Cell `cohort × (tracked + 1) + k`: users of cohort position `cohort` active at position
    /// `cohort + k`, for k = 1 … tracked (k = 0 is left 0). Periods are split over two cores,
    /// each counting into its own cells.
    private static func retainedCells(_ active: [UInt64], cohorts: [Int32], segments: PeriodSegments,
                                      words: Int, tracked: Int) -> [Int] {
        let periods = segments.periodCount, stride = tracked + 1
        let parts = TwoCoreSplit.parts(rows: segments.starts[periods])
        let splits = segments.positionSplits(parts: parts)
        var partials = [[Int]](repeating: [], count: parts)
        active.withUnsafeBufferPointer { activeBuffer in
            cohorts.withUnsafeBufferPointer { cohortBuffer in
                partials.withUnsafeMutableBufferPointer { partialBuffer in
                    let active = SharedBuffer(activeBuffer), cohorts = SharedBuffer(cohortBuffer)
                    let results = SharedBuffer(partialBuffer)
                    TwoCoreSplit.run(parts: parts) { part in
                        var cells = [Int](repeating: 0, count: periods * stride)
                        cells.withUnsafeMutableBufferPointer { cells in
                            for position in splits[part]..<splits[part + 1] {
                                for word in 0..<words {
                                    var users = active[position * words + word]
                                    while users != 0 {
                                        let cohort = Int(cohorts[word << 6 | users.trailingZeroBitCount])
                                        users &= users &- 1
                                        let k = position - cohort
                                        if k > 0 && k <= tracked { cells[cohort * stride + k] &+= 1 }
                                    }
                                }
                            }
                        }
                        results[part] = cells
                    }
                }
            }
        }
        var cells = partials[0]
        for partial in partials.dropFirst() {
            for index in cells.indices { cells[index] &+= partial[index] }
        }
        return cells
    }
}
