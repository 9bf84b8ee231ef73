// Numbering the users of a column 0, 1, 2, … in order of first appearance, so per-user state is an array.
import TallyStore

/// Each row's dense user id (−1 for a null user) and each user's first row.
struct DenseUsers: Sendable {
    /// Per input row: the user's dense id, or −1 when the user cell is null.
    var rowUsers: [Int32]
    /// Per dense id: the first input row of that user (to copy the user value into the output).
    var firstRows: [Int]

    var count: Int { firstRows.count }

    /// Numbers the users of `column` (a string or int column).
    /// - Complexity: O(rows); string columns use their dictionary codes, int columns an array
    ///   over the value range when it is compact and a hash map otherwise.
    init(_ column: Column) {
        rowUsers = []
        firstRows = []
        let rows = column.count
        rowUsers.reserveCapacity(rows)
        if let codes = column.codes, let dictionary = column.dictionary {
            var idOfCode = [Int32](repeating: -1, count: dictionary.count)
            for row in 0..<rows {
                if column.isNull(row) { rowUsers.append(-1); continue }
                let code = Int(codes[row])
                var id = idOfCode[code]
                if id < 0 {
                    id = Int32(firstRows.count)
                    idOfCode[code] = id
                    firstRows.append(row)
                }
                rowUsers.append(id)
            }
        } else if let values = column.int64Values {
            numberIntegers(values, column: column)
        }
    }

    private mutating func numberIntegers(_ values: [Int64], column: Column) {
        var low = Int64.max, high = Int64.min
        for row in values.indices where !column.isNull(row) {
            low = min(low, values[row])
            high = max(high, values[row])
        }
        guard low <= high else {
            rowUsers = [Int32](repeating: -1, count: values.count)
            return
        }
        // A compact range (ids 1…n, say) is numbered through a plain array; anything sparser by hashing.
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow, span < Int64(max(1 << 16, 4 * values.count)) {
            var idOfOffset = [Int32](repeating: -1, count: Int(span) + 1)
            for row in values.indices {
                if column.isNull(row) { rowUsers.append(-1); continue }
                let offset = Int(values[row] &- low)
                var id = idOfOffset[offset]
                if id < 0 {
                    id = Int32(firstRows.count)
                    idOfOffset[offset] = id
                    firstRows.append(row)
                }
                rowUsers.append(id)
            }
        } else {
            var idOfValue: [Int64: Int32] = [:]
            for row in values.indices {
                if column.isNull(row) { rowUsers.append(-1); continue }
                let next = Int32(firstRows.count)
                let id = idOfValue[values[row], default: next]
                if id == next {
                    idOfValue[values[row]] = id
                    firstRows.append(row)
                }
                rowUsers.append(id)
            }
        }
    }
}
