// Turns a user column (dictionary-coded strings or ints) into dense ids 0..<count, one per row.
import TallyStore

/// Dense user ids for the rows of a user column, so per-user state lives in flat arrays.
///
/// String users reuse their dictionary codes when the dictionary is not much larger than the
/// input (a group of a big table keeps the whole table's dictionary); otherwise codes, like
/// int users, are renumbered through an open-addressing table in first-seen order.
struct DenseUserIDs {
    /// Marks a row whose user is null.
    static let nullID = UInt32.max

    /// One id per input row, `nullID` for a null user.
    var ids: [UInt32]
    /// Ids are below this.
    var count: Int

    /// - Complexity: O(rows), no per-row allocation.
    init(_ column: Column) {
        let rows = column.count
        // Flat per-user arrays are fine when they are not much longer than the input.
        let directLimit = 2 * rows + 4096
        switch column.storage {
        case .string(let codes, let dictionary):
            if dictionary.count <= directLimit {
                ids = codes.widened
                count = dictionary.count
            } else {
                var renumbering = Renumbering(expected: rows)
                ids = (0..<rows).map { renumbering.id(of: Int64(codes[$0])) }
                count = renumbering.count
            }
        case .int64(let values):
            var low = Int64.max, high = Int64.min
            for value in values {
                low = min(low, value)
                high = max(high, value)
            }
            let (span, overflow) = high.subtractingReportingOverflow(low)
            if rows > 0, !overflow, span < Int64(directLimit) {
                ids = values.map { UInt32(truncatingIfNeeded: $0 &- low) }
                count = Int(span) + 1
            } else {
                var renumbering = Renumbering(expected: rows)
                ids = values.map { renumbering.id(of: $0) }
                count = renumbering.count
            }
        case .float, .bool:
            preconditionFailure("user columns are string or int (checked by ColumnRole)")
        }
        if let validity = column.validity {
            for row in 0..<rows where !validity.isValid(row) { ids[row] = Self.nullID }
        }
    }
}

/// Gives each distinct `Int64` the next dense id: linear probing over power-of-two slots.
private struct Renumbering {
    private var keys: [Int64]
    private var values: [UInt32]
    private var mask: Int
    private(set) var count = 0

    init(expected: Int) {
        var capacity = 64
        while capacity < expected { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: UInt32.max, count: capacity)
        mask = capacity - 1
    }

    mutating func id(of key: Int64) -> UInt32 {
        var slot = Self.slot(key, mask)
        while values[slot] != UInt32.max {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = UInt32(count)
        count += 1
        if count * 2 > keys.count { grow() }
        return UInt32(count - 1)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: UInt32.max, count: oldKeys.count * 2)
        mask = keys.count - 1
        for index in oldKeys.indices where oldValues[index] != UInt32.max {
            var slot = Self.slot(oldKeys[index], mask)
            while values[slot] != UInt32.max { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }

    /// A multiplicative hash: user ids are often sequential, which would cluster under `& mask`.
    @inline(__always)
    private static func slot(_ key: Int64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
