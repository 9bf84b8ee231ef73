// Facts about the whole input that every group of a `by` call needs: computed once per call.
import Synchronization
import TallyStore

/// Per-call memo of `wholeInput` column extents, shared by the contexts of all groups.
///
/// Under `by`, each group's plugin run wants the same whole-input facts (the latest event ends
/// the data; the first and last day bound a zero-filled series). Scanning the whole column once
/// per group made a grouped call O(groups × rows); the engine hands every group of one call the
/// same memo, so the scan happens once.
public final class WholeInputExtents: Sendable {
    private let extents = Mutex<[String: ClosedRange<Int64>?]>([:])

    public init() {}

    /// Smallest and largest non-null value of the `Int64`-backed column `name` of `table`
    /// (nil when there is no such column or it holds no value), computed on first request.
    func extent(ofColumn name: String, in table: Table) -> ClosedRange<Int64>? {
        if let known = extents.withLock({ $0[name] }) { return known }
        let computed = Self.scan(table.column(named: name))
        extents.withLock { $0[name] = computed }
        return computed
    }

    private static func scan(_ column: Column?) -> ClosedRange<Int64>? {
        guard let column, let values = column.int64Values else { return nil }
        var low = Int64.max, high = Int64.min, found = false
        values.withUnsafeBufferPointer { values in
            for row in values.indices where !column.isNull(row) {
                low = min(low, values[row])
                high = max(high, values[row])
                found = true
            }
        }
        return found ? low...high : nil
    }
}
