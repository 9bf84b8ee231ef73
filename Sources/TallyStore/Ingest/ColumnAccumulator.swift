// A column under construction by one parsing thread: raw growable buffers, no copy-on-write.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The values, nulls and dictionary of one column of one parsed chunk.
///
/// Storage is plain `malloc` memory owned by this object (freed on `deinit` or `release()`), so
/// the parse loop writes through pointers with no uniqueness check per value. Values are kept at
/// their final width: 8 bytes for `Int64`-backed types and floats, 1 for bools, and for strings
/// the narrowest code width the dictionary needs so far (1, 2 or 4 bytes, widened once when the
/// dictionary passes 256 or 65,536 values). `ColumnAccumulator.concatenate` turns the chunks of
/// one column into a `Column`.
///
/// Two ways to append: one value at a time (`appendNull`, `append(payload:)`, `append(utf8:)`),
/// or a block at a time: `reserve(additional:)`, write rows `count ..< count + n` through
/// `int64Slots` / `markNull(at:)` / `storeCodes`, then `commit(rows:)` (or `discard` what was
/// written past the rows kept).
///
/// A reference type because the parser and the merge hand it between threads; only one thread
/// touches it at a time (the hand-off is the join of `concurrentPerform`), hence `@unchecked`.
final class ColumnAccumulator: @unchecked Sendable {
    let type: DataType
    private(set) var count = 0
    private(set) var capacity: Int
    /// Bytes per value (for strings, per code).
    private(set) var width: Int
    private(set) var values: UnsafeMutableRawPointer
    /// One bit per row of `capacity`; every bit at a row `>= count` is set. Nil until the first null.
    private(set) var validityWords: UnsafeMutablePointer<UInt64>?
    var dictionary = StringDictionaryBuilder()

    init(type: DataType, capacity: Int) {
        self.type = type
        self.capacity = max(capacity, 16)
        switch type {
        case .int, .timestamp, .duration, .date, .float: width = 8
        case .bool, .string: width = 1
        }
        values = Self.allocate(bytes: self.capacity * width)
    }

    deinit { release() }

    /// Frees the buffers now (the merge calls this as soon as a chunk is copied out).
    func release() {
        free(values)
        values = Self.allocate(bytes: 16)
        free(validityWords)
        validityWords = nil
        capacity = 16 / width
        count = 0
    }

    // MARK: One value at a time

    func appendNull() {
        reserve(additional: 1)
        storeZero(at: count)
        markNull(at: count)
        count += 1
    }

    /// Appends a payload as produced by `TypedValueParser` (not for string columns).
    @inline(__always)
    func append(payload: Int64) {
        reserve(additional: 1)
        switch type {
        case .bool: values.storeBytes(of: payload != 0, toByteOffset: count, as: Bool.self)
        case .string: preconditionFailure("string payloads are bytes")
        default: int64Slots[count] = payload
        }
        count += 1
    }

    /// Appends a string from its (valid UTF-8) bytes.
    func append(utf8: UnsafeRawBufferPointer) {
        reserve(additional: 1)
        var code = dictionary.intern(utf8)
        storeCodes(&code, count: 1)
        count += 1
    }

    // MARK: A block at a time

    /// Makes room for `additional` more rows past `count`.
    @inline(__always)
    func reserve(additional: Int) {
        if count + additional > capacity { grow(to: count + additional) }
    }

    /// Value slots of `int`, `timestamp`, `duration`, `date` and `float` (as bit patterns) columns.
    var int64Slots: UnsafeMutablePointer<Int64> { values.assumingMemoryBound(to: Int64.self) }

    /// Marks reserved row `row` (`>= count`) null; its value slot must hold zero.
    @inline(__always)
    func markNull(at row: Int) {
        if validityWords == nil { createValidity() }
        validityWords![row >> 6] &= ~(1 << UInt64(row & 63))
    }

    /// Writes `codes` (from this column's dictionary) to rows `count ..< count + n`, widening
    /// the stored codes first when the dictionary has outgrown their width.
    func storeCodes(_ codes: UnsafePointer<UInt32>, count n: Int) {
        let needed = dictionary.count <= 256 ? 1 : dictionary.count <= 65_536 ? 2 : 4
        if needed > width { widenCodes(to: needed) }
        let start = count
        switch width {
        case 1:
            let target = values.assumingMemoryBound(to: UInt8.self) + start
            for index in 0..<n { target[index] = UInt8(truncatingIfNeeded: codes[index]) }
        case 2:
            let target = values.assumingMemoryBound(to: UInt16.self) + start
            for index in 0..<n { target[index] = UInt16(truncatingIfNeeded: codes[index]) }
        default:
            (values.assumingMemoryBound(to: UInt32.self) + start).update(from: codes, count: n)
        }
    }

    /// Keeps `rows` reserved rows as written.
    @inline(__always)
    func commit(rows: Int) { count += rows }

    /// Forgets rows `count ..< end` written but not committed: their null marks are cleared so
    /// the next writer of those rows starts from "valid".
    func discard(through end: Int) {
        guard let words = validityWords else { return }
        for row in count..<min(end, capacity) { words[row >> 6] |= 1 << UInt64(row & 63) }
    }

    // MARK: Storage

    private func storeZero(at row: Int) {
        switch width {
        case 8: int64Slots[row] = 0
        case 4: values.storeBytes(of: UInt32(0), toByteOffset: row * 4, as: UInt32.self)
        case 2: values.storeBytes(of: UInt16(0), toByteOffset: row * 2, as: UInt16.self)
        default: values.storeBytes(of: UInt8(0), toByteOffset: row, as: UInt8.self)
        }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        guard let moved = realloc(values, newCapacity * width) else { fatalError("out of memory") }
        values = moved
        if let words = validityWords {
            let oldWords = (capacity + 63) >> 6, newWords = (newCapacity + 63) >> 6
            guard let movedWords = realloc(words, newWords * 8) else { fatalError("out of memory") }
            let typed = movedWords.assumingMemoryBound(to: UInt64.self)
            (typed + oldWords).initialize(repeating: ~0, count: newWords - oldWords)
            validityWords = typed
        }
        capacity = newCapacity
    }

    private func createValidity() {
        let words = (capacity + 63) >> 6
        let typed = Self.allocate(bytes: words * 8).assumingMemoryBound(to: UInt64.self)
        typed.initialize(repeating: ~0, count: words)
        validityWords = typed
    }

    private func widenCodes(to newWidth: Int) {
        let wider = Self.allocate(bytes: capacity * newWidth)
        switch (width, newWidth) {
        case (1, 2): Self.convert(values, as: UInt8.self, to: wider, as: UInt16.self, count: count)
        case (1, 4): Self.convert(values, as: UInt8.self, to: wider, as: UInt32.self, count: count)
        default: Self.convert(values, as: UInt16.self, to: wider, as: UInt32.self, count: count)
        }
        free(values)
        values = wider
        width = newWidth
    }

    private static func convert<Source: FixedWidthInteger, Target: FixedWidthInteger>(
        _ source: UnsafeMutableRawPointer, as _: Source.Type, to target: UnsafeMutableRawPointer, as _: Target.Type, count: Int
    ) {
        let from = source.assumingMemoryBound(to: Source.self)
        let to = target.assumingMemoryBound(to: Target.self)
        for index in 0..<count { to[index] = Target(from[index]) }
    }

    static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        guard let memory = malloc(max(bytes, 16)) else { fatalError("out of memory") }
        return memory
    }
}
