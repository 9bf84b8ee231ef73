// Whether a time column is in time order, checked in one tight pass on two cores.
import TallyStore

/// Detects event tables already sorted by time (real logs usually are), so a metric can find the
/// rows of each calendar period by binary search instead of bucketing every row.
public enum TimeOrder {
    /// Whether `values` never decrease from one element to the next (ties allowed).
    ///
    /// - Complexity: O(n), one sequential read split over two cores for large inputs; stops
    ///   early (per block of rows) at the first decrease.
    public static func isNonDecreasing(_ values: [Int64]) -> Bool {
        let count = values.count
        guard count > 1 else { return true }
        let parts = TwoCoreSplit.parts(rows: count)
        var decreases = [Bool](repeating: false, count: parts)
        values.withUnsafeBufferPointer { valueBuffer in
            decreases.withUnsafeMutableBufferPointer { decreaseBuffer in
                let values = SharedBuffer(valueBuffer), found = SharedBuffer(decreaseBuffer)
                TwoCoreSplit.run(parts: parts) { part in
                    // Each part also compares its first element with the one before it.
                    let start = max(1, count * part / parts), end = count * (part + 1) / parts
                    found[part] = hasDecrease(values, start..<end)
                }
            }
        }
        return !decreases.contains(true)
    }

    /// Rows per block: the decrease test of a block has no early exit, so it compiles to a
    /// branch-free loop; blocks stop the scan soon after a decrease.
    private static let blockRows = 1 << 14

    /// Whether some `values[i] < values[i - 1]` for `i` in `rows` (`rows.lowerBound ≥ 1`).
    private static func hasDecrease(_ values: SharedBuffer<Int64>, _ rows: Range<Int>) -> Bool {
        var blockStart = rows.lowerBound
        while blockStart < rows.upperBound {
            let blockEnd = min(blockStart + blockRows, rows.upperBound)
            var decreases: UInt8 = 0
            var previous = values[blockStart - 1]
            for row in blockStart..<blockEnd {
                let value = values[row]
                decreases |= value < previous ? 1 : 0
                previous = value
            }
            if decreases != 0 { return true }
            blockStart = blockEnd
        }
        return false
    }
}
