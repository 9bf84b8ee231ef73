// One user's items in scan order: every (row, step) match, sorted by time, step, input row.

/// A reusable buffer of one user's items (DESIGN §7): each (row, step) match is an item, and under
/// `strict_order` a row matching no step is an item with step 0. Items are ordered by time, then
/// step, then input row, which is the order ClickHouse's stable sort of `(time, step)` leaves them in.
struct FunnelItems {
    private(set) var times: [Int64] = []
    private(set) var steps: [UInt8] = []
    private(set) var rows: [Int32] = []
    /// The user's (time, row) pairs, sorted by time then row.
    private var ordered: [(time: Int64, row: Int32)] = []

    var count: Int { times.count }

    /// Rebuilds the items of one user from its rows (given in input order) and the step masks.
    /// - Complexity: O(k) for k rows already in time order, O(k log k) otherwise; no allocation
    ///   once the buffers have grown to the largest user.
    mutating func build(times entryTimes: ArraySlice<Int64>, rows entryRows: ArraySlice<Int32>,
                        masks: UnsafeBufferPointer<UInt32>, stepZero: Bool) {
        times.removeAll(keepingCapacity: true)
        steps.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
        ordered.removeAll(keepingCapacity: true)
        var isSorted = true
        var previous = Int64.min
        for (time, row) in zip(entryTimes, entryRows) {
            if time < previous { isSorted = false }
            previous = time
            ordered.append((time, row))
        }
        // Rows arrive in input order, so a time-sorted user is already sorted by (time, row).
        if !isSorted { ordered.sort { $0.time != $1.time ? $0.time < $1.time : $0.row < $1.row } }

        var start = 0
        while start < ordered.count {
            let time = ordered[start].time
            var end = start + 1
            while end < ordered.count && ordered[end].time == time { end += 1 }
            if end == start + 1 {
                appendSteps(of: ordered[start].row, mask: masks[Int(ordered[start].row)], time: time, stepZero: stepZero)
            } else {
                appendRun(start..<end, time: time, masks: masks, stepZero: stepZero)
            }
            start = end
        }
    }

    /// The items of a row alone at its time: its steps in increasing order.
    private mutating func appendSteps(of row: Int32, mask: UInt32, time: Int64, stepZero: Bool) {
        if mask == 0 {
            if stepZero { append(time, 0, row) }
            return
        }
        var bits = mask
        while bits != 0 {
            append(time, UInt8(bits.trailingZeroBitCount + 1), row)
            bits &= bits - 1
        }
    }

    /// The items of several rows at one time: step by step, rows in input order within a step.
    private mutating func appendRun(_ run: Range<Int>, time: Int64, masks: UnsafeBufferPointer<UInt32>, stepZero: Bool) {
        var union: UInt32 = 0
        var hasUnmatched = false
        for index in run {
            let mask = masks[Int(ordered[index].row)]
            union |= mask
            if mask == 0 { hasUnmatched = true }
        }
        if stepZero && hasUnmatched {
            for index in run where masks[Int(ordered[index].row)] == 0 { append(time, 0, ordered[index].row) }
        }
        var bits = union
        while bits != 0 {
            let bit = UInt32(1) << UInt32(bits.trailingZeroBitCount)
            let step = UInt8(bits.trailingZeroBitCount + 1)
            for index in run where masks[Int(ordered[index].row)] & bit != 0 { append(time, step, ordered[index].row) }
            bits &= bits - 1
        }
    }

    @inline(__always)
    private mutating func append(_ time: Int64, _ step: UInt8, _ row: Int32) {
        times.append(time)
        steps.append(step)
        rows.append(row)
    }
}
