// What the scan of a range of users leaves behind: how many users ended at each level, and the
// step-to-step times of their measured chains. One per worker thread, merged at the end.

/// Counts and times gathered over some users; merged across worker threads.
struct FunnelTally: Sendable {
    /// `usersAtLevel[l]` = users whose level is exactly l (0…steps).
    var usersAtLevel: [Int]
    /// `gaps[k]` = time from step k to step k+1 (0-based k ≥ 1 means step k+1) on each measured chain
    /// that reached step k+1; `gaps[0]` stays empty.
    var gaps: [[Int64]]

    init(stepCount: Int) {
        usersAtLevel = [Int](repeating: 0, count: stepCount + 1)
        gaps = [[Int64]](repeating: [], count: stepCount)
    }

    /// Adds one user's level and measured chain.
    @inline(__always)
    mutating func add(level: Int, times: [Int64]) {
        usersAtLevel[level] += 1
        if level >= 2 {
            for step in 1..<level { gaps[step].append(times[step] - times[step - 1]) }
        }
    }

    mutating func merge(_ other: FunnelTally) {
        for level in usersAtLevel.indices { usersAtLevel[level] += other.usersAtLevel[level] }
        for step in gaps.indices { gaps[step].append(contentsOf: other.gaps[step]) }
    }

    /// Users whose level is at least `step` (1-based).
    func users(reaching step: Int) -> Int { usersAtLevel[step...].reduce(0, +) }
}
