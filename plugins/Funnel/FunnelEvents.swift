// The input rows a funnel reads, regrouped by user: dense user ids, step masks, and each user's
// rows in one contiguous segment.
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
    /// Entry times in microseconds, grouped by user, input order within a user (one spare slot at
    /// the end, so the buffer is never empty).
    var times: [Int64]
    /// Entry input rows, parallel to `times`.
    var rows: [Int32]
    /// Step bits per input row (bit k−1 = matches step k), plus one spare slot; only read for rows in `rows`.
    var masks: [UInt32]

    /// The entry count (without the spare slot).
    var entryCount: Int { segmentStart[userCount] }

    /// - Complexity: O(rows × steps), no allocation per row.
    init(input: Table, options: FunnelOptions) {
        let rowCount = input.rowCount
        var masks = [UInt32](repeating: 0, count: rowCount + 1)
        // Dense user id per row, -1 while ignored; null rows are marked first.
        var userOfRow = [Int32](repeating: 0, count: rowCount)
        let columns = [input.columns[options.userColumn], input.columns[options.timeColumn]] + options.steps
        for column in columns { Self.markNulls(of: column, in: &userOfRow) }
        for (index, step) in options.steps.enumerated() {
            guard let values = step.boolValues else { preconditionFailure("a step predicate must be a bool column") }
            let bit = UInt32(1) << UInt32(index)
            values.withUnsafeBufferPointer { values in
                masks.withUnsafeMutableBufferPointer { masks in
                    for row in 0..<rowCount where values[row] { masks[row] |= bit }
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

        // Counting sort of the rows that make items, by dense user (stable: input order within a user).
        let keepsUnmatched = options.mode.contains(.strictOrder)
        var segmentStart = [Int](repeating: 0, count: userCount + 1)
        userOfRow.withUnsafeMutableBufferPointer { users in
            masks.withUnsafeBufferPointer { masks in
                for row in 0..<rowCount where users[row] >= 0 {
                    if keepsUnmatched || masks[row] != 0 { segmentStart[Int(users[row]) + 1] += 1 } else { users[row] = -1 }
                }
            }
        }
        for user in 0..<userCount { segmentStart[user + 1] += segmentStart[user] }
        let entryCount = segmentStart[userCount]
        var times = [Int64](repeating: 0, count: entryCount + 1)
        var rows = [Int32](repeating: 0, count: entryCount + 1)
        let timeColumn = input.columns[options.timeColumn]
        let scale: Int64 = timeColumn.type == .date ? 86_400_000_000 : 1
        let timeValues = timeColumn.int64Values ?? []
        var next = segmentStart
        userOfRow.withUnsafeBufferPointer { users in
            timeValues.withUnsafeBufferPointer { timeValues in
                times.withUnsafeMutableBufferPointer { times in
                    rows.withUnsafeMutableBufferPointer { rows in
                        next.withUnsafeMutableBufferPointer { next in
                            for row in 0..<rowCount where users[row] >= 0 {
                                let user = Int(users[row])
                                let slot = next[user]
                                times[slot] = timeValues[row] &* scale
                                rows[slot] = Int32(truncatingIfNeeded: row)
                                next[user] = slot + 1
                            }
                        }
                    }
                }
            }
        }
        self.userCount = userCount
        self.firstRowOfUser = firstRowOfUser
        self.segmentStart = segmentStart
        self.times = times
        self.rows = rows
        self.masks = masks
    }

    /// Runs `body` with the base addresses of `masks`, `times` and `rows` (never empty).
    func withBuffers<R>(_ body: (SharedPointer<UInt32>, SharedPointer<Int64>, SharedPointer<Int32>) -> R) -> R {
        masks.withUnsafeBufferPointer { masks in
            times.withUnsafeBufferPointer { times in
                rows.withUnsafeBufferPointer { rows in
                    body(SharedPointer(masks.baseAddress!), SharedPointer(times.baseAddress!), SharedPointer(rows.baseAddress!))
                }
            }
        }
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

/// A read-only pointer the worker threads share while its owner keeps the memory alive.
struct SharedPointer<Element>: @unchecked Sendable {
    let base: UnsafePointer<Element>
    init(_ base: UnsafePointer<Element>) { self.base = base }
}
