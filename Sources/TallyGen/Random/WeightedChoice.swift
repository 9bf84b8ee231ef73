// Picking an index with integer weights, and small counting distributions built on draws.

/// A categorical distribution over `0..<weights.count` with integer weights.
///
/// Integer weights keep the choice exact and portable; tables are small (≤ 24 entries), so a
/// linear scan over cumulative sums beats anything cleverer.
struct WeightedChoice: Sendable {
    private let cumulative: [Int]
    private let total: Int

    init(_ weights: [Int]) {
        precondition(!weights.isEmpty && weights.allSatisfy { $0 >= 0 })
        var running = 0
        cumulative = weights.map { running += $0; return running }
        total = running
        precondition(total > 0, "weights must not all be zero")
    }

    var count: Int { cumulative.count }

    @inline(__always)
    func pick(_ random: inout Xoshiro256) -> Int {
        let target = random.below(total)
        var index = 0
        while cumulative[index] <= target { index += 1 }
        return index
    }
}

extension Xoshiro256 {
    /// The number of successes before the first failure, each trial succeeding with `more`,
    /// at most `limit`: a geometric count, cheap because each trial is one compare.
    @inline(__always)
    mutating func repeats(_ more: Chance, limit: Int) -> Int {
        var count = 0
        while count < limit && happens(more) { count += 1 }
        return count
    }

    /// A uniform integer in `range`.
    @inline(__always)
    mutating func uniform(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }
}
