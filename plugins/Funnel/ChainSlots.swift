// One worker's per-user chain state for `TimeOrderedFunnel`: a level byte per user and, per
// level below the last, the step times of the user's newest chain of that level.

/// What every worker's slots share: the step count, window and time units, and where each level's times are.
struct ChainLayout: Sendable {
    /// Microseconds per slot unit when slots hold whole seconds.
    static let secondMicros: Int64 = 1_000_000

    let stepCount: Int
    /// The window in slot units (rounded down: slot times are whole units, so the comparison is unchanged).
    let within: Int64
    /// Microseconds per unit of the time column (a day for a date column).
    let scale: Int64
    /// Microseconds per slot unit: 1, or `secondMicros` for 32-bit slots.
    let unit: Int64
    /// Microseconds subtracted before dividing by `unit` (the first time, for 32-bit slots; else 0).
    let origin: Int64
    /// Slots per user: the triangle of levels 1…n−1 (at least n − 1 for a finished user's gaps),
    /// then the time of the user's last item, rounded up to a multiple of 8 slots (32 or 64 bytes,
    /// so a user's slots never straddle a cache line).
    let stride: Int
    /// The slot of the user's last item time.
    let lastTimeSlot: Int

    init(stepCount: Int, within: Int64, scale: Int64, unit: Int64 = 1, origin: Int64 = 0) {
        self.stepCount = stepCount
        self.within = within / unit
        self.scale = scale
        self.unit = unit
        self.origin = origin
        lastTimeSlot = stepCount * (stepCount - 1) / 2
        let used = lastTimeSlot + 1
        stride = (used + 7) / 8 * 8
    }
}

/// Flat per-user state of the mode-less funnel scan, indexed by a worker-local user number.
///
/// User u's level is the low bits of `states[u]` (0…n; n = finished). Its slots are `stride` `Slot`s at
/// `u × stride`: the newest level-k chain's step times at k(k−1)/2 ..< k(k−1)/2 + k for
/// k = 1…n−1. A finished user's first n − 1 slots hold its chain's step-to-step gaps instead (the
/// level-n chain is never extended, so only its gaps are needed). Slots are read only below the
/// user's level, so they are never zeroed (fresh pages stay untouched for users without steps).
/// Times are in the layout's slot units: microseconds in `Int64` slots, or whole seconds since
/// the layout's origin in `Int32` slots (half the memory, so fewer cache misses).
final class ChainSlots<Slot: FixedWidthInteger & SignedInteger>: @unchecked Sendable {
    let layout: ChainLayout
    let userCount: Int
    /// Per user: the level (low 4 bits) and the step of the user's last item (high 4 bits, 0 before any).
    private let states: UnsafeMutablePointer<UInt8>
    private let slots: UnsafeMutablePointer<Slot>
    private let raw: UnsafeMutableRawPointer

    init(users: Int, layout: ChainLayout) {
        self.layout = layout
        userCount = users
        states = .allocate(capacity: max(users, 1))
        states.initialize(repeating: 0, count: max(users, 1))
        raw = .allocate(byteCount: max(users, 1) * layout.stride * MemoryLayout<Slot>.stride, alignment: 64)
        slots = raw.bindMemory(to: Slot.self, capacity: max(users, 1) * layout.stride)
    }

    func deallocate() {
        states.deallocate()
        raw.deallocate()
    }

    /// Reads one item: step `step` (1-based) of `user` at `time` (slot units), as `FunnelScanner` does
    /// without modes: step 1 starts the newest level-1 chain; step k extends the newest level-(k−1)
    /// chain when it started at most `within` earlier, becoming the newest level-k chain.
    ///
    /// Items must come in time order per user. At equal times the scan order is by step, but items
    /// come here in row order, which is the same unless a lower step follows a higher one at the
    /// same time (the same step twice at one time leaves the same state as once, so its rows'
    /// order does not matter).
    /// - Returns: false for such a lower step: the pass must give up (nothing is changed).
    @inline(__always)
    func apply(step: Int, time: Slot, user: Int) -> Bool {
        let state = Int(states[user])
        var level = state & 15
        let stepCount = layout.stepCount
        let base = slots + user * layout.stride
        let lastTime = base + layout.lastTimeSlot
        if state >> 4 > step && lastTime.pointee == time { return false }
        // A finished user's later items change nothing (but one of a lower step at its finishing
        // time would have come first, hence the check above).
        if level == stepCount { return true }
        lastTime.pointee = time
        defer { states[user] = UInt8(truncatingIfNeeded: level | step << 4) }
        if step == 1 {
            base[0] = time
            if level == 0 { level = 1 }
            return true
        }
        guard level >= step - 1 else { return true }
        let from = base + (step - 1) * (step - 2) / 2
        guard Int64(time &- from[0]) <= layout.within else { return true }
        if step == stepCount {
            // Finished: keep the gaps (in place, ascending: each write lands below what is still to be read).
            for position in 0..<(step - 2) { base[position] = from[position + 1] &- from[position] }
            base[step - 2] = time &- from[step - 2]
            level = stepCount
            return true
        }
        let to = base + step * (step - 1) / 2
        for position in 0..<(step - 1) { to[position] = from[position] }
        to[step - 1] = time
        if level < step { level = step }
        return true
    }

    /// Reads the user's state so that its cache lines are loaded; the result means nothing.
    @inline(__always)
    func touch(user: Int) -> Int {
        Int(states[user]) &+ Int(truncatingIfNeeded: slots[user * layout.stride])
    }

    /// Keeps `touch` loads from being optimised away.
    @inline(never)
    func keep(_ value: Int) { sink = value }
    private var sink = 0

    /// Every user's level and measured gaps in microseconds (users at level 0 are not counted: no output reads them).
    func tally() -> FunnelTally {
        let stepCount = layout.stepCount
        let unit = layout.unit
        var tally = FunnelTally(stepCount: stepCount)
        for user in 0..<userCount {
            let level = Int(states[user] & 15)
            if level == 0 { continue }
            tally.usersAtLevel[level] += 1
            guard level >= 2 else { continue }
            let base = slots + user * layout.stride
            if level == stepCount {
                for step in 1..<level { tally.gaps[step].append(Int64(base[step - 1]) * unit) }
            } else {
                let chain = base + level * (level - 1) / 2
                for step in 1..<level { tally.gaps[step].append(Int64(chain[step] - chain[step - 1]) * unit) }
            }
        }
        return tally
    }
}
