// Numbering the users of an int user column 0, 1, 2, …, so per-user state is an array.
import TallyStore

/// Dense ids for the values of an int column, in order of first appearance.
struct IntegerUserIds: Sendable {
    /// Per input row: the user's dense id, or −1 when the user cell is null.
    var rowUsers: [Int32] = []
    /// Number of distinct users.
    var count = 0

    /// Numbers `values` (nulls per `validity` get −1).
    /// - Complexity: O(rows): an array over the value range when it is compact, a hash map otherwise.
    init(_ values: [Int64], validity: ValidityBitmap?) {
        var low = Int64.max, high = Int64.min
        for row in values.indices where validity?.isValid(row) ?? true {
            low = min(low, values[row])
            high = max(high, values[row])
        }
        rowUsers = [Int32](repeating: -1, count: values.count)
        guard low <= high else { return }
        // A compact range (ids 1…n, say) is numbered through a plain array; anything sparser by hashing.
        let (span, overflow) = high.subtractingReportingOverflow(low)
        if !overflow, span < Int64(max(1 << 16, 4 * values.count)) {
            var idOfOffset = [Int32](repeating: -1, count: Int(span) + 1)
            for row in values.indices where validity?.isValid(row) ?? true {
                let offset = Int(values[row] &- low)
                if idOfOffset[offset] < 0 {
                    idOfOffset[offset] = Int32(truncatingIfNeeded: count)
                    count += 1
                }
                rowUsers[row] = idOfOffset[offset]
            }
        } else {
            var idOfValue: [Int64: Int32] = [:]
            for row in values.indices where validity?.isValid(row) ?? true {
                let next = Int32(truncatingIfNeeded: count)
                let id = idOfValue[values[row], default: next]
                if id == next {
                    idOfValue[values[row]] = id
                    count += 1
                }
                rowUsers[row] = id
            }
        }
    }
}
