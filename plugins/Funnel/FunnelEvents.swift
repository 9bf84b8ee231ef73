// The input rows a funnel reads, regrouped by user: dense user ids, step masks, and each user's
// rows in one contiguous segment.
import Dispatch
import TallyPluginAPI
import TallyStore

/// The funnel's rows grouped by user (a counting sort by dense user id; within a user, input order).
///
/// Rows with a null user or time, or a null on any step predicate, are ignored entirely. Rows
/// matching no step are kept only under `strict_order` (where they are step-0 items); a user
/// with only such rows still exists (level 0).
struct FunnelEvents: Sendable {
    /// Users with at least one row that is not ignored, by dense id in order of first appearance.
    var userCount: Int
    /// The first input row of each dense user, to write the user's value in the output.
    var firstRowOfUser: [Int32]
    /// `segmentStart[u] ..< segmentStart[u + 1]` are user u's entries in `times` / `rows`.
    var segmentStart: [Int]
    /// The rows that make items, grouped by user, input order within a user (one spare entry at
    /// the end, so the buffer is never empty).
    var entries: [FunnelEntry]

    /// The entry count (without the spare slot).
    var entryCount: Int { segmentStart[userCount] }

    /// - Complexity: O(rows × steps), no allocation per row.
    /// - Parameter parts: threads to split the row passes over.
    init(input: Table, options: FunnelOptions, parts requested: Int = 1) {
        let rowCount = input.rowCount
        let parts = max(1, min(requested, rowCount / 65_536))
        var masks = [UInt32](repeating: 0, count: rowCount + 1)
        // Dense user id per row, -1 while ignored; null rows are marked first.
        var userOfRow = [Int32](repeating: 0, count: rowCount)
        let columns = [input.columns[options.userColumn], input.columns[options.timeColumn]] + options.steps
        for column in columns { Self.markNulls(of: column, in: &userOfRow) }
        let slices = (0..<parts).map { part in (rowCount * part / parts)..<(rowCount * (part + 1) / parts) }
        masks.withUnsafeMutableBufferPointer { masks in
            let target = SharedBuffer(masks)
            for (index, step) in options.steps.enumerated() {
                guard let values = step.boolValues else { preconditionFailure("a step predicate must be a bool column") }
                let shift = UInt32(index)
                values.withUnsafeBufferPointer { values in
                    let source = SharedBuffer(values)
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        // Branchless: predicates are often half true, half false.
                        for row in slices[part] {
                            target.base[row] |= UInt32(unsafeBitCast(source.base[row], to: UInt8.self)) << shift
                        }
                    }
                }
            }
        }

        // Dense user ids in order of first appearance among rows that count.
        var firstRowOfUser: [Int32] = []
        let userColumn = input.columns[options.userColumn]
        switch userColumn.storage {
        case .string(let codes, let dictionary):
            switch codes {
            case .u8(let values): Self.assignDense(values, distinct: dictionary.count, &userOfRow, &firstRowOfUser)
            case .u16(let values): Self.assignDense(values, distinct: dictionary.count, &userOfRow, &firstRowOfUser)
            case .u32(let values): Self.assignDense(values, distinct: dictionary.count, &userOfRow, &firstRowOfUser)
            }
        case .int64(let values):
            var denseOfValue: [Int64: Int32] = [:]
            for row in 0..<rowCount where userOfRow[row] >= 0 {
                if let dense = denseOfValue[values[row]] {
                    userOfRow[row] = dense
                } else {
                    let dense = Int32(firstRowOfUser.count)
                    denseOfValue[values[row]] = dense
                    firstRowOfUser.append(Int32(row))
                    userOfRow[row] = dense
                }
            }
        default:
            preconditionFailure("the user column is string or int")
        }
        let userCount = firstRowOfUser.count

        let keepsUnmatched = options.mode.contains(.strictOrder)
        let timeColumn = input.columns[options.timeColumn]
        let scale: Int64 = timeColumn.type == .date ? 86_400_000_000 : 1
        let timeValues = timeColumn.int64Values ?? []
        // The rows that make items, in input order (each part counts its kept rows, then writes
        // them at its offset), then grouped by user with a stable radix sort.
        var keptBefore = [Int](repeating: 0, count: parts + 1)
        var entries: [FunnelEntry] = []
        userOfRow.withUnsafeBufferPointer { users in
            masks.withUnsafeBufferPointer { masks in
                timeValues.withUnsafeBufferPointer { times in
                    let users = SharedBuffer(users)
                    let masks = SharedBuffer(masks)
                    let times = SharedBuffer(times)
                    keptBefore.withUnsafeMutableBufferPointer { kept in
                        let kept = SharedBuffer(kept)
                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                            var count = 0
                            for row in slices[part] where users.base[row] >= 0 && (keepsUnmatched || masks.base[row] != 0) {
                                count += 1
                            }
                            kept.base[part + 1] = count
                        }
                    }
                    for part in 0..<parts { keptBefore[part + 1] += keptBefore[part] }
                    let offsets = keptBefore
                    entries = [FunnelEntry](unsafeUninitializedCapacity: offsets[parts] + 1) { buffer, initialized in
                        let target = SharedBuffer(buffer)
                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                            var slot = offsets[part]
                            for row in slices[part] where users.base[row] >= 0 && (keepsUnmatched || masks.base[row] != 0) {
                                target.base[slot] = FunnelEntry(time: times.base[row] &* scale, mask: masks.base[row], user: users.base[row])
                                slot += 1
                            }
                        }
                        initialized = offsets[parts]
                    }
                }
            }
        }
        UserRadixSort.sort(&entries, userCount: userCount, parts: parts)
        // Segments from the sorted users: a sequential pass.
        var segmentStart = [Int](repeating: 0, count: userCount + 1)
        for entry in entries { segmentStart[Int(entry.user) + 1] += 1 }
        for user in 0..<userCount { segmentStart[user + 1] += segmentStart[user] }
        // A spare entry so the buffer is never empty.
        entries.append(FunnelEntry(time: 0, mask: 0, user: 0))
        self.userCount = userCount
        self.firstRowOfUser = firstRowOfUser
        self.segmentStart = segmentStart
        self.entries = entries
    }

    /// Runs `body` with the base address of `entries` (never empty).
    func withEntries<R>(_ body: (SharedBuffer<FunnelEntry>) -> R) -> R {
        entries.withUnsafeBufferPointer { entries in body(SharedBuffer(entries)) }
    }

    /// Sets -1 in `userOfRow` where `column` is null.
    private static func markNulls(of column: Column, in userOfRow: inout [Int32]) {
        guard let validity = column.validity else { return }
        for row in userOfRow.indices where !validity.isValid(row) { userOfRow[row] = -1 }
    }

    /// Dense ids from dictionary codes: first appearance order over rows not marked -1.
    private static func assignDense<Code: FixedWidthInteger>(_ codes: [Code], distinct: Int, _ userOfRow: inout [Int32],
                                                             _ firstRowOfUser: inout [Int32]) {
        var denseOfCode = [Int32](repeating: -1, count: distinct)
        codes.withUnsafeBufferPointer { codes in
            userOfRow.withUnsafeMutableBufferPointer { users in
                for row in 0..<users.count where users[row] >= 0 {
                    let code = Int(codes[row])
                    var dense = denseOfCode[code]
                    if dense < 0 {
                        dense = Int32(firstRowOfUser.count)
                        denseOfCode[code] = dense
                        firstRowOfUser.append(Int32(truncatingIfNeeded: row))
                    }
                    users[row] = dense
                }
            }
        }
    }
}

/// A row that makes items: its time (µs), step bits (bit k−1 = matches step k) and dense user.
/// Its input row is not needed: within a user, entries stay in input order.
struct FunnelEntry: Sendable {
    var time: Int64
    var mask: UInt32
    var user: Int32
}
