// Equi-join by hashing the right side's keys into buckets, then probing with the left rows.
import TallyStore

enum HashJoin {
    /// Matching row pairs in left order (then right order); for a left join an unmatched left
    /// row pairs with -1. Null keys never match.
    static func match(_ kind: JoinKind, _ left: Table, _ right: Table, leftKeys: [Int], rightKeys: [Int],
                      context: ExecutionContext) throws(Diagnostic) -> ([Int], [Int]) {
        let (leftIds, rightIds) = KeyEncoder.sharedIds(leftKeys.map { left.columns[$0] }, rightKeys.map { right.columns[$0] })
        let idCount = Int((leftIds.max() ?? -1) > (rightIds.max() ?? -1) ? leftIds.max()! : (rightIds.max() ?? -1)) + 1
        // Buckets as linked lists in two arrays: head per id, next per right row (kept in row order).
        var head = [Int](repeating: -1, count: idCount)
        var next = [Int](repeating: -1, count: rightIds.count)
        for row in stride(from: rightIds.count - 1, through: 0, by: -1) where rightIds[row] >= 0 {
            next[row] = head[Int(rightIds[row])]
            head[Int(rightIds[row])] = row
        }
        var leftRows: [Int] = [], rightRows: [Int] = []
        leftRows.reserveCapacity(left.rowCount)
        rightRows.reserveCapacity(left.rowCount)
        for row in 0..<leftIds.count {
            if row % ExecutionContext.chunkSize == 0 { try context.checkCancellation() }
            var match = leftIds[row] >= 0 ? head[Int(leftIds[row])] : -1
            if match < 0 {
                if kind == .left { leftRows.append(row); rightRows.append(-1) }
                continue
            }
            while match >= 0 {
                leftRows.append(row)
                rightRows.append(match)
                match = next[match]
                // One left row can match millions (a join on a skewed key), so the output
                // size, not the input row, also paces the cancellation checks.
                if leftRows.count % ExecutionContext.chunkSize == 0 { try context.checkCancellation() }
            }
        }
        return (leftRows, rightRows)
    }
}
