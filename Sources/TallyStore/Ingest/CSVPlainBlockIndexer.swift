// Finds the field boundaries of a run of plain CSV records, eight bytes at a time.

/// Indexes runs of *plain* records: no quote anywhere, exactly `columnCount` fields, ended by LF
/// (or CRLF) inside the range. That is nearly every record of a machine-written file; anything
/// else (a quote, a blank line, a ragged row, a last line without a line break) ends the run
/// before that record, and `CSVChunkParser` reads it with the general `CSVScanner`.
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

    /// True when the delimiter can be indexed (it is not a quote or a line-break byte).
    static func canIndex(delimiter: UInt8) -> Bool {
        delimiter != UInt8(ascii: "\"") && delimiter != UInt8(ascii: "\n") && delimiter != UInt8(ascii: "\r")
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
        let last = columns - 1
        let delimiterPattern = ByteWords.broadcast(delimiter)
        let newlinePattern = ByteWords.broadcast(UInt8(ascii: "\n"))
        let quotePattern = ByteWords.broadcast(UInt8(ascii: "\""))
        let slots = storage + 1
        slots[-1] = start - 1
        var rows = 0, column = 0, recordStart = start
        var seen: UInt64 = 0
        var cursor = start
        words: while cursor + 8 <= end {
            let word = ByteWords.load(base + cursor)
            seen |= word
            var marks = ByteWords.matches(word, delimiterPattern) | ByteWords.matches(word, newlinePattern)
                | ByteWords.matches(word, quotePattern)
            while marks != 0 {
                let position = cursor + marks.trailingZeroBitCount >> 3
                marks &= marks &- 1
                let byte = base[position]
                if byte == delimiter {
                    if column == last { break words }
                    slots[rows * columns + column] = position
                    column += 1
                } else if byte == UInt8(ascii: "\n") {
                    guard column == last else { break words }
                    // A blank line is skipped by the general reader, not a record of one null.
                    if last == 0, position == recordStart || (position == recordStart + 1
                                                              && base[recordStart] == UInt8(ascii: "\r")) {
                        break words
                    }
                    slots[rows * columns + column] = position
                    rows += 1
                    column = 0
                    recordStart = position + 1
                    if rows == maximumRows { break words }
                } else {
                    break words
                }
            }
            cursor += 8
        }
        return (rows, recordStart, seen & ByteWords.highBits != 0)
    }
}

/// Byte-parallel tests on 64-bit words (SWAR), first byte of the input in the low bits.
enum ByteWords {
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowSevenBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// `byte` in every byte of a word.
    @inline(__always)
    static func broadcast(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The eight bytes at `pointer`, first byte lowest, whatever the machine's byte order.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// 0x80 in every byte of `word` equal to the byte broadcast in `pattern`, 0 in every other.
    /// Exact for every byte (no borrow runs from one byte into the next).
    @inline(__always)
    static func matches(_ word: UInt64, _ pattern: UInt64) -> UInt64 {
        let difference = word ^ pattern
        return ~(((difference & lowSevenBits) &+ lowSevenBits) | difference) & highBits
    }
}
