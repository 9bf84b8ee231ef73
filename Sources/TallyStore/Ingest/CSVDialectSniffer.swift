// Guesses a CSV file's delimiter from its first lines.

/// Chooses the delimiter among `,` `;` tab `|` that splits the first lines into a consistent
/// number of fields greater than one.
enum CSVDialectSniffer {
    /// Candidates in order of preference; the first consistent one wins.
    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// The delimiter for the data in `base[start..<end]`; `,` when no candidate is consistent.
    ///
    /// Looks at up to 50 records within the first 64 KB. A candidate is consistent when every
    /// complete record it yields has the same field count, and that count is above one.
    static func sniff(base: UnsafePointer<UInt8>, start: Int, end: Int) -> UInt8 {
        let limit = min(end, start + 65_536)
        var best: (delimiter: UInt8, fields: Int)?
        let storage = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: 1)
        defer { storage.deallocate() }
        for candidate in candidates {
            var scanner = CSVScanner(base: base, start: start, end: end, delimiter: candidate)
            var expected = -1, consistent = true, records = 0
            var fieldCount = 0, recordStart = 0
            while records < 50, scanner.position < limit {
                let status = scanner.next(into: storage, fieldCount: &fieldCount, recordStart: &recordStart)
                guard status == .record else { break }
                if expected < 0 { expected = fieldCount } else if fieldCount != expected { consistent = false; break }
                records += 1
            }
            if consistent, expected > 1, best == nil { best = (candidate, expected) }
        }
        return best?.delimiter ?? UInt8(ascii: ",")
    }
}
