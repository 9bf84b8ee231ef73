// Orders rows by several keys: stable, nulls last whatever the direction.
import TallyStore

enum Sorter {
    /// Row indices in sorted order.
    ///
    /// Every key is first turned into one `UInt64` per row whose unsigned order is the wanted
    /// order (direction included; strings by rank), so comparing rows compares integers. A null
    /// becomes `UInt64.max`; only on that value do the null flags need a look.
    /// - Complexity: O(n log n) integer comparisons.
    static func order(_ keys: [Column], descending: [Bool], limit: Int? = nil,
                      context: ExecutionContext) throws(Diagnostic) -> [Int] {
        let count = keys.first?.count ?? 0
        let normalized = zip(keys, descending).map { normalize($0, descending: $1) }
        try context.checkCancellation()
        if let limit, limit < count / 8 {
            return topRows(limit, count: count, keys: keys, normalized: normalized)
        }
        var indices = Array(0..<count)
        if normalized.count == 1 {
            let key = normalized[0], column = keys[0]
            key.withUnsafeBufferPointer { key in
                indices.sort { a, b in
                    let ka = key[a], kb = key[b]
                    if ka != kb { return ka < kb }
                    if ka == .max, column.hasNulls {
                        let aNull = column.isNull(a), bNull = column.isNull(b)
                        if aNull != bNull { return bNull }
                    }
                    return a < b
                }
            }
            return indices
        }
        indices.sort { a, b in
            for (k, key) in normalized.enumerated() {
                let ka = key[a], kb = key[b]
                if ka != kb { return ka < kb }
                if ka == .max, keys[k].hasNulls {
                    let aNull = keys[k].isNull(a), bNull = keys[k].isNull(b)
                    if aNull != bNull { return bNull }
                }
            }
            return a < b
        }
        return indices
    }

    /// True when row `a` sorts before row `b` (ties by row number, so the order is stable).
    @inline(__always)
    private static func precedes(_ a: Int, _ b: Int, _ keys: [Column], _ normalized: [[UInt64]]) -> Bool {
        for (k, key) in normalized.enumerated() {
            let ka = key[a], kb = key[b]
            if ka != kb { return ka < kb }
            if ka == .max, keys[k].hasNulls {
                let aNull = keys[k].isNull(a), bNull = keys[k].isNull(b)
                if aNull != bNull { return bNull }
            }
        }
        return a < b
    }

    /// The first `limit` rows in order, kept in a max-heap of size `limit`: O(n log limit), for
    /// `sort … | take N` and `top N by`.
    private static func topRows(_ limit: Int, count: Int, keys: [Column], normalized: [[UInt64]]) -> [Int] {
        guard limit > 0 else { return [] }
        var heap: [Int] = []
        heap.reserveCapacity(limit)
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var largest = parent
                if left < heap.count, precedes(heap[largest], heap[left], keys, normalized) { largest = left }
                if right < heap.count, precedes(heap[largest], heap[right], keys, normalized) { largest = right }
                if largest == parent { return }
                heap.swapAt(parent, largest)
                parent = largest
            }
        }
        for row in 0..<count {
            if heap.count < limit {
                heap.append(row)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard precedes(heap[parent], heap[child], keys, normalized) else { break }
                    heap.swapAt(parent, child)
                    child = parent
                }
            } else if precedes(row, heap[0], keys, normalized) {
                heap[0] = row
                siftDown(0)
            }
        }
        return heap.sorted { precedes($0, $1, keys, normalized) }
    }

    /// Order-preserving unsigned keys (inverted for descending); nulls are `UInt64.max`.
    static func normalize(_ column: Column, descending: Bool) -> [UInt64] {
        let count = column.count
        var keys = [UInt64](repeating: 0, count: count)
        let signBit: UInt64 = 1 << 63
        switch column.storage {
        case .int64(let values):
            for row in 0..<count { keys[row] = UInt64(bitPattern: values[row]) ^ signBit }
        case .float(let values):
            for row in 0..<count {
                let bits = (values[row] == 0 ? 0.0 : values[row]).bitPattern
                keys[row] = bits & signBit != 0 ? ~bits : bits | signBit
            }
        case .bool(let values):
            for row in 0..<count { keys[row] = values[row] ? 1 : 0 }
        case .string(let codes, let dictionary):
            let strings = dictionary.strings
            let order = strings.indices.sorted { strings[$0] < strings[$1] }
            var rank = [UInt64](repeating: 0, count: strings.count)
            var current: UInt64 = 0
            for (position, code) in order.enumerated() {
                if position > 0, strings[order[position - 1]] != strings[code] { current += 1 }
                rank[code] = current
            }
            for row in 0..<count where !rank.isEmpty { keys[row] = rank[Int(codes[row])] }
        }
        if descending { for row in 0..<count { keys[row] = ~keys[row] } }
        if column.hasNulls { for row in 0..<count where column.isNull(row) { keys[row] = .max } }
        return keys
    }
}
