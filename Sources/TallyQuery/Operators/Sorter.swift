// Orders rows by several keys: stable, nulls last whatever the direction.
import TallyStore

enum Sorter {
    /// Row indices in sorted order.
    /// - Complexity: O(n log n) comparisons of precomputed integer or float keys.
    static func order(_ keys: [Column], descending: [Bool], context: ExecutionContext) throws(Diagnostic) -> [Int] {
        let count = keys.first?.count ?? 0
        let ranks = keys.map(SortKeyRanks.init)
        var indices = Array(0..<count)
        try context.checkCancellation()
        indices.sort { a, b in
            for (k, key) in keys.enumerated() {
                let aNull = key.isNull(a), bNull = key.isNull(b)
                if aNull || bNull {
                    if aNull && bNull { continue }
                    return bNull
                }
                if ranks[k].equal(a, b) { continue }
                return descending[k] ? ranks[k].less(b, a) : ranks[k].less(a, b)
            }
            return a < b
        }
        return indices
    }
}
