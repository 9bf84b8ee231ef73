// RFM scores: cut points chosen exactly as ClickHouse's quantilesExact picks them, then a count.

/// Scores 1…bins from cut points at the quantiles k/bins of the sorted values.
///
/// The cut point for k = 1…bins−1 is `sorted[i_k]` (0-based) with i_k = ⌊fl(ℓ_k · n)⌋, where ℓ_k is
/// the double nearest k/bins and the product is rounded to a double before the floor: the index
/// ClickHouse's `quantilesExact(ℓ_1, …, ℓ_{bins−1})` uses. A value's score is 1 + the number of cut
/// points it strictly exceeds, so equal values always get equal scores.
public enum QuantileScores {
    /// The quantile levels ℓ_1…ℓ_{bins−1}: the doubles nearest k/bins (IEEE division rounds to nearest).
    public static func levels(bins: Int) -> [Double] {
        (1..<bins).map { Double($0) / Double(bins) }
    }

    /// The 0-based positions in the sorted values of `count` values that the cut points take.
    public static func cutIndices(count: Int, bins: Int) -> [Int] {
        levels(bins: bins).map { level in Int((level * Double(count)).rounded(.down)) }
    }

    /// The cut points of `values` (bins − 1 of them, non-decreasing); empty when `values` is empty.
    /// - Complexity: O(n log bins) expected: the cut positions are selected, not the whole array sorted.
    public static func cutPoints<Value: Comparable>(_ values: [Value], bins: Int) -> [Value] {
        selectedCutPoints(values, bins: bins)
    }

    /// The cut points of integers: counted when the values span a range no wider than their
    /// number (or 65 536), as recencies in days and frequencies do; selected otherwise. Counting
    /// gives the same values as sorting: the value at a position is the one whose run covers it.
    /// - Complexity: O(n + span) counted, else as the generic `cutPoints`.
    public static func cutPoints(_ values: [Int64], bins: Int) -> [Int64] {
        guard let first = values.first else { return [] }
        var low = first, high = first
        for value in values {
            low = min(low, value)
            high = max(high, value)
        }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, span < Int64(max(values.count, 1 << 16)) else { return selectedCutPoints(values, bins: bins) }
        var counts = [Int](repeating: 0, count: Int(span) + 1)
        counts.withUnsafeMutableBufferPointer { counts in
            for value in values { counts[Int(value &- low)] += 1 }
        }
        var cuts: [Int64] = []
        var below = 0, offset = 0
        for index in cutIndices(count: values.count, bins: bins) {
            // Positions below + 0 ..< below + counts[offset] hold low + offset.
            while below + counts[offset] <= index {
                below += counts[offset]
                offset += 1
            }
            cuts.append(low + Int64(offset))
        }
        return cuts
    }

    private static func selectedCutPoints<Value: Comparable>(_ values: [Value], bins: Int) -> [Value] {
        guard !values.isEmpty else { return [] }
        let indices = cutIndices(count: values.count, bins: bins)
        var work = values
        work.withUnsafeMutableBufferPointer { OrderStatistics.select(indices, in: $0) }
        return indices.map { work[$0] }
    }

    /// 1 + the number of `cutPoints` strictly below `value`.
    /// - Complexity: O(log bins).
    @inline(__always)
    public static func score<Value: Comparable>(_ value: Value, cutPoints: [Value]) -> Int {
        var low = 0, high = cutPoints.count
        while low < high {
            let middle = (low + high) / 2
            if cutPoints[middle] < value { low = middle + 1 } else { high = middle }
        }
        return 1 + low
    }

    /// Every value's score.
    public static func scores<Value: Comparable>(_ values: [Value], bins: Int) -> [Int] {
        scores(values, cutPoints: cutPoints(values, bins: bins))
    }

    /// Every integer's score (cut points counted where they can be).
    public static func scores(_ values: [Int64], bins: Int) -> [Int] {
        scores(values, cutPoints: cutPoints(values, bins: bins))
    }

    /// Every value's score against `cuts`: with few cut points a count of the ones below, without
    /// branches (a binary search mispredicts on every other step); else `score`.
    private static func scores<Value: Comparable>(_ values: [Value], cutPoints cuts: [Value]) -> [Int] {
        guard cuts.count <= 16 else { return values.map { score($0, cutPoints: cuts) } }
        return cuts.withUnsafeBufferPointer { cuts in
            values.map { value in
                var score = 1
                for cut in cuts { score += cut < value ? 1 : 0 }
                return score
            }
        }
    }
}
