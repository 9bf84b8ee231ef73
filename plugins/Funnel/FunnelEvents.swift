// The input rows a funnel reads, regrouped by user: dense user ids, step masks, and each user's
// rows in one contiguous segment.
import TallyStore

/// The funnel's rows grouped by user (a counting sort by dense user id; within a user, input order).
///
/// Rows with a null user or time, or a null on any step predicate, are ignored entirely. Rows
/// matching no step are kept only under `strict_order` (where they are step-0 items); a user
/// with only such rows still exists (level 0).
struct FunnelEvents {
    /// Users with at least one row that is not ignored, by dense id in order of first appearance.
    var userCount: Int
    /// The first input row of each dense user, to write the user's value in the output.
    var firstRowOfUser: [Int32]
    /// `segmentStart[u] ..< segmentStart[u + 1]` are user u's entries in `times` / `rows`.
    var segmentStart: [Int]
    /// Entry times in microseconds, grouped by user, input order within a user.
    var times: [Int64]
    /// Entry input rows, parallel to `times`.
    var rows: [Int32]
    /// Step bits per input row (bit k−1 = matches step k); only read for rows in `rows`.
    var masks: [UInt32]

    /// - Complexity: O(rows × steps), no allocation per row.
    init(input: Table, options: FunnelOptions) {
        let rowCount = input.rowCount
        let keepsUnmatched = options.mode.contains(.strictOrder)
        var masks = [UInt32](repeating: 0, count: rowCount)
        var ignored = Self.nullRows(of: input.columns[options.userColumn], count: rowCount)
        ignored = Self.orNulls(of: input.columns[options.timeColumn], into: ignored, count: rowCount)
        for (index, step) in options.steps.enumerated() {
            ignored = Self.orNulls(of: step, into: ignored, count: rowCount)
            let bit = UInt32(1) << UInt32(index)
            guard let values = step.boolValues else { preconditionFailure("a step predicate must be a bool column") }
            values.withUnsafeBufferPointer { values in
                masks.withUnsafeMutableBufferPointer { masks in
                    for row in 0..<rowCount where values[row] { masks[row] |= bit }
                }
            }
        }

        // Dense user ids in order of first appearance among rows that count.
        var userOfRow = [Int32](repeating: -1, count: rowCount)
        var firstRowOfUser: [Int32] = []
        let userColumn = input.columns[options.userColumn]
        if let codes = userColumn.codes {
            var denseOfCode = [Int32](repeating: -1, count: userColumn.dictionary?.count ?? 0)
            for row in 0..<rowCount where !(ignored?[row] ?? false) {
                let code = Int(codes[row])
                if denseOfCode[code] < 0 {
                    denseOfCode[code] = Int32(firstRowOfUser.count)
                    firstRowOfUser.append(Int32(row))
                }
                userOfRow[row] = denseOfCode[code]
            }
        } else if let values = userColumn.int64Values {
            var denseOfValue: [Int64: Int32] = [:]
            for row in 0..<rowCount where !(ignored?[row] ?? false) {
                if let dense = denseOfValue[values[row]] {
                    userOfRow[row] = dense
                } else {
                    let dense = Int32(firstRowOfUser.count)
                    denseOfValue[values[row]] = dense
                    firstRowOfUser.append(Int32(row))
                    userOfRow[row] = dense
                }
            }
        }
        let userCount = firstRowOfUser.count

        // Counting sort of the rows that make items, by dense user (stable: input order within a user).
        var segmentStart = [Int](repeating: 0, count: userCount + 1)
        for row in 0..<rowCount where userOfRow[row] >= 0 && (keepsUnmatched || masks[row] != 0) {
            segmentStart[Int(userOfRow[row]) + 1] += 1
        }
        for user in 0..<userCount { segmentStart[user + 1] += segmentStart[user] }
        let entryCount = segmentStart[userCount]
        var times = [Int64](repeating: 0, count: entryCount)
        var rows = [Int32](repeating: 0, count: entryCount)
        let timeColumn = input.columns[options.timeColumn]
        let scale: Int64 = timeColumn.type == .date ? 86_400_000_000 : 1
        let timeValues = timeColumn.int64Values ?? []
        var next = segmentStart
        for row in 0..<rowCount where userOfRow[row] >= 0 && (keepsUnmatched || masks[row] != 0) {
            let user = Int(userOfRow[row])
            times[next[user]] = timeValues[row] &* scale
            rows[next[user]] = Int32(row)
            next[user] += 1
        }
        self.userCount = userCount
        self.firstRowOfUser = firstRowOfUser
        self.segmentStart = segmentStart
        self.times = times
        self.rows = rows
        self.masks = masks
    }

    /// Rows where `column` is null, or nil when it has no nulls.
    private static func nullRows(of column: Column, count: Int) -> [Bool]? {
        orNulls(of: column, into: nil, count: count)
    }

    /// `ignored` with the null rows of `column` added (nil stays nil while nothing is null).
    private static func orNulls(of column: Column, into ignored: [Bool]?, count: Int) -> [Bool]? {
        guard let validity = column.validity else { return ignored }
        var result = ignored ?? [Bool](repeating: false, count: count)
        for row in 0..<count where !validity.isValid(row) { result[row] = true }
        return result
    }
}
