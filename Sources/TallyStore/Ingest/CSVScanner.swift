// Splits CSV bytes into records and field byte ranges (RFC 4180), without copying anything.

/// One field of a record: a byte range of the input plus how it was written.
struct CSVField {
    /// Content range, quotes excluded.
    var start: Int
    var end: Int
    /// Offset where the field begins in the input (its opening quote, when quoted).
    var origin: Int
    var isQuoted: Bool
    /// The content holds `""` pairs that stand for one quote each and must be unescaped.
    var hasDoubledQuotes: Bool
}

/// What reading one record found.
enum CSVRecordStatus: Equatable {
    case record
    case endOfInput
    /// A quoted field that opened at `start` never closed before the end of the input.
    case unterminatedQuote(start: Int)
    /// Something other than a delimiter or line end followed a closing quote at `offset`;
    /// the scanner has skipped to the next line.
    case junkAfterQuote(offset: Int)
}

/// Reads records one at a time from `base[position..<end]`.
///
/// Records end at LF or CRLF outside quotes; quoted fields may hold delimiters, doubled quotes and
/// line breaks. Lines that are entirely empty are skipped (they are not rows of one null field).
/// A quote inside an unquoted field is taken literally, as most writers mean it.
struct CSVScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    let delimiter: UInt8
    var position: Int

    init(base: UnsafePointer<UInt8>, start: Int, end: Int, delimiter: UInt8) {
        self.base = base
        self.position = start
        self.end = end
        self.delimiter = delimiter
    }

    /// Reads the next record into `fields`. Fields past `fields.count` are counted in
    /// `fieldCount` but not stored. `recordStart` receives the offset where the record began.
    ///
    /// - Complexity: O(record length); no allocation.
    @inline(__always)
    mutating func next(into fields: UnsafeMutableBufferPointer<CSVField>, fieldCount: inout Int,
                       recordStart: inout Int) -> CSVRecordStatus {
        let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), quote = UInt8(ascii: "\"")
        let delimiter = self.delimiter
        var p = position
        // Skip blank lines (LF or CRLF alone).
        while p < end {
            if base[p] == newline { p += 1; continue }
            if base[p] == carriageReturn, p + 1 < end, base[p + 1] == newline { p += 2; continue }
            break
        }
        if p >= end {
            position = p
            return .endOfInput
        }
        recordStart = p
        var count = 0
        while true {
            var field = CSVField(start: p, end: p, origin: p, isQuoted: false, hasDoubledQuotes: false)
            if p < end, base[p] == quote {
                field.isQuoted = true
                p += 1
                field.start = p
                while true {
                    guard p < end else {
                        position = end
                        return .unterminatedQuote(start: field.origin)
                    }
                    if base[p] == quote {
                        if p + 1 < end, base[p + 1] == quote {
                            field.hasDoubledQuotes = true
                            p += 2
                            continue
                        }
                        break
                    }
                    p += 1
                }
                field.end = p
                p += 1
                if p < end, base[p] != delimiter, base[p] != newline,
                   !(base[p] == carriageReturn && (p + 1 == end || base[p + 1] == newline)) {
                    let offset = p
                    while p < end, base[p] != newline { p += 1 }
                    position = min(p + 1, end)
                    return .junkAfterQuote(offset: offset)
                }
                if p < end, base[p] == carriageReturn { p += 1 }
            } else {
                while p < end {
                    let byte = base[p]
                    if byte == delimiter || byte == newline { break }
                    p += 1
                }
                field.end = p
                if field.end > field.start, base[field.end - 1] == carriageReturn,
                   p == end || base[p] == newline {
                    field.end -= 1
                }
            }
            if count < fields.count { fields[count] = field }
            count += 1
            if p < end, base[p] == delimiter {
                p += 1
                continue
            }
            // Line end or end of input.
            position = p < end ? p + 1 : end
            fieldCount = count
            return .record
        }
    }
}
