// Putting chosen positions of an array in sorted place without sorting all of it (multi-quickselect).

/// Multi-position selection: afterwards `buffer[i]` holds the value a full sort would put at `i`,
/// for every requested `i`.
enum OrderStatistics {
    /// Ranges at most this long are insertion-sorted.
    private static let smallRange = 24

    /// Selects positions `targets` (ascending, possibly repeated) in `buffer`.
    ///
    /// Quickselect on every range that still holds a target, with a median-of-three pivot and a
    /// three-way partition (so long runs of equal values, common in frequencies, cost one pass).
    /// A range partitioned too many times is sorted instead, bounding the worst case.
    /// - Complexity: O(n log k) expected for k targets; O(n log n) worst case.
    static func select<Value: Comparable>(_ targets: [Int], in buffer: UnsafeMutableBufferPointer<Value>) {
        guard buffer.count > 1, !targets.isEmpty else { return }
        let depthLimit = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount) + 8
        // Pending work: a half-open range, the slice of `targets` inside it, and its depth.
        var stack: [(low: Int, high: Int, first: Int, end: Int, depth: Int)] = [(0, buffer.count, 0, targets.count, 0)]
        while let (low, high, first, end, depth) = stack.popLast() {
            if first == end { continue }
            if high - low <= smallRange || depth > depthLimit {
                sortRange(buffer, low, high)
                continue
            }
            let pivot = medianOfThree(buffer[low], buffer[(low + high) / 2], buffer[high - 1])
            // Invariant: [low, less) < pivot, [less, scan) == pivot, (greater, high) > pivot.
            var less = low, scan = low, greater = high - 1
            while scan <= greater {
                if buffer[scan] < pivot {
                    buffer.swapAt(less, scan)
                    less += 1
                    scan += 1
                } else if pivot < buffer[scan] {
                    buffer.swapAt(scan, greater)
                    greater -= 1
                } else {
                    scan += 1
                }
            }
            // Targets below `less` go left, those after `greater` right; the ones between are done.
            var split = first
            while split < end && targets[split] < less { split += 1 }
            var rightFirst = split
            while rightFirst < end && targets[rightFirst] <= greater { rightFirst += 1 }
            stack.append((low, less, first, split, depth + 1))
            stack.append((greater + 1, high, rightFirst, end, depth + 1))
        }
    }

    private static func medianOfThree<Value: Comparable>(_ a: Value, _ b: Value, _ c: Value) -> Value {
        if a < b {
            if b < c { return b }
            return a < c ? c : a
        }
        if a < c { return a }
        return b < c ? c : b
    }

    private static func sortRange<Value: Comparable>(_ buffer: UnsafeMutableBufferPointer<Value>, _ low: Int, _ high: Int) {
        if high - low <= smallRange {
            for index in (low + 1)..<max(low + 1, high) {
                let value = buffer[index]
                var position = index
                while position > low && value < buffer[position - 1] {
                    buffer[position] = buffer[position - 1]
                    position -= 1
                }
                buffer[position] = value
            }
        } else {
            var range = UnsafeMutableBufferPointer(rebasing: buffer[low..<high])
            range.sort()
        }
    }
}
