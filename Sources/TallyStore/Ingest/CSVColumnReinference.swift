// Re-parses columns whose later values did not fit the type inferred from the sample.

/// Rebuilds whole columns with the type that all of their values fit (see `CSVLoader`).
enum CSVColumnReinference {
    /// Scans every row again (skipping the rows skipped the first time), votes the types of
    /// `columns` over all values, and parses them anew.
    static func rebuild(columns: [Int], base: UnsafePointer<UInt8>, start: Int, end: Int, delimiter: UInt8,
                        skippedRecordStarts: Set<Int>, columnCount: Int) -> [ColumnAccumulator] {
        // Spans of the cells, per rebuilt column, over all kept rows.
        var spans = Array(repeating: [CSVField](), count: columns.count)
        let fields = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: columnCount + 1)
        defer { fields.deallocate() }
        var scanner = CSVScanner(base: base, start: start, end: end, delimiter: delimiter)
        var fieldCount = 0, recordStart = 0
        scanning: while true {
            switch scanner.next(into: fields, fieldCount: &fieldCount, recordStart: &recordStart) {
            case .endOfInput, .unterminatedQuote: break scanning
            case .junkAfterQuote: continue scanning
            case .record: break
            }
            guard fieldCount == columnCount, !skippedRecordStarts.contains(recordStart) else { continue }
            for (slot, column) in columns.enumerated() { spans[slot].append(fields[column]) }
        }
        var scratch: [UInt8] = []
        return spans.map { cells in
            var votes = TypeVotes()
            for cell in cells where cell.end > cell.start {
                withBytes(of: cell, base: base, scratch: &scratch) { votes.vote($0) }
            }
            let type = votes.inferred
            let column = ColumnAccumulator(type: type, capacity: cells.count)
            for cell in cells {
                if cell.end == cell.start {
                    if cell.isQuoted, type == .string { column.append(utf8: UnsafeRawBufferPointer(start: nil, count: 0)) }
                    else { column.appendNull() }
                    continue
                }
                withBytes(of: cell, base: base, scratch: &scratch) { bytes in
                    if type == .string {
                        column.append(utf8: bytes)
                    } else if let payload = TypedValueParser.parse(bytes, as: type, lenient: false) {
                        column.append(payload: payload)
                    } else {
                        // Unreachable: every value voted for `type`.
                        column.appendNull()
                    }
                }
            }
            return column
        }
    }

    private static func withBytes(of cell: CSVField, base: UnsafePointer<UInt8>, scratch: inout [UInt8],
                                  _ body: (UnsafeRawBufferPointer) -> Void) {
        if cell.hasDoubledQuotes {
            scratch.removeAll(keepingCapacity: true)
            CSVText.appendUnescaped(base, cell.start, cell.end, to: &scratch)
            scratch.withUnsafeBytes(body)
        } else {
            body(UnsafeRawBufferPointer(start: base + cell.start, count: cell.end - cell.start))
        }
    }
}
