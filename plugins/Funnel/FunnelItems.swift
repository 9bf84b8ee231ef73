// One user's items in scan order: every (row, step) match, sorted by time, step, input row.

/// A reusable buffer of one user's items (DESIGN §7): each (row, step) match is an item, and under
/// `strict_order` a row matching no step is an item with step 0. Items are ordered by time, then
/// step, then input row, which is the order ClickHouse's stable sort of `(time, step)` leaves them in.
///
/// One per worker thread; raw buffers so that building a user's items costs no allocation and no
/// uniqueness checks once the buffers have grown to the largest user.
final class FunnelItems {
    private(set) var count = 0
    private var capacity = 0
    private(set) var times: UnsafeMutablePointer<Int64>
    private(set) var steps: UnsafeMutablePointer<UInt8>
    /// Which of the user's rows made each item: its position among the user's entries (entries
    /// are in input order, so positions order rows like input rows do).
    private(set) var rows: UnsafeMutablePointer<Int32>
    /// Whether the item's row matches several steps (so the row makes other items too).
    private(set) var repeats: UnsafeMutablePointer<Bool>
    /// A user's (time, position) pairs sorted by time then position, for users whose rows are not in time order.
    private var ordered: [(time: Int64, position: Int32)] = []

    init() {
        times = .allocate(capacity: 0)
        steps = .allocate(capacity: 0)
        rows = .allocate(capacity: 0)
        repeats = .allocate(capacity: 0)
    }

    deinit {
        times.deallocate()
        steps.deallocate()
        rows.deallocate()
        repeats.deallocate()
    }

    /// Rebuilds the items of one user from its entries (in input order).
    /// - Complexity: O(k × steps per row) for k entries already in time order, O(k log k) otherwise.
    func build(_ entry: UnsafePointer<FunnelEntry>, count entries: Int, stepZero: Bool, stepCount: Int) {
        reserve(entries * stepCount)
        count = 0
        var isSorted = true
        if entries > 1 {
            for index in 1..<entries where entry[index].time < entry[index - 1].time {
                isSorted = false
                break
            }
        }
        if isSorted {
            // Entries arrive in input order, so a time-sorted user is already sorted by (time, row).
            appendRuns(count: entries, time: { entry[$0].time }, row: { Int32(truncatingIfNeeded: $0) },
                       mask: { entry[$0].mask }, stepZero: stepZero)
        } else {
            ordered.removeAll(keepingCapacity: true)
            for index in 0..<entries { ordered.append((entry[index].time, Int32(truncatingIfNeeded: index))) }
            ordered.sort { $0.time != $1.time ? $0.time < $1.time : $0.position < $1.position }
            ordered.withUnsafeBufferPointer { pairs in
                appendRuns(count: entries, time: { pairs[$0].time }, row: { pairs[$0].position },
                           mask: { entry[Int(pairs[$0].position)].mask }, stepZero: stepZero)
            }
        }
    }

    /// Emits items run by run of equal time.
    @inline(__always)
    private func appendRuns(count entries: Int, time: (Int) -> Int64, row: (Int) -> Int32, mask: (Int) -> UInt32,
                            stepZero: Bool) {
        var start = 0
        while start < entries {
            let runTime = time(start)
            var end = start + 1
            while end < entries && time(end) == runTime { end += 1 }
            if end == start + 1 {
                // A row alone at its time: its steps in increasing order.
                let only = row(start)
                let bitsOfRow = mask(start)
                if bitsOfRow == 0 {
                    if stepZero { append(runTime, 0, only, repeats: false) }
                } else {
                    var bits = bitsOfRow
                    let several = bitsOfRow & (bitsOfRow - 1) != 0
                    while bits != 0 {
                        append(runTime, UInt8(bits.trailingZeroBitCount + 1), only, repeats: several)
                        bits &= bits - 1
                    }
                }
            } else {
                appendRun(start..<end, time: runTime, row: row, mask: mask, stepZero: stepZero)
            }
            start = end
        }
    }

    /// The items of several rows at one time: step by step, rows in input order within a step.
    @inline(__always)
    private func appendRun(_ run: Range<Int>, time: Int64, row: (Int) -> Int32, mask: (Int) -> UInt32, stepZero: Bool) {
        var union: UInt32 = 0
        var hasUnmatched = false
        for index in run {
            let bits = mask(index)
            union |= bits
            if bits == 0 { hasUnmatched = true }
        }
        if stepZero && hasUnmatched {
            for index in run where mask(index) == 0 { append(time, 0, row(index), repeats: false) }
        }
        var bits = union
        while bits != 0 {
            let bit = UInt32(1) << UInt32(bits.trailingZeroBitCount)
            let step = UInt8(bits.trailingZeroBitCount + 1)
            for index in run where mask(index) & bit != 0 {
                let bits = mask(index)
                append(time, step, row(index), repeats: bits & (bits - 1) != 0)
            }
            bits &= bits - 1
        }
    }

    @inline(__always)
    private func append(_ time: Int64, _ step: UInt8, _ row: Int32, repeats several: Bool) {
        times[count] = time
        steps[count] = step
        rows[count] = row
        repeats[count] = several
        count += 1
    }

    /// Grows the buffers to hold `needed` items (contents are rebuilt by every `build`).
    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let grown = max(needed, capacity * 2, 64)
        times.deallocate()
        steps.deallocate()
        rows.deallocate()
        repeats.deallocate()
        times = .allocate(capacity: grown)
        steps = .allocate(capacity: grown)
        rows = .allocate(capacity: grown)
        repeats = .allocate(capacity: grown)
        capacity = grown
    }
}
