// Turns a user column into dense ids 0..<count, so per-user state lives in plain arrays.
import TallyStore

/// A dense id per row of a user column (`-1` for a null user) and the number of ids.
///
/// String columns use their dictionary codes as they are (already dense), unless the dictionary
/// is much larger than the column — a group of a `by` shares the whole column's dictionary — and
/// then the codes present are numbered in first-seen order, so per-user state stays proportional
/// to the group. Integer columns are shifted by their minimum when the values span a small range,
/// and numbered in first-seen order through a hash table otherwise.
struct DenseUserIDs {
    /// One per input row; `-1` where the user is null.
    let ids: [Int32]
    /// Ids are in 0..<count (some may be unused).
    let count: Int

    /// - Complexity: O(rows); O(1) per row apart from the hash table of scattered integer ids.
    init(_ column: Column) {
        var ids: [Int32]
        switch column.storage {
        case .string(let codes, let dictionary):
            // One loop per code width keeps the per-row work a plain load.
            switch codes {
            case .u8(let values): ids = values.map { Int32($0) }
            case .u16(let values): ids = values.map { Int32($0) }
            case .u32(let values): ids = values.map { Int32(truncatingIfNeeded: $0) }
            }
            if dictionary.count > max(1 << 16, 4 * ids.count) {
                count = Self.renumber(&ids)
            } else {
                count = dictionary.count
            }
        case .int64(let values):
            ids = [Int32](repeating: 0, count: values.count)
            count = Self.numberIntegers(values, column: column, into: &ids)
        case .float, .bool:
            // ColumnRole only accepts string and int user columns.
            preconditionFailure("user column of type \(column.type)")
        }
        if let validity = column.validity?.words {
            for row in ids.indices where validity[row >> 6] & (1 << UInt64(row & 63)) == 0 { ids[row] = -1 }
        }
        self.ids = ids
    }

    /// Replaces sparse codes by dense ids in first-seen order; returns how many ids were used.
    private static func renumber(_ ids: inout [Int32]) -> Int {
        var numbering: [Int32: Int32] = [:]
        for row in ids.indices {
            if let id = numbering[ids[row]] {
                ids[row] = id
            } else {
                let id = Int32(numbering.count)
                numbering[ids[row]] = id
                ids[row] = id
            }
        }
        return numbering.count
    }

    /// Numbers integer user values densely (null rows get an arbitrary id, overwritten by the
    /// caller); returns how many ids were used.
    private static func numberIntegers(_ values: [Int64], column: Column, into ids: inout [Int32]) -> Int {
        var low = Int64.max, high = Int64.min
        for row in values.indices where !column.isNull(row) {
            low = min(low, values[row])
            high = max(high, values[row])
        }
        guard low <= high else { return 0 }
        // A compact range (the usual 1…n ids) needs no hashing: the id is the offset.
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow && span < Int64(max(1 << 20, 2 * values.count)) {
            for row in values.indices where !column.isNull(row) { ids[row] = Int32(values[row] - low) }
            return Int(span) + 1
        }
        var numbering: [Int64: Int32] = [:]
        for row in values.indices where !column.isNull(row) {
            if let id = numbering[values[row]] {
                ids[row] = id
            } else {
                let id = Int32(numbering.count)
                numbering[values[row]] = id
                ids[row] = id
            }
        }
        return numbering.count
    }
}
