// Turns key columns into dense integer ids: the basis of group-by, distinct, dcount and joins.
import TallyStore

/// Rows grouped by key: a dense group id per row, in order of first appearance.
struct Grouping {
    var ids: [Int32]
    var groupCount: Int
    /// The first row of each group, by group id.
    var firstRows: [Int]
}

/// Dense ids for key values. A dictionary-coded string column is mapped by code through an array
/// (no hashing); Int64-backed columns hash the raw value; several keys are combined pairwise.
enum KeyEncoder {
    /// Ids per row in first-seen order; null is a value of its own when `nullsMatch`, else -1.
    static func denseIds(_ column: Column, nullsMatch: Bool = true) -> (ids: [Int32], count: Int) {
        let count = column.count
        var ids = [Int32](repeating: -1, count: count)
        var next: Int32 = 0
        var nullId: Int32 = -1
        @inline(__always) func idForNull() -> Int32 {
            guard nullsMatch else { return -1 }
            if nullId < 0 { nullId = next; next += 1 }
            return nullId
        }
        switch column.storage {
        case .string(let codes, let dictionary):
            // Codes stand for distinct values (`StringDictionaryBuilder` interns), so a code is a key.
            var map = [Int32](repeating: -1, count: dictionary.count)
            if !column.hasNulls {
                func assign<Code: FixedWidthInteger>(_ codes: [Code]) {
                    codes.withUnsafeBufferPointer { codes in
                        map.withUnsafeMutableBufferPointer { map in
                            ids.withUnsafeMutableBufferPointer { ids in
                                for row in 0..<codes.count {
                                    let code = Int(codes[row])
                                    if map[code] < 0 { map[code] = next; next += 1 }
                                    ids[row] = map[code]
                                }
                            }
                        }
                    }
                }
                switch codes {
                case .u8(let c): assign(c)
                case .u16(let c): assign(c)
                case .u32(let c): assign(c)
                }
                return (ids, Int(next))
            }
            for row in 0..<count {
                if column.isNull(row) { ids[row] = idForNull(); continue }
                let code = Int(codes[row])
                if map[code] < 0 { map[code] = next; next += 1 }
                ids[row] = map[code]
            }
        case .int64(let values):
            if let (low, high) = range(values, column), high &- low >= 0, high - low < Int64(max(1 << 16, 2 * count)) {
                // Dense value range (days, hours, small ints): an array indexed by value, no hashing.
                var map = [Int32](repeating: -1, count: Int(high - low) + 1)
                let hasNulls = column.hasNulls
                values.withUnsafeBufferPointer { values in
                    map.withUnsafeMutableBufferPointer { map in
                        for row in 0..<count {
                            if hasNulls, column.isNull(row) { ids[row] = idForNull(); continue }
                            let slot = Int(values[row] &- low)
                            if map[slot] < 0 { map[slot] = next; next += 1 }
                            ids[row] = map[slot]
                        }
                    }
                }
                return (ids, Int(next))
            }
            var map: [Int64: Int32] = [:]
            map.reserveCapacity(min(count, 1 << 16))
            for row in 0..<count {
                if column.isNull(row) { ids[row] = idForNull(); continue }
                if let id = map[values[row]] { ids[row] = id } else { map[values[row]] = next; ids[row] = next; next += 1 }
            }
        case .float(let values):
            var map: [UInt64: Int32] = [:]
            for row in 0..<count {
                if column.isNull(row) { ids[row] = idForNull(); continue }
                let value = values[row]
                let key = value == 0 ? 0 : (value.isNaN ? Double.nan.bitPattern : value.bitPattern)
                if let id = map[key] { ids[row] = id } else { map[key] = next; ids[row] = next; next += 1 }
            }
        case .bool(let values):
            var map: [Int32] = [-1, -1]
            for row in 0..<count {
                if column.isNull(row) { ids[row] = idForNull(); continue }
                let slot = values[row] ? 1 : 0
                if map[slot] < 0 { map[slot] = next; next += 1 }
                ids[row] = map[slot]
            }
        }
        return (ids, Int(next))
    }

    /// Smallest and largest non-null value, or nil when there is none.
    private static func range(_ values: [Int64], _ column: Column) -> (Int64, Int64)? {
        var low = Int64.max, high = Int64.min
        if column.hasNulls {
            for row in 0..<values.count where !column.isNull(row) {
                low = min(low, values[row])
                high = max(high, values[row])
            }
        } else {
            for value in values {
                low = min(low, value)
                high = max(high, value)
            }
        }
        return low <= high ? (low, high) : nil
    }

    /// Groups rows by all `columns` (no columns: one group holding every row, even when empty).
    static func group(_ columns: [Column], rowCount: Int) -> Grouping {
        guard let first = columns.first else {
            return Grouping(ids: [Int32](repeating: 0, count: rowCount), groupCount: 1, firstRows: [0])
        }
        var (ids, count) = denseIds(first)
        for column in columns.dropFirst() {
            let (other, otherCount) = denseIds(column)
            (ids, count) = combine(ids, count, other, otherCount)
        }
        var firstRows = [Int](repeating: -1, count: count)
        for row in 0..<ids.count where firstRows[Int(ids[row])] < 0 { firstRows[Int(ids[row])] = row }
        return Grouping(ids: ids, groupCount: count, firstRows: firstRows)
    }

    /// Pairs of ids as new dense ids in first-seen order; -1 in either stays -1.
    static func combine(_ a: [Int32], _ countA: Int, _ b: [Int32], _ countB: Int) -> ([Int32], Int) {
        var result = [Int32](repeating: -1, count: a.count)
        var next: Int32 = 0
        if countA * countB <= 1 << 22 {
            var map = [Int32](repeating: -1, count: max(1, countA * countB))
            for row in 0..<a.count where a[row] >= 0 && b[row] >= 0 {
                let slot = Int(a[row]) * countB + Int(b[row])
                if map[slot] < 0 { map[slot] = next; next += 1 }
                result[row] = map[slot]
            }
        } else {
            var map: [Int64: Int32] = [:]
            for row in 0..<a.count where a[row] >= 0 && b[row] >= 0 {
                let key = Int64(a[row]) * Int64(countB) + Int64(b[row])
                if let id = map[key] { result[row] = id } else { map[key] = next; result[row] = next; next += 1 }
            }
        }
        return (result, Int(next))
    }

    /// Ids for the left and right key columns of a join in one shared space (null: -1, never equal).
    static func sharedIds(_ left: [Column], _ right: [Column]) -> (left: [Int32], right: [Int32]) {
        var leftIds: [Int32] = [], rightIds: [Int32] = []
        var combinedCount = 0
        for (index, (l, r)) in zip(left, right).enumerated() {
            let both = Column.concatenated([l, r], type: l.type)
            let (ids, count) = denseIds(both, nullsMatch: false)
            let lIds = Array(ids[0..<l.count]), rIds = Array(ids[l.count...])
            if index == 0 {
                leftIds = lIds; rightIds = rIds; combinedCount = count
            } else {
                let (merged, mergedCount) = combine(leftIds + rightIds, combinedCount, lIds + rIds, count)
                leftIds = Array(merged[0..<l.count]); rightIds = Array(merged[l.count...]); combinedCount = mergedCount
            }
        }
        return (leftIds, rightIds)
    }
}
