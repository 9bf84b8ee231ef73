// Lays out the counts as the output table: cohort rows, then the size-weighted average rows.
import TallyStore

/// Builds the output of `retention` from its counts.
enum RetentionTable {
    /// One row per (cohort, period 0…horizon) in cohort then period order, then one average row
    /// per period. A cohort's period k with cohort + k > lastPeriod is past the data: retained
    /// and rate are null there and the cohort is left out of that period's average.
    static func make(_ counts: RetentionCounts, lastPeriod: Int64, horizon: Int, numbering: PeriodNumbering) -> Table {
        let cohorts = counts.cohortPeriods.indices
        let rowCount = cohorts.isEmpty ? 0 : (cohorts.count + 1) * (horizon + 1)
        var cohort = ColumnBuilder(type: .date, capacity: rowCount)
        var period = ColumnBuilder(type: .int, capacity: rowCount)
        var users = ColumnBuilder(type: .int, capacity: rowCount)
        var retained = ColumnBuilder(type: .int, capacity: rowCount)
        var rate = ColumnBuilder(type: .float, capacity: rowCount)
        var isAverage = ColumnBuilder(type: .bool, capacity: rowCount)
        var averageUsers = [Int](repeating: 0, count: horizon + 1)
        var averageRetained = [Int](repeating: 0, count: horizon + 1)
        var averageCohorts = [Int](repeating: 0, count: horizon + 1)

        for index in cohorts {
            let cohortPeriod = counts.cohortPeriods[index]
            let size = counts.sizes[index]
            let cohortStart = numbering.startDay(ofIndex: cohortPeriod)
            for k in 0...horizon {
                cohort.append(int64: cohortStart)
                period.append(int64: Int64(k))
                users.append(int64: Int64(size))
                isAverage.append(bool: false)
                // Periods past the data are unknown, not zero. Every reachable k is tracked.
                guard Int64(k) <= lastPeriod - cohortPeriod else {
                    retained.appendNull()
                    rate.appendNull()
                    continue
                }
                let kept = counts.retained(cohort: index, k: k)
                retained.append(int64: Int64(kept))
                rate.append(float: Double(kept) / Double(size))
                averageUsers[k] += size
                averageRetained[k] += kept
                averageCohorts[k] += 1
            }
        }
        if !cohorts.isEmpty {
            for k in 0...horizon {
                cohort.appendNull()
                period.append(int64: Int64(k))
                users.append(int64: Int64(averageUsers[k]))
                isAverage.append(bool: true)
                if averageCohorts[k] == 0 {
                    retained.appendNull()
                    rate.appendNull()
                } else {
                    retained.append(int64: Int64(averageRetained[k]))
                    rate.append(float: Double(averageRetained[k]) / Double(averageUsers[k]))
                }
            }
        }
        // Names are distinct and lengths equal by construction.
        return try! Table([
            ("cohort", cohort.finish()), ("period", period.finish()), ("users", users.finish()),
            ("retained", retained.finish()), ("rate", rate.finish()), ("is_average", isAverage.finish()),
        ])
    }
}
