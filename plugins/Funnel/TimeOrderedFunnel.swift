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
/// Workers split the users by the low bits of their code, so no state is shared. A chunk of rows
/// is read once: each worker takes a share of its rows and sorts their step rows into per-worker
/// lists (the step masks are computed once per row), then each worker applies its own users' rows.
enum TimeOrderedFunnel {
    /// The most steps this pass takes: a user's slots grow with the square of the steps.
    static let maximumSteps = 6
    /// Rows per chunk (both steps of a chunk run before the next): 256 KiB of masks and 1 MiB of
    /// step row lists, few enough chunks that the two waits per chunk cost little (measured
    /// against 2^14, 2^16 and 2^20 rows: bench/profiles/funnel-rfm.md, wave 4b).
    static let defaultChunkRows = 1 << 18
    /// Step rows whose user state one worker loads ahead of applying them.
    static let blockRows = 4096

    /// The merged tally, or nil when the input does not qualify and the rows must be regrouped by
    /// user: modes or `per_user` given, more than `maximumSteps` steps, a null in the user, time
    /// or step columns, a user column that is not a string column (or whose dictionary is much
    /// larger than the input, as in a small group), times that decrease somewhere, or a user with
    /// a lower step after a higher one at the same time.
    /// - Throws: `PluginError.cancelled`.
    /// - Complexity: O(rows × steps × workers) sequential reads, one random access per step row.
    static func tally(_ input: Table, options: FunnelOptions, workers: Int, chunkRows: Int = defaultChunkRows,
                      allowsNarrowSlots: Bool = true,
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
        let wide = ChainLayout(stepCount: stepCount, within: options.within, scale: scale)
        let firstMicros = first * scale, lastMicros = last * scale
        let span = lastMicros.subtractingReportingOverflow(firstMicros)
        let tallies: [FunnelTally]?
        if allowsNarrowSlots, !span.overflow, span.partialValue / ChainLayout.secondMicros < Int64(Int32.max) {
            // Whole seconds since the first time fit 32-bit slots (if the rows are in order; if not,
            // the pass gives up anyway). A time that is not a whole second sends the pass to 64-bit slots.
            let narrow = ChainLayout(stepCount: stepCount, within: options.within, scale: scale,
                                     unit: ChainLayout.secondMicros, origin: firstMicros)
            switch try pass(Int32.self, layout: narrow) {
            case .tallies(let parts): tallies = parts
            case .declined: tallies = nil
            case .inexact: tallies = try pass(Int64.self, layout: wide).tallies
            }
        } else {
            tallies = try pass(Int64.self, layout: wide).tallies
        }
        guard let tallies else { return nil }
        var total = FunnelTally(stepCount: stepCount)
        for tally in tallies { total.merge(tally) }
        return total

        /// One pass with `Slot`s: the workers' tallies, or why there are none.
        func pass<Slot: FixedWidthInteger & SignedInteger & SendableMetatype>(_: Slot.Type, layout: ChainLayout) throws(PluginError) -> PassResult {
            let outcome = WorkerOutcomes(parts: parts, stepCount: stepCount)
            defer { outcome.deallocate() }
            withStepPointers(stepValues[...], collected: []) { steps in
                switch codes {
                case .u8(let values): scan(values, Slot.self, times: times, steps: steps, layout: layout,
                                           users: dictionary.count, parts: parts, chunkRows: chunkRows, outcome: outcome,
                                           isCancelled: isCancelled)
                case .u16(let values): scan(values, Slot.self, times: times, steps: steps, layout: layout,
                                            users: dictionary.count, parts: parts, chunkRows: chunkRows, outcome: outcome,
                                            isCancelled: isCancelled)
                case .u32(let values): scan(values, Slot.self, times: times, steps: steps, layout: layout,
                                            users: dictionary.count, parts: parts, chunkRows: chunkRows, outcome: outcome,
                                            isCancelled: isCancelled)
                }
            }
            if outcome.cancelled.contains(true) { throw PluginError.cancelled }
            if outcome.unsorted.contains(true) { return .declined }
            if outcome.inexact.contains(true) { return .inexact }
            return .tallies(Array(outcome.tallies))
        }
    }

    /// What one pass leaves: the workers' tallies, a decline (the regrouping path must run), or a
    /// time that 32-bit slots cannot hold exactly.
    private enum PassResult {
        case tallies([FunnelTally]), declined, inexact

        var tallies: [FunnelTally]? {
            if case .tallies(let parts) = self { return parts }
            return nil
        }
    }

    /// Reads the rows a chunk at a time in two steps, each over the cores: `ChunkSorter` splits the
    /// chunk's rows among the workers (order check, step masks, each worker's step rows), then each
    /// worker's `ChunkApplier` applies its users' step rows to its own slots in row order.
    private static func scan<Code: FixedWidthInteger & UnsignedInteger & SendableMetatype,
                             Slot: FixedWidthInteger & SignedInteger & SendableMetatype>(
        _ codes: [Code], _: Slot.Type, times: [Int64], steps: StepPointers, layout: ChainLayout, users: Int, parts: Int,
        chunkRows: Int, outcome: WorkerOutcomes, isCancelled: @escaping @Sendable () -> Bool
    ) {
        codes.withUnsafeBufferPointer { codes in
            times.withUnsafeBufferPointer { times in
                let rowCount = times.count
                let codes = SharedBuffer(codes)
                let times = SharedBuffer(times)
                let slots = (0..<parts).map { ChainSlots<Slot>(users: (users - $0 + parts - 1) / parts, layout: layout) }
                let chunk = ChunkRows(parts: parts, capacity: min(chunkRows, rowCount))
                defer {
                    for part in slots { part.deallocate() }
                    chunk.deallocate()
                }
                var chunkStart = 0
                while chunkStart < rowCount {
                    if isCancelled() {
                        outcome.cancelled[0] = true
                        return
                    }
                    let count = min(chunk.capacity, rowCount - chunkStart)
                    let sorter = ChunkSorter(codes: codes.base, times: times.base, steps: steps, chunk: chunk,
                                             chunkStart: chunkStart, count: count)
                    DispatchQueue.concurrentPerform(iterations: parts) { sorter.run(share: $0) }
                    if chunk.decreases.contains(true) {
                        outcome.unsorted[0] = true
                        return
                    }
                    let start = chunkStart
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let applier = ChunkApplier(codes: codes.base, times: times.base, chunk: chunk,
                                                   chunkStart: start, part: part)
                        switch applier.run(into: slots[part]) {
                        case .applied: break
                        case .unordered: outcome.unsorted[part] = true
                        case .inexact: outcome.inexact[part] = true
                        }
                    }
                    if outcome.unsorted.contains(true) || outcome.inexact.contains(true) { return }
                    chunkStart += count
                }
                for part in 0..<parts { outcome.tallies[part] = slots[part].tally() }
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

/// The step columns' value buffers, readable from every worker while `withStepPointers` runs.
struct StepPointers: @unchecked Sendable {
    let base: [UnsafePointer<Bool>]
    var count: Int { base.count }
    init(_ base: [UnsafePointer<Bool>]) { self.base = base }
}

/// What each worker leaves: its tally, or why it stopped.
private struct WorkerOutcomes: @unchecked Sendable {
    let tallies: UnsafeMutableBufferPointer<FunnelTally>
    let unsorted: UnsafeMutableBufferPointer<Bool>
    let cancelled: UnsafeMutableBufferPointer<Bool>
    /// A time 32-bit slots cannot hold (not a whole second).
    let inexact: UnsafeMutableBufferPointer<Bool>

    init(parts: Int, stepCount: Int) {
        inexact = .allocate(capacity: parts)
        inexact.initialize(repeating: false)
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
        inexact.deallocate()
    }
}
