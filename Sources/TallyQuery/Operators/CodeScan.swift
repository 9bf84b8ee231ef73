// Finds the rows whose dictionary code satisfies a per-code table, in parallel over the cores.
import Dispatch
import TallyStore

/// Row scans over the codes of a string column: the selection of a `DictionaryPredicate`.
enum CodeScan {
    /// Rows per worker part; small enough to balance two busy cores, large enough to amortise.
    static let defaultPartSize = 1 << 20

    /// The rows (ascending) whose code satisfies `predicate`; a null row counts as
    /// `predicate.matchesNull`.
    ///
    /// Split over the cores by `PartitionedSelection` (one pass for rare matches, a second for dense parts).
    /// - Complexity: O(rows), reading each code once (twice in dense parts); allocates the result
    ///   and scratch room of which only the used pages are touched. When one
    ///   code matches, eight bytes of codes are compared per instruction (`CodeMatcher`).
    /// - Parameter partSize: rows per parallel part (tests make it small to cross part boundaries).
    static func rows(_ column: Column, _ predicate: DictionaryPredicate, partSize: Int = defaultPartSize) -> [Int] {
        guard case .string(let codes, _) = column.storage else { preconditionFailure("not a string column") }
        if predicate.matchesNothing { return [] }
        let validity = column.validity
        if validity != nil, predicate.matchesNull {
            // Null rows can be chosen too (`c is null`, `c == "x" or c is null`).
            return (0..<column.count).filter { row in
                column.isNull(row) ? true : predicate.matches[Int(codes[row])]
            }
        }
        var selected: [Int]
        switch codes {
        case .u8(let values): selected = scan(values, predicate, partSize: partSize)
        case .u16(let values): selected = scan(values, predicate, partSize: partSize)
        case .u32(let values): selected = scan(values, predicate, partSize: partSize)
        }
        if let validity {
            // Null rows hold code 0: drop the candidates that are null.
            selected.removeAll { !validity.isValid($0) }
        }
        return selected
    }

    /// The number of rows `rows` would return, without building the list when the column has no nulls.
    static func count(_ column: Column, _ predicate: DictionaryPredicate, partSize: Int = defaultPartSize) -> Int {
        guard case .string(let codes, _) = column.storage, column.validity == nil else {
            return rows(column, predicate, partSize: partSize).count
        }
        if predicate.matchesNothing { return 0 }
        switch codes {
        case .u8(let values): return partCounts(values, predicate, partSize: partSize).reduce(0, +)
        case .u16(let values): return partCounts(values, predicate, partSize: partSize).reduce(0, +)
        case .u32(let values): return partCounts(values, predicate, partSize: partSize).reduce(0, +)
        }
    }

    private static func scan<Code: FixedWidthInteger & Sendable>(_ codes: [Code], _ predicate: DictionaryPredicate,
                                                               partSize: Int) -> [Int] {
        codes.withUnsafeBufferPointer { codes in
            let shared = SharedReadOnly(buffer: codes)
            return PartitionedSelection.rows(count: codes.count, partSize: partSize) { range, output, capacity in
                writePart(shared.buffer, range, predicate, into: output, capacity: capacity)
            }
        }
    }

    /// Matches per part, parts in order.
    private static func partCounts<Code: FixedWidthInteger & Sendable>(_ codes: [Code], _ predicate: DictionaryPredicate,
                                                                     partSize: Int) -> [Int] {
        let parts = max(1, (codes.count + partSize - 1) / partSize)
        var counts = [Int](repeating: 0, count: parts)
        codes.withUnsafeBufferPointer { codes in
            counts.withUnsafeMutableBufferPointer { counts in
                let shared = ScanBuffers(codes: codes, counts: counts)
                PartitionedSelection.inParts(codes.count, partSize: partSize) { part, range in
                    // Each part writes only its own count.
                    shared.counts[part] = countPart(shared.codes, range, predicate)
                }
            }
        }
        return counts
    }

    private static func countPart<Code: FixedWidthInteger>(_ codes: UnsafeBufferPointer<Code>, _ range: Range<Int>,
                                                           _ predicate: DictionaryPredicate) -> Int {
        var count = 0
        if let single = predicate.singleMatch {
            let matcher = CodeMatcher(target: Code(truncatingIfNeeded: single), codes: codes)
            let lanes = matcher.lanes
            var row = range.lowerBound
            while row + 4 * lanes <= range.upperBound {
                // Most groups of 32 bytes hold no match; a population count (not one instruction on
                // baseline x86-64) only for those that do.
                let marks = (matcher.marks(row), matcher.marks(row + lanes), matcher.marks(row + 2 * lanes),
                             matcher.marks(row + 3 * lanes))
                if marks.0 | marks.1 | marks.2 | marks.3 != 0 {
                    count &+= marks.0.nonzeroBitCount &+ marks.1.nonzeroBitCount &+ marks.2.nonzeroBitCount
                        &+ marks.3.nonzeroBitCount
                }
                row += 4 * lanes
            }
            while row + lanes <= range.upperBound {
                count &+= matcher.marks(row).nonzeroBitCount
                row += lanes
            }
            while row < range.upperBound {
                if codes[row] == matcher.target { count &+= 1 }
                row += 1
            }
            return count
        }
        predicate.matches.withUnsafeBufferPointer { matches in
            for row in range where matches[Int(codes[row])] { count &+= 1 }
        }
        return count
    }

    /// Writes the matching rows of `range` to `output`, at most `capacity` of them, and returns how
    /// many match (more than `capacity` when they did not all fit).
    private static func writePart<Code: FixedWidthInteger>(_ codes: UnsafeBufferPointer<Code>, _ range: Range<Int>,
                                                           _ predicate: DictionaryPredicate, into output: UnsafeMutablePointer<Int>,
                                                           capacity: Int) -> Int {
        var found = 0
        @inline(__always) func emit(_ row: Int) {
            if found < capacity { (output + found).initialize(to: row) }
            found &+= 1
        }
        if let single = predicate.singleMatch {
            let matcher = CodeMatcher(target: Code(truncatingIfNeeded: single), codes: codes)
            let lanes = matcher.lanes
            var row = range.lowerBound
            let groupRows = 4 * lanes
            while row + groupRows <= range.upperBound {
                // Most groups of 32 bytes hold no match: one test for the four words.
                if matcher.marks(row) | matcher.marks(row + lanes) | matcher.marks(row + 2 * lanes)
                    | matcher.marks(row + 3 * lanes) != 0 {
                    for word in 0..<4 {
                        let first = row + word * lanes
                        var marks = matcher.marks(first)
                        while marks != 0 {
                            emit(first + (marks.trailingZeroBitCount >> matcher.laneShift))
                            marks &= marks &- 1
                        }
                    }
                }
                row += groupRows
            }
            while row < range.upperBound {
                if codes[row] == matcher.target { emit(row) }
                row += 1
            }
            return found
        }
        predicate.matches.withUnsafeBufferPointer { matches in
            for row in range where matches[Int(codes[row])] { emit(row) }
        }
        return found
    }

    /// `value` repeated in every lane of a 64-bit word.
    @inline(__always)
    static func everyLane<Code: FixedWidthInteger>(_ value: Code) -> UInt64 {
        var word: UInt64 = 0
        for lane in 0..<(64 / Code.bitWidth) {
            word |= UInt64(truncatingIfNeeded: value) << UInt64(lane * Code.bitWidth)
        }
        return word
    }
}

/// The input codes and per-part counts shared by the workers of one count: the codes are only
/// read, and each worker writes only its own part's count.
private struct ScanBuffers<Code>: @unchecked Sendable {
    let codes: UnsafeBufferPointer<Code>
    let counts: UnsafeMutableBufferPointer<Int>
}

/// Finds the rows holding one code, eight bytes of codes at a time (SWAR): a 64-bit word XORed with
/// `target` in every lane has a zero lane exactly where a row matches, and the zero lanes are
/// marked with carry-free arithmetic, so a word without a match costs a few instructions and a
/// match is located from its bit position, not by rescanning.
private struct CodeMatcher<Code: FixedWidthInteger> {
    let target: Code
    let codes: UnsafeBufferPointer<Code>
    /// Codes per 64-bit word.
    let lanes = 64 / Code.bitWidth
    /// Shift from a lane's high bit position to the lane's index.
    let laneShift = Code.bitWidth.trailingZeroBitCount
    private let lowBits: UInt64
    private let needle: UInt64

    init(target: Code, codes: UnsafeBufferPointer<Code>) {
        self.target = target
        self.codes = codes
        lowBits = ~CodeScan.everyLane(Code(1) << (Code.bitWidth - 1))
        needle = CodeScan.everyLane(target)
    }

    /// The high bit of every lane of the word starting at `row` whose code equals `target`.
    @inline(__always)
    func marks(_ row: Int) -> UInt64 {
        let word = UnsafeRawPointer(codes.baseAddress! + row).loadUnaligned(as: UInt64.self) ^ needle
        return ~((((word & lowBits) &+ lowBits) | word) | lowBits)
    }
}
