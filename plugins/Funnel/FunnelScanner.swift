// The chain rules of DESIGN §7 "Funnel": one user's items in, the user's level and the step
// times of the measured chain out. This is where Tally matches ClickHouse's windowFunnel.

/// Scans one user's items at a time, keeping chains; reusable scratch, one per thread.
///
/// A chain has a start (its step-1 time), a last time, the rows it used and a level. Without
/// `strict_once` only the newest chain per level exists (a new one replaces it); with it every
/// chain is kept. The level is the highest level of a kept chain when the scan ends.
struct FunnelScanner {
    let stepCount: Int
    let within: Int64
    let mode: FunnelMode

    /// The user's level after `scan`.
    private(set) var level = 0
    /// After `scan`: the step times (steps 1…level) of the measured chain: the kept chain that
    /// reached `level` first (ties: earliest start).
    private(set) var measuredTimes: [Int64]

    // Newest chain per level (no `strict_once`); index = level.
    private var hasChain: [Bool]
    private var chainStart: [Int64]
    private var chainLast: [Int64]
    /// Step times of the level-k chain at `k * stepCount ..< k * stepCount + k`.
    private var chainTimes: [Int64]

    // Every chain (`strict_once`): parallel arrays, rows and times at `chain * stepCount`.
    private var onceLevel: [Int] = []
    private var onceStart: [Int64] = []
    private var onceLast: [Int64] = []
    private var onceRows: [Int32] = []
    /// Parallel to `onceRows`: whether that row matches several steps (so it may come back as another item).
    private var onceRepeats: [Bool] = []
    /// Chains created at the current item time, by what decides their future (see `addChain`).
    private var createdAtTime = Set<ChainKey>()
    private var createdTime = Int64.min
    private var onceTimes: [Int64] = []
    /// Levels some chain reached during this scan (chains out of the window may have been dropped).
    private var reached: [Bool]
    private var measuredItem = -1

    init(stepCount: Int, within: Int64, mode: FunnelMode) {
        self.stepCount = stepCount
        self.within = within
        self.mode = mode
        measuredTimes = [Int64](repeating: 0, count: stepCount)
        hasChain = [Bool](repeating: false, count: stepCount + 1)
        chainStart = [Int64](repeating: 0, count: stepCount + 1)
        chainLast = [Int64](repeating: 0, count: stepCount + 1)
        chainTimes = [Int64](repeating: 0, count: (stepCount + 1) * stepCount)
        reached = [Bool](repeating: false, count: stepCount + 1)
    }

    /// Computes `level` and `measuredTimes` for one user's items.
    mutating func scan(_ items: FunnelItems) {
        if mode.contains(.strictOnce) { scanKeepingAll(items) } else { scanKeepingNewest(items) }
    }

    /// What a step-k item (k ≥ 2) does before any chain is extended.
    private enum Gate { case extend, skip, stop }

    @inline(__always)
    private func gate(step: Int, stepOneRead: Bool, isReached: (Int) -> Bool) -> Gate {
        if mode.contains(.strictDeduplication) && isReached(step) { return .stop }
        if mode.contains(.strictOrder) && stepOneRead && !isReached(step - 1) {
            return mode.contains(.allowReentry) ? .skip : .stop
        }
        return .extend
    }

    private mutating func scanKeepingNewest(_ items: FunnelItems) {
        for index in 1...stepCount { hasChain[index] = false }
        level = 0
        var stepOneRead = false
        let strictIncrease = mode.contains(.strictIncrease)
        let width = stepCount
        items: for index in 0..<items.count {
            let step = Int(items.steps[index])
            let time = items.times[index]
            if step == 0 {
                if stepOneRead { break items } else { continue items }
            }
            if step == 1 {
                hasChain[1] = true
                chainStart[1] = time
                chainLast[1] = time
                chainTimes[width] = time
                stepOneRead = true
                level = max(level, 1)
            } else {
                switch gate(step: step, stepOneRead: stepOneRead, isReached: { hasChain[$0] }) {
                case .stop: break items
                case .skip: continue items
                case .extend: break
                }
                let from = step - 1
                guard hasChain[from], time - chainStart[from] <= within,
                      !strictIncrease || chainLast[from] < time else { continue items }
                hasChain[step] = true
                chainStart[step] = chainStart[from]
                chainLast[step] = time
                for position in 0..<from { chainTimes[step * width + position] = chainTimes[from * width + position] }
                chainTimes[step * width + from] = time
                level = max(level, step)
            }
            // Nothing after the last step can change the level, so the scan ends (as in ClickHouse).
            if level == stepCount { break items }
        }
        for position in 0..<level { measuredTimes[position] = chainTimes[level * width + position] }
    }

    private mutating func scanKeepingAll(_ items: FunnelItems) {
        for index in 0...stepCount { reached[index] = false }
        onceLevel.removeAll(keepingCapacity: true)
        onceStart.removeAll(keepingCapacity: true)
        onceLast.removeAll(keepingCapacity: true)
        onceRows.removeAll(keepingCapacity: true)
        onceRepeats.removeAll(keepingCapacity: true)
        onceTimes.removeAll(keepingCapacity: true)
        forgetCreatedChains()
        level = 0
        measuredItem = -1
        var stepOneRead = false
        let strictIncrease = mode.contains(.strictIncrease)
        items: for index in 0..<items.count {
            let step = Int(items.steps[index])
            let time = items.times[index]
            let row = items.rows[index]
            let repeats = items.repeats[index]
            if step == 0 {
                if stepOneRead { break items } else { continue items }
            }
            if time != createdTime {
                forgetCreatedChains()
                createdTime = time
            }
            if step == 1 {
                if onceLevel.count >= 64 { dropChainsOutsideWindow(at: time) }
                addChain(level: 1, start: time, time: time, row: row, repeats: repeats, extending: nil, item: index)
                stepOneRead = true
            } else {
                switch gate(step: step, stepOneRead: stepOneRead, isReached: { reached[$0] }) {
                case .stop: break items
                case .skip: continue items
                case .extend: break
                }
                let from = step - 1
                // Chains added by this item are at level `step`, so a snapshot of the count suffices.
                for chain in 0..<onceLevel.count where onceLevel[chain] == from {
                    guard time - onceStart[chain] <= within, !strictIncrease || onceLast[chain] < time,
                          !usesRow(chain, row) else { continue }
                    addChain(level: step, start: onceStart[chain], time: time, row: row, repeats: repeats, extending: chain,
                             item: index)
                }
            }
            if level == stepCount { break items }
        }
    }

    private func usesRow(_ chain: Int, _ row: Int32) -> Bool {
        let base = chain * stepCount
        for position in 0..<onceLevel[chain] where onceRows[base + position] == row { return true }
        return false
    }

    /// What decides a chain's future once its last time is the current item time: its level, its
    /// start, and the rows it used that may come back as other items (rows matching several steps).
    private struct ChainKey: Hashable {
        var level: Int
        var start: Int64
        var repeatingRows: [Int32]
    }

    private mutating func forgetCreatedChains() {
        if createdAtTime.isEmpty { return }
        if createdAtTime.count < 1024 { createdAtTime.removeAll(keepingCapacity: true) } else { createdAtTime.removeAll() }
    }

    /// Adds a chain unless one with the same `ChainKey` was created at this time already: the two
    /// would extend alike forever (same level, start, last time and reusable rows), and the older
    /// one wins every tie of the measured chain, so the newer changes nothing. This keeps
    /// `strict_once` from multiplying chains that differ only in rows that cannot come back.
    private mutating func addChain(level newLevel: Int, start: Int64, time: Int64, row: Int32, repeats: Bool,
                                   extending parent: Int?, item: Int) {
        var repeatingRows: [Int32] = []
        if let parent {
            let parentBase = parent * stepCount
            for position in 0..<(newLevel - 1) where onceRepeats[parentBase + position] {
                repeatingRows.append(onceRows[parentBase + position])
            }
        }
        if repeats { repeatingRows.append(row) }
        guard createdAtTime.insert(ChainKey(level: newLevel, start: start, repeatingRows: repeatingRows)).inserted else { return }

        let base = onceLevel.count * stepCount
        onceLevel.append(newLevel)
        onceStart.append(start)
        onceLast.append(time)
        for _ in 0..<stepCount {
            onceRows.append(-1)
            onceRepeats.append(false)
            onceTimes.append(0)
        }
        if let parent {
            let parentBase = parent * stepCount
            for position in 0..<(newLevel - 1) {
                onceRows[base + position] = onceRows[parentBase + position]
                onceRepeats[base + position] = onceRepeats[parentBase + position]
                onceTimes[base + position] = onceTimes[parentBase + position]
            }
        }
        onceRows[base + newLevel - 1] = row
        onceRepeats[base + newLevel - 1] = repeats
        onceTimes[base + newLevel - 1] = time
        reached[newLevel] = true
        // The measured chain: first to reach the highest level; among chains reaching it at the same item, earliest start.
        let isFirstHigher = newLevel > level
        let isEarlierTie = newLevel == level && item == measuredItem && start < measuredTimes[0]
        if isFirstHigher || isEarlierTie {
            level = newLevel
            measuredItem = item
            for position in 0..<newLevel { measuredTimes[position] = onceTimes[base + position] }
        }
    }

    /// Drops chains whose window has closed: items come in time order, so they can never be
    /// extended again. Their levels stay in `reached` and the measured chain is already copied.
    private mutating func dropChainsOutsideWindow(at time: Int64) {
        var kept = 0
        for chain in 0..<onceLevel.count where time - onceStart[chain] <= within {
            if kept != chain {
                onceLevel[kept] = onceLevel[chain]
                onceStart[kept] = onceStart[chain]
                onceLast[kept] = onceLast[chain]
                for position in 0..<stepCount {
                    onceRows[kept * stepCount + position] = onceRows[chain * stepCount + position]
                    onceRepeats[kept * stepCount + position] = onceRepeats[chain * stepCount + position]
                    onceTimes[kept * stepCount + position] = onceTimes[chain * stepCount + position]
                }
            }
            kept += 1
        }
        onceLevel.removeLast(onceLevel.count - kept)
        onceStart.removeLast(onceStart.count - kept)
        onceLast.removeLast(onceLast.count - kept)
        onceRows.removeLast(onceRows.count - kept * stepCount)
        onceRepeats.removeLast(onceRepeats.count - kept * stepCount)
        onceTimes.removeLast(onceTimes.count - kept * stepCount)
    }
}
