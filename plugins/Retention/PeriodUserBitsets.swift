// Per-period bitsets over users: cohorts and retention become ANDs and popcounts of whole words.
import TallyPluginAPI

/// One bitset over users per period: who has a start event, who has a return event.
///
/// The usual layout. Filling it is one sequential pass over the rows (bits of time-ordered rows
/// land in the same period's words). Then, with S_p the starts and R_p the returns of period p:
/// first cohorts are F_p = S_p minus everyone who started earlier; `unbounded` replaces R_p by
/// the union of R_q for q ≥ p; and retained(cohort e, k) = popcount(entries_e ∧ R_{e+k}).
/// Memory is 2 × periods × ⌈users / 64⌉ words and the counting periods × horizon times that, so
/// `Retention` uses `UserEventGroups` when either would be large.
enum PeriodUserBitsets {
    private static func wordsPerPeriod(_ events: EventPeriods) -> Int { (events.users.count + 63) / 64 }

    private static func periodCount(_ events: EventPeriods) -> Int { Int(events.lastPeriod - events.firstPeriod) + 1 }

    /// Whether the bitsets take about the memory of the grouping layout (16 bytes per row) or
    /// less, and the counting about the time of a few passes over the rows.
    static func fits(_ events: EventPeriods, horizon: Int) -> Bool {
        let periods = periodCount(events), words = wordsPerPeriod(events)
        let (size, sizeOverflow) = (2 * periods).multipliedReportingOverflow(by: words)
        let (work, workOverflow) = size.multipliedReportingOverflow(by: min(horizon, periods) + 1)
        let rows = events.roles.count
        return !sizeOverflow && !workOverflow && size <= max(1 << 22, 2 * rows) && work <= max(1 << 26, 32 * rows)
    }

    /// Counts cohort sizes and retained entries.
    /// - Complexity: O(rows + periods × (horizon + 1) × ⌈users / 64⌉).
    static func count(_ events: EventPeriods, options: RetentionOptions,
                      context: PluginContext) throws(PluginError) -> RetentionCounts {
        let periods = periodCount(events), words = wordsPerPeriod(events)
        var starts = [UInt64](repeating: 0, count: periods * words)
        var returns = [UInt64](repeating: 0, count: periods * words)
        let shift = Int(events.origin - events.firstPeriod)
        events.users.ids.withUnsafeBufferPointer { ids in
            events.roles.withUnsafeBufferPointer { roles in
                events.periods.withUnsafeBufferPointer { rowPeriods in
                    for row in 0..<roles.count where roles[row] != 0 {
                        let user = Int(ids[row])
                        let word = (Int(rowPeriods[row]) + shift) * words + user >> 6
                        let mask: UInt64 = 1 << UInt64(user & 63)
                        if roles[row] & EventPeriods.startRole != 0 { starts[word] |= mask }
                        if roles[row] & EventPeriods.returnRole != 0 { returns[word] |= mask }
                    }
                }
            }
        }
        try context.checkCancellation()
        if options.cohortKind == .first {
            // Keep each user only in the period of their first start.
            var seen = [UInt64](repeating: 0, count: words)
            for period in 0..<periods {
                for word in 0..<words {
                    let index = period * words + word
                    starts[index] &= ~seen[word]
                    seen[word] |= starts[index]
                }
            }
        }
        if options.mode == .unbounded {
            // "A return in period k or later": each period's returns absorb all later ones.
            for period in stride(from: periods - 2, through: 0, by: -1) {
                for word in 0..<words { returns[period * words + word] |= returns[(period + 1) * words + word] }
            }
        }
        let tracked = min(options.horizon, periods - 1)
        var counts = RetentionCounts(stride: tracked + 1)
        var retained = [Int](repeating: 0, count: tracked + 1)
        for cohort in 0..<periods {
            try context.checkCancellation()
            let entries = cohort * words
            var size = 0
            for word in 0..<words { size += starts[entries + word].nonzeroBitCount }
            guard size > 0 else { continue }
            retained[0] = size
            for k in 1..<(tracked + 1) {
                guard cohort + k < periods else {
                    retained[k] = 0  // past the data: made null by the table
                    continue
                }
                let later = (cohort + k) * words
                var hits = 0
                for word in 0..<words { hits += (starts[entries + word] & returns[later + word]).nonzeroBitCount }
                retained[k] = hits
            }
            counts.append(cohort: events.firstPeriod + Int64(cohort), size: size, retained: retained)
        }
        return counts
    }
}
