// `summarize count() by c` on a dictionary-coded string column: a histogram of the codes.
import Dispatch
import TallyStore

/// Row counts per value of one string column, groups in order of first appearance (null is a group
/// of its own), as `KeyEncoder.group` + `Aggregator` give them, but without a group id per row.
struct CountsByCode {
    /// The first row of each group, groups in order of first appearance.
    var firstRows: [Int]
    /// Rows per group, in the same order.
    var counts: [Int64]

    /// Rows per worker part.
    static let defaultPartSize = 1 << 20

    /// - Complexity: O(rows), reading each code once (two workers for large columns), then a scan
    ///   from the top that stops once every present value has been seen.
    /// - Parameter partSize: rows per parallel part (tests make it small to cross part boundaries).
    init(_ column: Column, partSize: Int = defaultPartSize) {
        guard case .string(let codes, let dictionary) = column.storage else { preconditionFailure("not a string column") }
        let slots = dictionary.count + 1
        let nullSlot = dictionary.count
        var histogram: [Int]
        switch codes {
        case .u8(let values): histogram = Self.histogram(values, slots: slots, partSize: partSize)
        case .u16(let values): histogram = Self.histogram(values, slots: slots, partSize: partSize)
        case .u32(let values): histogram = Self.histogram(values, slots: slots, partSize: partSize)
        }
        if let validity = column.validity {
            // Null rows hold code 0: move them to the null slot.
            let nulls = validity.nullCount
            histogram[0] -= nulls
            histogram[nullSlot] = nulls
        }
        var remaining = histogram.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        var first = [Int](repeating: -1, count: slots)
        var row = 0
        while remaining > 0 {
            let slot = column.isNull(row) ? nullSlot : Int(codes[row])
            if first[slot] < 0 {
                first[slot] = row
                remaining -= 1
            }
            row += 1
        }
        let order = (0..<slots).filter { histogram[$0] > 0 }.sorted { first[$0] < first[$1] }
        firstRows = order.map { first[$0] }
        counts = order.map { Int64(histogram[$0]) }
    }

    /// Occurrences of each code (`slots` counters; the last, for nulls, stays 0 here).
    private static func histogram<Code: FixedWidthInteger & Sendable>(_ codes: [Code], slots: Int, partSize: Int) -> [Int] {
        let parts = max(1, (codes.count + partSize - 1) / partSize)
        let lanes = 4
        var partial = [Int](repeating: 0, count: parts * lanes * slots)
        codes.withUnsafeBufferPointer { codes in
            partial.withUnsafeMutableBufferPointer { partial in
                let shared = HistogramBuffers(codes: codes, counters: partial)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    // Each part counts into its own four rows of counters, row i into counters i % 4:
                    // consecutive equal codes then do not wait on each other's increment.
                    let counters = shared.counters.baseAddress! + part * lanes * slots
                    let c0 = counters, c1 = counters + slots, c2 = counters + 2 * slots, c3 = counters + 3 * slots
                    let codes = shared.codes
                    let end = min(codes.count, (part + 1) * partSize)
                    var row = part * partSize
                    while row + lanes <= end {
                        c0[Int(codes[row])] &+= 1
                        c1[Int(codes[row + 1])] &+= 1
                        c2[Int(codes[row + 2])] &+= 1
                        c3[Int(codes[row + 3])] &+= 1
                        row += lanes
                    }
                    while row < end {
                        c0[Int(codes[row])] &+= 1
                        row += 1
                    }
                }
            }
        }
        var total = [Int](repeating: 0, count: slots)
        for counters in 0..<parts * lanes {
            for slot in 0..<slots { total[slot] += partial[counters * slots + slot] }
        }
        return total
    }
}

/// The codes and per-part counters of one histogram: codes are only read; each worker writes only
/// its own row of counters.
private struct HistogramBuffers<Code>: @unchecked Sendable {
    let codes: UnsafeBufferPointer<Code>
    let counters: UnsafeMutableBufferPointer<Int>
}
