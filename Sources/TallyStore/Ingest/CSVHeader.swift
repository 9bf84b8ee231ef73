// Reads the header row of a CSV file.

/// The header row: raw names (before de-duplication) and where the data begins.
struct CSVHeader {
    var names: [String]
    var end: Int

    /// Reads the first record at `start` as column names.
    /// - Throws: `LoadError` for an empty input, an unterminated quote or invalid UTF-8 in a name.
    static func read(base: UnsafePointer<UInt8>, start: Int, end: Int, delimiter: UInt8,
                     locate: (PendingError) -> LoadError) throws(LoadError) -> CSVHeader {
        var capacity = 256
        while true {
            let fields = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: capacity)
            defer { fields.deallocate() }
            var scanner = CSVScanner(base: base, start: start, end: end, delimiter: delimiter)
            var fieldCount = 0, recordStart = start
            switch scanner.next(into: fields, fieldCount: &fieldCount, recordStart: &recordStart) {
            case .endOfInput:
                throw locate(PendingError(offset: start, kind: .message("expected a header row, found an empty input")))
            case .unterminatedQuote(let quote):
                throw locate(PendingError(offset: quote, kind: .unterminatedQuote))
            case .junkAfterQuote(let offset):
                let found = CSVText.snippet(base, offset, offset + 1)
                throw locate(PendingError(offset: offset, kind: .message(
                    "expected a delimiter or line end after a closing quote, found `\(found)`")))
            case .record:
                break
            }
            if fieldCount > capacity {
                capacity = fieldCount
                continue
            }
            var names: [String] = []
            for field in fields.prefix(fieldCount) {
                var bytes: [UInt8] = []
                if field.hasDoubledQuotes {
                    CSVText.appendUnescaped(base, field.start, field.end, to: &bytes)
                } else {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + field.start, count: field.end - field.start))
                }
                if let invalid = bytes.withUnsafeBytes({ CSVText.utf8Error($0, origin: field.start) }) {
                    throw locate(invalid)
                }
                names.append(String(decoding: bytes, as: UTF8.self))
            }
            return CSVHeader(names: names, end: scanner.position)
        }
    }
}
