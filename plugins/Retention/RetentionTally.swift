// Counting for the grouped layout: cohort sizes and retained entries, filled one user at a time.
import TallyPluginAPI

/// Per-cohort counts, built by handing it each user's distinct start and return periods.
///
/// Cohorts get a compact index the first time a user enters them, so only cohorts that exist
/// take space. `cells` holds `trackedHorizon + 1` counts per cohort; what a cell means depends on
/// the mode (see `cells`), and `counts()` turns them into retained counts.
struct RetentionTally {
    let mode: RetentionMode
    let cohortKind: RetentionCohortKind
    /// Period numbers above this cannot be reached by any return event (they lie past the data).
    let trackedHorizon: Int
    let firstPeriod: Int64
    /// Compact cohort index per period `firstPeriod + i`, or -1.
    private var cohortIndex: [Int32]
    private(set) var cohortPeriods: [Int64] = []
    /// Entries (users, or user-period pairs for recurring cohorts) per compact cohort.
    private(set) var sizes: [Int] = []
    /// exact: users with a return event in period k; unbounded: users whose latest return event
    /// is in period k (k = trackedHorizon: in that period or later).
    private var cells: [Int] = []

    init(options: RetentionOptions, firstPeriod: Int64, lastPeriod: Int64) {
        mode = options.mode
        cohortKind = options.cohortKind
        self.firstPeriod = firstPeriod
        let span = Int(lastPeriod - firstPeriod)
        trackedHorizon = min(options.horizon, span)
        cohortIndex = [Int32](repeating: -1, count: span + 1)
    }

    /// Adds one user from their distinct start periods and distinct return periods, both ascending.
    mutating func add(starts: UnsafeBufferPointer<Int64>, returns: UnsafeBufferPointer<Int64>) {
        guard let firstStart = starts.first else { return }
        switch cohortKind {
        case .first:
            enter(cohort: firstStart, returns: returns, from: 0)
        case .recurring:
            // Return events at or before an entry's period never count for it; the scan start
            // only moves forward because entries ascend.
            var firstLater = 0
            for start in starts {
                while firstLater < returns.count && returns[firstLater] <= start { firstLater += 1 }
                enter(cohort: start, returns: returns, from: firstLater)
            }
        }
    }

    /// One entry into cohort `cohort`, retained by `returns[from...]` (all later than `cohort`
    /// when `from > 0`; otherwise filtered here).
    @inline(__always)
    private mutating func enter(cohort: Int64, returns: UnsafeBufferPointer<Int64>, from: Int) {
        let index = compactIndex(of: cohort)
        sizes[index] += 1
        let base = index * (trackedHorizon + 1)
        switch mode {
        case .exact:
            for position in from..<returns.count {
                let k = returns[position] - cohort
                if k <= 0 { continue }
                if k > Int64(trackedHorizon) { break }
                cells[base + Int(k)] += 1
            }
        case .unbounded:
            guard let latest = returns.last, latest > cohort else { return }
            cells[base + Int(min(latest - cohort, Int64(trackedHorizon)))] += 1
        }
    }

    private mutating func compactIndex(of cohort: Int64) -> Int {
        let slot = Int(cohort - firstPeriod)
        if cohortIndex[slot] >= 0 { return Int(cohortIndex[slot]) }
        cohortIndex[slot] = Int32(sizes.count)
        cohortPeriods.append(cohort)
        sizes.append(0)
        cells.append(contentsOf: repeatElement(0, count: trackedHorizon + 1))
        return sizes.count - 1
    }

    /// The counts, cohorts in ascending period order.
    func counts() -> RetentionCounts {
        var counts = RetentionCounts(stride: trackedHorizon + 1)
        for index in cohortIndex where index >= 0 {
            let index = Int(index)
            let base = index * (trackedHorizon + 1)
            var retained = Array(cells[base...(base + trackedHorizon)])
            if mode == .unbounded {
                // Latest-return histogram to "returned in k or later": suffix sums.
                var laterOrEqual = 0
                for k in Swift.stride(from: trackedHorizon, through: 1, by: -1) {
                    laterOrEqual += retained[k]
                    retained[k] = laterOrEqual
                }
            }
            retained[0] = sizes[index]
            counts.append(cohort: cohortPeriods[index], size: sizes[index], retained: retained)
        }
        return counts
    }
}
