// The funnel as a pure function Table -> Table: group rows by user, scan each user's items on
// worker threads, merge the tallies, build the output.
import Dispatch
import Foundation
import TallyPluginAPI
import TallyStore

/// Computes `funnel` over a table (DESIGN §7 "Funnel").
public enum FunnelComputation {
    /// The output columns: per step, or per user when `perUser`.
    public static func outputFields(options: FunnelOptions, input: [Field]) -> [Field] {
        outputFields(perUser: options.perUser, userType: input[options.userColumn].type)
    }

    /// The output columns: per step, or `user` (of `userType`) and `level` when `perUser`.
    public static func outputFields(perUser: Bool, userType: DataType) -> [Field] {
        if perUser {
            return [Field(name: "user", type: userType), Field(name: "level", type: .int)]
        }
        return [
            Field(name: "step", type: .int), Field(name: "name", type: .string), Field(name: "users", type: .int),
            Field(name: "conversion_from_previous", type: .float), Field(name: "conversion_from_first", type: .float),
            Field(name: "drop_off", type: .int), Field(name: "median_time_from_previous", type: .duration),
            Field(name: "mean_time_from_previous", type: .duration),
        ]
    }

    /// Runs the funnel.
    /// - Parameters:
    ///   - isCancelled: polled every few thousand users (every 256k rows in the one-pass path).
    ///   - workers: threads to scan users on (nil: one per core, one for small inputs).
    /// - Throws: `PluginError.cancelled`.
    /// - Complexity: without modes on time-ordered rows (`TimeOrderedFunnel`): O(rows × steps)
    ///   per worker, one pass. Otherwise O(rows × steps) to group rows, plus the scan: O(items) per
    ///   user without `strict_once` (O(items × chains) with it). Then O(users) for the medians.
    public static func run(_ input: Table, options: FunnelOptions, workers: Int? = nil,
                           isCancelled: @escaping @Sendable () -> Bool = { false }) throws(PluginError) -> Table {
        try run(input, options: options, workers: workers, allowsTimeOrderedPass: true, isCancelled: isCancelled)
    }

    /// `run`, with the one-pass `TimeOrderedFunnel` allowed or not (tests compare the two paths).
    static func run(_ input: Table, options: FunnelOptions, workers: Int?, allowsTimeOrderedPass: Bool,
                    isCancelled: @escaping @Sendable () -> Bool = { false }) throws(PluginError) -> Table {
        let fields = outputFields(options: options, input: input.fields)
        if input.rowCount == 0 { return Table.empty(fields) }
        let cores = workers ?? (input.rowCount < 200_000 ? 1 : System.coreCount)
        if allowsTimeOrderedPass,
           let tally = try TimeOrderedFunnel.tally(input, options: options, workers: cores, isCancelled: isCancelled) {
            return FunnelStepTable.build(tally, labels: options.labels)
        }
        let events = FunnelEvents(input: input, options: options, parts: cores)
        let stepCount = options.steps.count
        let workerCount = max(1, min(cores, events.userCount))
        let ranges = userRanges(events, parts: workerCount)

        let shared = WorkerSlots(users: options.perUser ? events.userCount : 0, workers: ranges.count, stepCount: stepCount)
        defer { shared.deallocate() }
        let stepZero = options.mode.contains(.strictOrder)
        events.withEntries { entries in
            DispatchQueue.concurrentPerform(iterations: ranges.count) { part in
                var scanner = FunnelScanner(stepCount: stepCount, within: options.within, mode: options.mode)
                let items = FunnelItems()
                var tally = FunnelTally(stepCount: stepCount)
                for user in ranges[part] {
                    if user & 4095 == 0 && isCancelled() {
                        shared.cancelled[part] = true
                        return
                    }
                    let first = events.segmentStart[user]
                    items.build(entries.base + first,
                                count: events.segmentStart[user + 1] - first, stepZero: stepZero, stepCount: stepCount)
                    scanner.scan(items)
                    tally.add(level: scanner.level, times: scanner.measuredTimes)
                    if options.perUser { shared.levels[user] = UInt8(scanner.level) }
                }
                shared.tallies[part] = tally
            }
        }
        if shared.cancelled.contains(true) { throw PluginError.cancelled }

        if options.perUser { return perUserTable(input, options: options, events: events, levels: shared.levels) }
        var total = FunnelTally(stepCount: stepCount)
        for tally in shared.tallies { total.merge(tally) }
        return FunnelStepTable.build(total, labels: options.labels)
    }

    /// Contiguous user ranges with about equal numbers of entries.
    private static func userRanges(_ events: FunnelEvents, parts: Int) -> [Range<Int>] {
        let total = events.entryCount
        var ranges: [Range<Int>] = []
        var start = 0
        for part in 1...parts {
            var end = start
            let target = total * part / parts
            while end < events.userCount && (part == parts || events.segmentStart[end] < target) { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }

    /// One row per user (first appearance order): the user's value and level.
    private static func perUserTable(_ input: Table, options: FunnelOptions, events: FunnelEvents,
                                     levels: UnsafeMutableBufferPointer<UInt8>) -> Table {
        let userColumn = input.columns[options.userColumn]
        let users: Column
        if let codes = userColumn.codes, let dictionary = userColumn.dictionary {
            var builder = ColumnBuilder(type: .string, capacity: events.userCount)
            for row in events.firstRowOfUser { builder.append(string: dictionary.string(at: Int(codes[Int(row)]))) }
            users = builder.finish()
        } else {
            let values = userColumn.int64Values ?? []
            users = Column.int(events.firstRowOfUser.map { values[Int($0)] })
        }
        // Names are distinct and lengths equal, so this cannot fail.
        return try! Table([("user", users), ("level", Column.int(levels.map { Int64($0) }))])
    }
}

/// Buffers the worker threads write, each thread to its own slots (its users, its part index).
private struct WorkerSlots: @unchecked Sendable {
    let levels: UnsafeMutableBufferPointer<UInt8>
    let tallies: UnsafeMutableBufferPointer<FunnelTally>
    let cancelled: UnsafeMutableBufferPointer<Bool>

    init(users: Int, workers: Int, stepCount: Int) {
        levels = .allocate(capacity: users)
        levels.initialize(repeating: 0)
        tallies = .allocate(capacity: workers)
        tallies.initialize(repeating: FunnelTally(stepCount: stepCount))
        cancelled = .allocate(capacity: workers)
        cancelled.initialize(repeating: false)
    }

    func deallocate() {
        levels.deallocate()
        tallies.deinitialize().deallocate()
        cancelled.deallocate()
    }
}

/// Facts about the machine the scan runs on.
enum System {
    /// Online cores (at least 1).
    static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
