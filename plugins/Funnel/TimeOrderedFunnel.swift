// The default-mode funnel in one pass over rows that are already in time order: each user's
// newest chains live in flat per-user slots indexed by the user column's dictionary code, so the
// rows are never regrouped by user (no entry array, no radix sort, no per-user item buffers).
import Dispatch
import TallyPluginAPI
import TallyStore

/// The funnel without modes, computed while reading the rows once in input order.
///
/// Without modes a user's scan keeps only the newest chain of each level, and a level-k chain
/// exists exactly when the user's level is at least k (chains are never dropped), so a user's
/// whole state is its level and, for each level k < n, the k step times of its newest level-k
/// chain. When the input's times never decrease, input order is each user's time order, and the
/// items' (time, step, row) order of `FunnelItems` differs from row order only where one user has
/// a lower step after a higher one at the same time; `ChainSlots.apply` detects that and the pass
/// gives up (as it does when a time decreases), leaving the input to the regrouping path. A user reaching the last step is finished (the scan
/// ends there, as in `FunnelScanner`), and its slots then hold its chain's step-to-step gaps.
///
/// Workers split the users by the low bits of their code; each reads every row and keeps the rows
/// of its users, so no state is shared.
enum TimeOrderedFunnel {
    /// The most steps this pass takes: a user's slots grow with the square of the steps.
    static let maximumSteps = 6
    /// Rows per block: the block's step masks stay in L1.
    fileprivate static let blockRows = 4096

    /// The merged tally, or nil when the input does not qualify and the rows must be regrouped by
    /// user: modes or `per_user` given, more than `maximumSteps` steps, a null in the user, time
    /// or step columns, a user column that is not a string column (or whose dictionary is much
    /// larger than the input, as in a small group), times that decrease somewhere, or a user with
    /// a lower step after a higher one at the same time.
    /// - Throws: `PluginError.cancelled`.
    /// - Complexity: O(rows × steps × workers) sequential reads, one random access per step row.
    static func tally(_ input: Table, options: FunnelOptions, workers: Int,
                      isCancelled: @escaping @Sendable () -> Bool) throws(PluginError) -> FunnelTally? {
        let rowCount = input.rowCount
        let stepCount = options.steps.count
        guard options.mode.isEmpty, !options.perUser, stepCount <= maximumSteps else { return nil }
        let userColumn = input.columns[options.userColumn], timeColumn = input.columns[options.timeColumn]
        guard userColumn.validity == nil, timeColumn.validity == nil, let times = timeColumn.int64Values,
              case .string(let codes, let dictionary) = userColumn.storage,
              dictionary.count <= 2 * rowCount + 65_536 else { return nil }
        var stepValues: [[Bool]] = []
        for step in options.steps {
            guard step.validity == nil, let values = step.boolValues else { return nil }
            stepValues.append(values)
        }
        // Order is checked on the stored values; scaling keeps it when the ends (the least and
        // greatest values of ordered rows) scale without overflow.
        let scale: Int64 = timeColumn.type == .date ? 86_400_000_000 : 1
        guard let first = times.first, let last = times.last, !first.multipliedReportingOverflow(by: scale).overflow,
              !last.multipliedReportingOverflow(by: scale).overflow else { return nil }
        // A power of two, so a user's worker is the low bits of its code.
        var parts = 1
        while parts * 2 <= min(workers, 8) { parts *= 2 }
        let layout = ChainSlots.Layout(stepCount: stepCount, within: options.within, scale: scale)
        let outcome = WorkerOutcomes(parts: parts, stepCount: stepCount)
        defer { outcome.deallocate() }
        withStepPointers(stepValues[...], collected: []) { steps in
            switch codes {
            case .u8(let values): scan(values, times: times, steps: steps, layout: layout, users: dictionary.count,
                                       parts: parts, outcome: outcome, isCancelled: isCancelled)
            case .u16(let values): scan(values, times: times, steps: steps, layout: layout, users: dictionary.count,
                                        parts: parts, outcome: outcome, isCancelled: isCancelled)
            case .u32(let values): scan(values, times: times, steps: steps, layout: layout, users: dictionary.count,
                                        parts: parts, outcome: outcome, isCancelled: isCancelled)
            }
        }
        if outcome.cancelled.contains(true) { throw PluginError.cancelled }
        if outcome.unsorted.contains(true) { return nil }
        var total = FunnelTally(stepCount: stepCount)
        for tally in outcome.tallies { total.merge(tally) }
        return total
    }

    /// Runs one `RowPass` per worker, each over its own users' slots.
    private static func scan<Code: FixedWidthInteger & UnsignedInteger & SendableMetatype>(
        _ codes: [Code], times: [Int64], steps: StepPointers, layout: ChainSlots.Layout, users: Int, parts: Int,
        outcome: WorkerOutcomes, isCancelled: @escaping @Sendable () -> Bool
    ) {
        codes.withUnsafeBufferPointer { codes in
            times.withUnsafeBufferPointer { times in
                let rowCount = times.count
                let codes = SharedPointer(codes.baseAddress ?? UnsafePointer(bitPattern: 8)!)
                let times = SharedPointer(times.baseAddress ?? UnsafePointer(bitPattern: 8)!)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let slots = ChainSlots(users: (users - part + parts - 1) / parts, layout: layout)
                    defer { slots.deallocate() }
                    let pass = RowPass(codes: codes.base, times: times.base, steps: steps, rowCount: rowCount,
                                       part: part, parts: parts)
                    switch pass.run(into: slots, isCancelled: isCancelled) {
                    case .finished: outcome.tallies[part] = slots.tally()
                    case .unsorted: outcome.unsorted[part] = true
                    case .cancelled: outcome.cancelled[part] = true
                    }
                }
            }
        }
    }

    /// Runs `body` with the base addresses of every step column, each pinned by its own
    /// `withUnsafeBufferPointer` for the whole call.
    private static func withStepPointers(_ columns: ArraySlice<[Bool]>, collected: [UnsafePointer<Bool>],
                                         _ body: (StepPointers) -> Void) {
        guard let first = columns.first else { return body(StepPointers(collected)) }
        first.withUnsafeBufferPointer { values in
            withStepPointers(columns.dropFirst(), collected: collected + [values.baseAddress ?? UnsafePointer(bitPattern: 8)!],
                             body)
        }
    }
}

/// One worker's read of every row, a block at a time: the block's step masks (zero for rows of
/// other workers' users), the positions of its step rows, then their items in row order.
private struct RowPass<Code: FixedWidthInteger & UnsignedInteger> {
    enum Outcome { case finished, unsorted, cancelled }

    let codes: UnsafePointer<Code>
    let times: UnsafePointer<Int64>
    let steps: StepPointers
    let rowCount: Int
    let part: Int
    let parts: Int

    func run(into slots: ChainSlots, isCancelled: () -> Bool) -> Outcome {
        let scale = slots.layout.scale
        let blockRows = TimeOrderedFunnel.blockRows
        let masks = UnsafeMutablePointer<UInt8>.allocate(capacity: blockRows)
        let stepRows = UnsafeMutablePointer<Int32>.allocate(capacity: blockRows)
        defer {
            masks.deallocate()
            stepRows.deallocate()
        }
        let partMask = parts - 1
        let shift = parts.trailingZeroBitCount
        var previousTime = Int64.min
        var blockStart = 0
        var blocks = 0
        while blockStart < rowCount {
            if blocks & 63 == 0 && isCancelled() { return .cancelled }
            blocks += 1
            let count = min(blockRows, rowCount - blockStart)
            let time = times + blockStart
            let code = codes + blockStart
            // Branch-free loops: order check, step masks, this worker's rows, step row positions.
            var decreases: UInt8 = 0
            var previous = previousTime
            for index in 0..<count {
                let value = time[index]
                decreases |= unsafeBitCast(value < previous, to: UInt8.self)
                previous = value
            }
            previousTime = previous
            if decreases != 0 { return .unsorted }
            for index in 0..<count { masks[index] = 0 }
            for step in 0..<steps.count {
                let values = UnsafeRawPointer(steps.base[step] + blockStart).assumingMemoryBound(to: UInt8.self)
                for index in 0..<count { masks[index] |= values[index] << UInt8(step) }
            }
            if parts > 1 {
                for index in 0..<count { masks[index] &= Int(code[index]) & partMask == part ? 0xFF : 0 }
            }
            var stepRowCount = 0
            for index in 0..<count {
                stepRows[stepRowCount] = Int32(truncatingIfNeeded: index)
                stepRowCount += masks[index] != 0 ? 1 : 0
            }
            // Loads the step rows' user state ahead of the branchy updates below, which would
            // otherwise wait for one cache miss at a time.
            var touched = 0
            for position in 0..<stepRowCount {
                touched &+= slots.touch(user: Int(code[Int(stepRows[position])]) >> shift)
            }
            slots.keep(touched)
            for position in 0..<stepRowCount {
                let index = Int(stepRows[position])
                var bits = masks[index]
                let user = Int(code[index]) >> shift
                let scaled = time[index] &* scale
                repeat {
                    // A lower step after a higher one at the same time: only the regrouping path orders that.
                    guard slots.apply(step: bits.trailingZeroBitCount + 1, time: scaled, user: user) else { return .unsorted }
                    bits &= bits - 1
                } while bits != 0
            }
            blockStart += count
        }
        return .finished
    }
}

/// The step columns' value buffers, readable from every worker while `withStepPointers` runs.
private struct StepPointers: @unchecked Sendable {
    let base: [UnsafePointer<Bool>]
    var count: Int { base.count }
    init(_ base: [UnsafePointer<Bool>]) { self.base = base }
}

/// What each worker leaves: its tally, or why it stopped.
private struct WorkerOutcomes: @unchecked Sendable {
    let tallies: UnsafeMutableBufferPointer<FunnelTally>
    let unsorted: UnsafeMutableBufferPointer<Bool>
    let cancelled: UnsafeMutableBufferPointer<Bool>

    init(parts: Int, stepCount: Int) {
        tallies = .allocate(capacity: parts)
        tallies.initialize(repeating: FunnelTally(stepCount: stepCount))
        unsorted = .allocate(capacity: parts)
        unsorted.initialize(repeating: false)
        cancelled = .allocate(capacity: parts)
        cancelled.initialize(repeating: false)
    }

    func deallocate() {
        tallies.deinitialize().deallocate()
        unsorted.deallocate()
        cancelled.deallocate()
    }
}
