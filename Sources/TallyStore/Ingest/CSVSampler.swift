// Infers CSV column types from the first rows of data.

/// The types voted by a sample of rows, and the average row size (to pre-size column buffers).
struct CSVSample {
    var types: [DataType]
    var bytesPerRow: Double
}

enum CSVSampler {
    /// Reads up to `limit` records from `start` and votes each column's type. Rows with the wrong
    /// field count and malformed rows are left out; the full parse reports them.
    static func infer(base: UnsafePointer<UInt8>, start: Int, end: Int, delimiter: UInt8,
                      columnCount: Int, limit: Int) -> CSVSample {
        var votes = Array(repeating: TypeVotes(), count: columnCount)
        let fields = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: columnCount + 1)
        defer { fields.deallocate() }
        var scanner = CSVScanner(base: base, start: start, end: end, delimiter: delimiter)
        var fieldCount = 0, recordStart = 0, records = 0
        var scratch: [UInt8] = []
        sampling: while records < limit {
            switch scanner.next(into: fields, fieldCount: &fieldCount, recordStart: &recordStart) {
            case .endOfInput, .unterminatedQuote: break sampling
            case .junkAfterQuote: continue sampling
            case .record: break
            }
            records += 1
            guard fieldCount == columnCount else { continue }
            for column in 0..<columnCount {
                let field = fields[column]
                guard field.end > field.start else { continue }
                if field.hasDoubledQuotes {
                    scratch.removeAll(keepingCapacity: true)
                    CSVText.appendUnescaped(base, field.start, field.end, to: &scratch)
                    scratch.withUnsafeBytes { votes[column].vote($0) }
                } else {
                    votes[column].vote(UnsafeRawBufferPointer(start: base + field.start, count: field.end - field.start))
                }
            }
        }
        let bytesPerRow = records > 0 ? Double(scanner.position - start) / Double(records) : 64
        return CSVSample(types: votes.map(\.inferred), bytesPerRow: bytesPerRow)
    }
}
