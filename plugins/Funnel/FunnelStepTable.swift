// The default output of `funnel`: one row per step with users, conversions, drop-off and times.
import TallyStore

/// Builds the per-step table from the merged tally.
enum FunnelStepTable {
    /// One row per step. Step 1 has no previous step: its `conversion_from_previous`, `drop_off`
    /// and times are null. A conversion whose denominator is 0 is null. Times are in whole
    /// microseconds, rounded half up; the median of an even count is the mean of the middle two.
    static func build(_ tally: FunnelTally, labels: [String]) -> Table {
        let stepCount = labels.count
        let users = (1...stepCount).map { Int64(tally.users(reaching: $0)) }
        var fromPrevious = ColumnBuilder(type: .float, capacity: stepCount)
        var fromFirst = ColumnBuilder(type: .float, capacity: stepCount)
        var dropOff = ColumnBuilder(type: .int, capacity: stepCount)
        var median = ColumnBuilder(type: .duration, capacity: stepCount)
        var mean = ColumnBuilder(type: .duration, capacity: stepCount)
        var names = ColumnBuilder(type: .string, capacity: stepCount)
        for index in 0..<stepCount {
            names.append(string: labels[index])
            append(ratio: users[index], over: users[0], to: &fromFirst)
            if index == 0 {
                fromPrevious.appendNull()
                dropOff.appendNull()
                median.appendNull()
                mean.appendNull()
                continue
            }
            append(ratio: users[index], over: users[index - 1], to: &fromPrevious)
            dropOff.append(int64: users[index - 1] - users[index])
            var gaps = tally.gaps[index]
            if gaps.isEmpty {
                median.appendNull()
                mean.appendNull()
            } else {
                gaps.sort()
                median.append(int64: medianOfSorted(gaps))
                mean.append(int64: roundedMean(gaps))
            }
        }
        // Names are distinct and lengths equal, so this cannot fail.
        return try! Table([
            ("step", Column.int((1...stepCount).map(Int64.init))), ("name", names.finish()),
            ("users", Column.int(users)), ("conversion_from_previous", fromPrevious.finish()),
            ("conversion_from_first", fromFirst.finish()), ("drop_off", dropOff.finish()),
            ("median_time_from_previous", median.finish()), ("mean_time_from_previous", mean.finish()),
        ])
    }

    private static func append(ratio numerator: Int64, over denominator: Int64, to builder: inout ColumnBuilder) {
        if denominator == 0 { builder.appendNull() } else { builder.append(float: Double(numerator) / Double(denominator)) }
    }

    /// The middle value, or the mean of the middle two (half a microsecond rounds up).
    static func medianOfSorted(_ sorted: [Int64]) -> Int64 {
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return halfUp(Int128(sorted[middle - 1]) + Int128(sorted[middle]), over: 2)
    }

    /// The mean in whole microseconds, rounded half up (exact: the sum is 128-bit).
    static func roundedMean(_ values: [Int64]) -> Int64 {
        var sum: Int128 = 0
        for value in values { sum += Int128(value) }
        return halfUp(sum, over: Int128(values.count))
    }

    /// `numerator / denominator` rounded to the nearest integer, halves toward +∞ (denominator > 0).
    private static func halfUp(_ numerator: Int128, over denominator: Int128) -> Int64 {
        let doubled = 2 * numerator + denominator
        let twice = 2 * denominator
        // Floor division, so negative numerators round the same way.
        var quotient = doubled / twice
        if doubled % twice != 0 && doubled < 0 { quotient -= 1 }
        return Int64(quotient)
    }
}
