// Finds the field boundaries of a run of plain CSV records, sixteen bytes at a time.

/// Indexes runs of *plain* records: no quote anywhere, exactly `columnCount` fields, ended by LF
/// (or CRLF) inside the range. That is nearly every record of a machine-written file; anything
/// else (a quote, a ragged row, a blank line — which has too few fields — or a last line without
/// a line break) ends the run before that record, and `CSVChunkParser` reads it with the general
/// `CSVScanner`.
///
/// For a run of `rows` records, `terminators[row * columnCount + column]` is the offset of the
/// byte that ends the field (its delimiter, or the LF for the last field), and
/// `terminators[-1]` is one before the first record, so field `(row, column)` always starts at
/// `terminators[row * columnCount + column - 1] + 1`.
struct CSVPlainBlockIndexer {
    let base: UnsafePointer<UInt8>
    let delimiter: UInt8
    let columnCount: Int
    let maximumRows: Int
    /// `maximumRows * columnCount + 1` slots; `terminators` is one past the first.
    private let storage: UnsafeMutablePointer<Int>

    /// True when the delimiter can be indexed (it is not a quote or a line-break byte) and there
    /// are two or more columns (a one-column file can hold blank lines, which are not records).
    static func canIndex(delimiter: UInt8, columnCount: Int) -> Bool {
        columnCount >= 2 && delimiter != UInt8(ascii: "\"") && delimiter != UInt8(ascii: "\n")
            && delimiter != UInt8(ascii: "\r")
    }

    init(base: UnsafePointer<UInt8>, delimiter: UInt8, columnCount: Int) {
        self.base = base
        self.delimiter = delimiter
        self.columnCount = columnCount
        maximumRows = min(1024, max(16, 16_384 / columnCount))
        storage = .allocate(capacity: maximumRows * columnCount + 1)
    }

    func deallocate() { storage.deallocate() }

    /// Field terminators of the last indexed run (see the type's discussion).
    var terminators: UnsafePointer<Int> { UnsafePointer(storage + 1) }

    /// Indexes plain records from `start`, reading no byte at or past `end`.
    /// - Returns: the number of records and the offset just past the last one's line break
    ///   (`start` when the first record is not plain), and whether any byte of the scanned
    ///   range was outside ASCII (then the caller validates UTF-8).
    func index(from start: Int, end: Int) -> (rows: Int, end: Int, hasNonASCII: Bool) {
        let columns = columnCount
        let delimiters = SIMD16<UInt8>(repeating: delimiter)
        let newlines = SIMD16<UInt8>(repeating: UInt8(ascii: "\n"))
        let quotes = SIMD16<UInt8>(repeating: UInt8(ascii: "\""))
        let slots = storage + 1
        slots[-1] = start &- 1
        // Every delimiter and LF goes to the next slot in turn; a record is plain when its LF
        // lands in the slot of its last field and no delimiter does.
        var slot = 0, recordEndSlot = columns &- 1, rows = 0, recordStart = start
        let slotLimit = maximumRows &* columns
        var seen = SIMD16<UInt8>(repeating: 0)
        var cursor = start
        blocks: while cursor &+ 16 <= end {
            // 16 bytes compared at once (SSE2 / NEON); each half becomes a word with 0x80 in
            // every matching byte, first byte lowest, so a mark's offset is its bit index / 8.
            let bytes = UnsafeRawPointer(base + cursor).loadUnaligned(as: SIMD16<UInt8>.self)
            seen |= bytes
            let isNewline = bytes .== newlines
            let isQuote = bytes .== quotes
            let isMark = bytes .== delimiters .| isNewline .| isQuote
            let markWords = ByteWords.halves(isMark), newlineWords = ByteWords.halves(isNewline)
            let quoteWords = ByteWords.halves(isQuote)
            for half in 0..<2 {
                let base = cursor &+ 8 &* half
                var marks = half == 0 ? markWords.low : markWords.high
                let newlineMarks = half == 0 ? newlineWords.low : newlineWords.high
                let quoteMarks = half == 0 ? quoteWords.low : quoteWords.high
                // Marks before a quote still count; the quote's record is not plain.
                if quoteMarks != 0 { marks &= (quoteMarks & (0 &- quoteMarks)) &- 1 }
                while marks != 0 {
                    let position = base &+ marks.trailingZeroBitCount &>> 3
                    let isLineEnd = newlineMarks & marks & (0 &- marks) != 0
                    marks &= marks &- 1
                    if isLineEnd != (slot == recordEndSlot) { break blocks }
                    slots[slot] = position
                    slot &+= 1
                    if isLineEnd {
                        rows &+= 1
                        recordEndSlot &+= columns
                        recordStart = position &+ 1
                        if slot == slotLimit { break blocks }
                    }
                }
                if quoteMarks != 0 { break blocks }
            }
            cursor &+= 16
        }
        let hasNonASCII = any(seen .>= SIMD16<UInt8>(repeating: 0x80))
        return (rows, recordStart, hasNonASCII)
    }
}

/// Byte-parallel helpers: 64-bit words with the input's first byte in the low bits.
enum ByteWords {
    /// The eight bytes at `pointer`, first byte lowest, whatever the machine's byte order.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// The two 8-byte halves of a 16-byte comparison as words with 0x80 in every matching byte.
    @inline(__always)
    static func halves(_ mask: SIMDMask<SIMD16<Int8>>) -> (low: UInt64, high: UInt64) {
        let bytes = SIMD16<UInt8>(repeating: 0).replacing(with: 0x80, where: mask)
        let words = unsafeBitCast(bytes, to: SIMD2<UInt64>.self)
        return (UInt64(littleEndian: words[0]), UInt64(littleEndian: words[1]))
    }
}
