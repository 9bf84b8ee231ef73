// Finds the rows whose dictionary code satisfies a per-code table, in parallel over the cores.
import Dispatch
import TallyStore

/// Row scans over the codes of a string column: the selection of a `DictionaryPredicate`.
enum CodeScan {
    /// Rows per worker part; small enough to balance two busy cores, large enough to amortise.
    static let defaultPartSize = 1 << 20

    /// The rows (ascending) whose code satisfies `predicate`; a null row counts as
    /// `predicate.matchesNull`.
    /// - Complexity: O(rows), reading each code once; no allocation besides the result. When one
    ///   code matches, eight bytes of codes are compared per instruction (`rowsHolding`).
    /// - Parameter partSize: rows per parallel part (tests make it small to cross part boundaries).
    static func rows(_ column: Column, _ predicate: DictionaryPredicate, partSize: Int = defaultPartSize) -> [Int] {
        guard case .string(let codes, _) = column.storage else { preconditionFailure("not a string column") }
        if predicate.matchesNothing { return [] }
        let validity = column.validity
        if validity != nil, predicate.matchesNull {
            // Null rows can be chosen too (`isnull(c)`, `not (c in …)` is not this: null stays null).
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

    private static func scan<Code: FixedWidthInteger & Sendable>(_ codes: [Code], _ predicate: DictionaryPredicate,
                                                               partSize: Int) -> [Int] {
        let count = codes.count
        let parts = (count + partSize - 1) / partSize
        if parts <= 1 {
            return codes.withUnsafeBufferPointer { codes in
                scanPart(codes, 0..<count, predicate)
            }
        }
        var results = [[Int]](repeating: [], count: parts)
        codes.withUnsafeBufferPointer { codes in
            results.withUnsafeMutableBufferPointer { results in
                let shared = SharedBuffers(codes: codes, results: results)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let range = part * partSize..<min(count, (part + 1) * partSize)
                    // Each part writes only its own slot.
                    shared.results[part] = scanPart(shared.codes, range, predicate)
                }
            }
        }
        if results.count == 1 { return results[0] }
        var selected: [Int] = []
        selected.reserveCapacity(results.reduce(0) { $0 + $1.count })
        for part in results { selected.append(contentsOf: part) }
        return selected
    }

    private static func scanPart<Code: FixedWidthInteger>(_ codes: UnsafeBufferPointer<Code>, _ range: Range<Int>,
                                                          _ predicate: DictionaryPredicate) -> [Int] {
        if let single = predicate.singleMatch {
            return rowsHolding(Code(truncatingIfNeeded: single), codes, range)
        }
        var selected: [Int] = []
        predicate.matches.withUnsafeBufferPointer { matches in
            for row in range where matches[Int(codes[row])] { selected.append(row) }
        }
        return selected
    }

    /// The rows of `range` whose code is `target`, eight bytes of codes at a time (SWAR): each
    /// 64-bit word XORed with `target` in every lane has a zero lane exactly where a row matches,
    /// and the zero lanes are found with carry-free arithmetic, so a word without a match costs a
    /// few instructions and a match is located from the bit position, not by rescanning.
    private static func rowsHolding<Code: FixedWidthInteger>(_ target: Code, _ codes: UnsafeBufferPointer<Code>,
                                                             _ range: Range<Int>) -> [Int] {
        var selected: [Int] = []
        let lanes = 64 / Code.bitWidth
        let laneShift = Code.bitWidth.trailingZeroBitCount
        let highBits = everyLane(Code(1) << (Code.bitWidth - 1)), lowBits = ~highBits
        let needle = everyLane(target)
        /// The high bit of every lane of the word at `row` that equals `target`.
        @inline(__always) func matchMarks(_ row: Int) -> UInt64 {
            let word = UnsafeRawPointer(codes.baseAddress! + row).loadUnaligned(as: UInt64.self) ^ needle
            return ~((((word & lowBits) &+ lowBits) | word) | lowBits)
        }
        var row = range.lowerBound
        let groupRows = 4 * lanes
        while row + groupRows <= range.upperBound {
            if matchMarks(row) | matchMarks(row + lanes) | matchMarks(row + 2 * lanes) | matchMarks(row + 3 * lanes) != 0 {
                for word in 0..<4 {
                    let first = row + word * lanes
                    var marks = matchMarks(first)
                    while marks != 0 {
                        selected.append(first + (marks.trailingZeroBitCount >> laneShift))
                        marks &= marks &- 1
                    }
                }
            }
            row += groupRows
        }
        while row < range.upperBound {
            if codes[row] == target { selected.append(row) }
            row += 1
        }
        return selected
    }

    /// `value` repeated in every lane of a 64-bit word.
    @inline(__always)
    private static func everyLane<Code: FixedWidthInteger>(_ value: Code) -> UInt64 {
        var word: UInt64 = 0
        for lane in 0..<(64 / Code.bitWidth) {
            word |= UInt64(truncatingIfNeeded: value) << UInt64(lane * Code.bitWidth)
        }
        return word
    }
}

/// The input codes and per-part result slots shared by the workers of one scan: the codes are
/// only read, and each slot is written by exactly one worker before `concurrentPerform` returns.
private struct SharedBuffers<Code>: @unchecked Sendable {
    let codes: UnsafeBufferPointer<Code>
    let results: UnsafeMutableBufferPointer<[Int]>
}
