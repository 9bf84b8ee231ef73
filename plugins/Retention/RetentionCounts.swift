// The result of counting: cohort sizes and retained entries per period number, cohorts ascending.

/// Cohort sizes and retained counts, whichever layout counted them.
struct RetentionCounts {
    /// Cohort periods, ascending; only cohorts with at least one entry.
    var cohortPeriods: [Int64] = []
    /// Entries per cohort.
    var sizes: [Int] = []
    /// `stride` counts per cohort: retained entries for period numbers 0…stride − 1 (0 = the size).
    /// Period numbers past the data may hold anything; the table makes them null.
    var retained: [Int] = []
    /// Counts kept per cohort: every period number that can lie within the data, and at least 1.
    let stride: Int

    init(stride: Int) {
        self.stride = stride
    }

    /// Appends a cohort later than every cohort so far.
    mutating func append(cohort period: Int64, size: Int, retained counts: some Collection<Int>) {
        precondition(counts.count == stride && cohortPeriods.last.map { $0 < period } ?? true)
        cohortPeriods.append(period)
        sizes.append(size)
        retained.append(contentsOf: counts)
    }

    func retained(cohort index: Int, k: Int) -> Int { retained[index * stride + k] }
}
