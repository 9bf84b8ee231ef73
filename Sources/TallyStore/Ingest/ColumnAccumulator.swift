// A column under construction by one parsing thread: final-form arrays plus a block scratch.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The values, nulls and dictionary of one column of one parsed chunk.
///
/// Values are kept in the arrays the finished `Column` stores (`[Int64]`, `[Double]`, `[Bool]`,
/// or codes at the narrowest width the dictionary needs so far: 1, 2 or 4 bytes, widened once
/// when it passes 256 or 65,536 values), so the first chunk's arrays become the column without a
/// copy and a later chunk's are appended once (`ColumnAccumulator.concatenate`).
///
/// Two ways to append: one value at a time (`appendNull`, `append(payload:)`, `append(utf8:)`),
/// or a block at a time: `reserve(additional:)`, write the block's rows `0 ..< n` into the
/// scratch (`blockPayloads` / `blockFlags` / `storeCodes`) and null marks at their final rows
/// (`markNull(at:)`), then `commit(rows:)` appends the first rows kept in one bulk copy per
/// block (and `discard` forgets null marks written past them). The parse loop thus writes to
/// plain memory with no per-value uniqueness or capacity check.
///
/// A reference type because the parser and the merge hand it between threads; only one thread
/// touches it at a time (the hand-off is the join of `concurrentPerform`), hence `@unchecked`.
final class ColumnAccumulator: @unchecked Sendable {
    let type: DataType
    private(set) var count = 0
    /// Bytes per code of a string column (1, 2 or 4).
    private(set) var codeWidth = 1
    var int64s: [Int64] = []
    var floats: [Double] = []
    var bools: [Bool] = []
    var codes8: [UInt8] = []
    var codes16: [UInt16] = []
    var codes32: [UInt32] = []
    var dictionary = StringDictionaryBuilder()
    /// One bit per row below `validityCapacity`; every bit at a row `>= count` is set. Nil until
    /// the first null.
    private(set) var validityWords: UnsafeMutablePointer<UInt64>?
    private var validityCapacity = 0
    /// Room for one block's values (8 bytes each).
    private var scratch: UnsafeMutableRawPointer
    private var scratchCapacity = 0

    /// Rows the arrays were reserved for.
    private let reservedRows: Int

    init(type: DataType, capacity: Int) {
        self.type = type
        reservedRows = capacity
        switch type {
        case .int, .timestamp, .duration, .date: int64s.reserveCapacity(capacity)
        case .float: floats.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .string: codes8.reserveCapacity(capacity)
        }
        scratch = Self.allocate(bytes: 8)
    }

    deinit {
        free(scratch)
        free(validityWords)
    }

    // MARK: One value at a time

    func appendNull() {
        ensureValidity(rows: count + 1)
        markNull(at: count)
        switch type {
        case .int, .timestamp, .duration, .date: int64s.append(0)
        case .float: floats.append(0)
        case .bool: bools.append(false)
        case .string: appendCode(0)
        }
        count += 1
    }

    /// Appends a payload as produced by `TypedValueParser` (not for string columns).
    func append(payload: Int64) {
        switch type {
        case .int, .timestamp, .duration, .date: int64s.append(payload)
        case .float: floats.append(Double(bitPattern: UInt64(bitPattern: payload)))
        case .bool: bools.append(payload != 0)
        case .string: preconditionFailure("string payloads are bytes")
        }
        count += 1
    }

    /// Appends a string from its (valid UTF-8) bytes.
    func append(utf8: UnsafeRawBufferPointer) {
        appendCode(dictionary.intern(utf8))
        count += 1
    }

    private func appendCode(_ code: UInt32) {
        widenIfNeeded()
        switch codeWidth {
        case 1: codes8.append(UInt8(truncatingIfNeeded: code))
        case 2: codes16.append(UInt16(truncatingIfNeeded: code))
        default: codes32.append(code)
        }
    }

    // MARK: A block at a time

    /// Makes room for a block of `additional` rows past `count`.
    @inline(__always)
    func reserve(additional: Int) {
        if additional > scratchCapacity {
            free(scratch)
            scratch = Self.allocate(bytes: additional * 8)
            scratchCapacity = additional
        }
        if validityWords != nil { ensureValidity(rows: count + additional) }
    }

    /// Block slots of `int`, `timestamp`, `duration`, `date` and `float` (as bit patterns) columns.
    var blockPayloads: UnsafeMutablePointer<Int64> { scratch.assumingMemoryBound(to: Int64.self) }

    /// Block slots of a `bool` column.
    var blockFlags: UnsafeMutablePointer<Bool> { scratch.assumingMemoryBound(to: Bool.self) }

    /// Marks row `row` (`>= count`, within the reserved block) null; its slot must hold zero.
    @inline(__always)
    func markNull(at row: Int) {
        if validityWords == nil { ensureValidity(rows: count + max(scratchCapacity, 1)) }
        validityWords![row >> 6] &= ~(1 << UInt64(row & 63))
    }

    /// Writes `codes` (from this column's dictionary) to the block's rows `0 ..< n`, widening
    /// the stored codes first when the dictionary has outgrown their width.
    func storeCodes(_ codes: UnsafePointer<UInt32>, count n: Int) {
        widenIfNeeded()
        switch codeWidth {
        case 1:
            let target = scratch.assumingMemoryBound(to: UInt8.self)
            for index in 0..<n { target[index] = UInt8(truncatingIfNeeded: codes[index]) }
        case 2:
            let target = scratch.assumingMemoryBound(to: UInt16.self)
            for index in 0..<n { target[index] = UInt16(truncatingIfNeeded: codes[index]) }
        default:
            scratch.assumingMemoryBound(to: UInt32.self).update(from: codes, count: n)
        }
    }

    /// Appends the block's first `rows` rows.
    func commit(rows: Int) {
        switch type {
        case .int, .timestamp, .duration, .date: append(&int64s, rows)
        case .float: append(&floats, rows)
        case .bool: append(&bools, rows)
        case .string:
            switch codeWidth {
            case 1: append(&codes8, rows)
            case 2: append(&codes16, rows)
            default: append(&codes32, rows)
            }
        }
        count += rows
    }

    @inline(__always)
    private func append<Element>(_ array: inout [Element], _ rows: Int) {
        let typed = scratch.assumingMemoryBound(to: Element.self)
        array.append(contentsOf: UnsafeBufferPointer(start: typed, count: rows))
    }

    /// Forgets the null marks of rows `count ..< end`, written for a block but not committed, so
    /// the next writer of those rows starts from "valid".
    func discard(through end: Int) {
        guard let words = validityWords else { return }
        for row in count..<min(end, validityCapacity) { words[row >> 6] |= 1 << UInt64(row & 63) }
    }

    // MARK: Storage

    private func widenIfNeeded() {
        let distinct = dictionary.count
        if codeWidth == 1, distinct > 256 {
            if distinct <= 65_536 {
                codes16 = Self.widened(codes8, reserving: reservedRows)
                codeWidth = 2
            } else {
                codes32 = Self.widened(codes8, reserving: reservedRows)
                codeWidth = 4
            }
            codes8 = []
        } else if codeWidth == 2, distinct > 65_536 {
            codes32 = Self.widened(codes16, reserving: reservedRows)
            codes16 = []
            codeWidth = 4
        }
    }

    /// `codes` at a wider type, with the capacity the column was created with (so that the
    /// appends after a widening do not grow the array step by step).
    static func widened<Source: FixedWidthInteger, Target: FixedWidthInteger>(_ codes: [Source],
                                                                             reserving: Int) -> [Target] {
        var wider: [Target] = []
        wider.reserveCapacity(max(reserving, codes.count))
        wider.append(contentsOf: codes.lazy.map { Target(truncatingIfNeeded: $0) })
        return wider
    }

    /// Makes the bitmap cover `rows` rows (creating it all-valid), growing by doubling.
    private func ensureValidity(rows: Int) {
        guard rows > validityCapacity else { return }
        var capacity = max(validityCapacity, 1024)
        while capacity < rows { capacity *= 2 }
        let oldWords = validityCapacity >> 6, newWords = capacity >> 6
        guard let moved = realloc(validityWords, newWords * 8) else { fatalError("out of memory") }
        let words = moved.assumingMemoryBound(to: UInt64.self)
        (words + oldWords).initialize(repeating: ~0, count: newWords - oldWords)
        validityWords = words
        validityCapacity = capacity
    }

    private static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        guard let memory = malloc(max(bytes, 16)) else { fatalError("out of memory") }
        return memory
    }
}
