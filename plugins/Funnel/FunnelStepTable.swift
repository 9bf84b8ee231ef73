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
                mean.append(int64: roundedMean(gaps))
                median.append(int64: medianBySelection(&gaps))
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

    /// `medianOfSorted` of `values` sorted, without sorting them: the upper middle value is put in
    /// place by quickselect (everything before it is then no larger), and for an even count the
    /// lower middle one is the largest of those before it. `values` is left reordered.
    /// - Complexity: O(n) expected.
    static func medianBySelection(_ values: inout [Int64]) -> Int64 {
        let middle = values.count / 2
        return values.withUnsafeMutableBufferPointer { buffer in
            select(middle, in: buffer)
            if buffer.count % 2 == 1 { return buffer[middle] }
            var lower = buffer[0]
            for position in 1..<middle { lower = max(lower, buffer[position]) }
            return halfUp(Int128(lower) + Int128(buffer[middle]), over: 2)
        }
    }

    /// Puts the value a sort would put at `target` there, smaller-or-equal values before it and
    /// larger-or-equal after (three-way partitions, so runs of equal gaps cost one pass; a range
    /// partitioned too often is sorted instead).
    private static func select(_ target: Int, in buffer: UnsafeMutableBufferPointer<Int64>) {
        var low = 0, high = buffer.count
        var depth = 0
        while high - low > 16 {
            depth += 1
            if depth > 64 { break }
            let a = buffer[low], b = buffer[(low + high) / 2], c = buffer[high - 1]
            let pivot = max(min(a, b), min(max(a, b), c))
            // [low, less) < pivot, [less, scan) == pivot, (greater, high) > pivot.
            var less = low, scan = low, greater = high - 1
            while scan <= greater {
                let value = buffer[scan]
                if value < pivot {
                    buffer.swapAt(less, scan)
                    less += 1
                    scan += 1
                } else if value > pivot {
                    buffer.swapAt(scan, greater)
                    greater -= 1
                } else {
                    scan += 1
                }
            }
            if target < less {
                high = less
            } else if target > greater {
                low = greater + 1
            } else {
                return
            }
        }
        var rest = UnsafeMutableBufferPointer(rebasing: buffer[low..<high])
        rest.sort()
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
