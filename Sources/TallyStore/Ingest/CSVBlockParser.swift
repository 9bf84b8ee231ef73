// Parses a run of plain CSV records column by column: the fast path of `CSVChunkParser`.

/// Appends runs of plain records (see `CSVPlainBlockIndexer`) to a chunk's columns, one column
/// at a time over up to a thousand rows, so each column's loop keeps its own state (dictionary,
/// cached date) hot and its type decided once.
///
/// It gives exactly what the general per-record path gives for the same rows: the same values,
/// nulls, dictionary order and `conflicted` marks. A row the general path would reject (an
/// override that does not parse, invalid UTF-8) ends the run *before* that row, with nothing of
/// it kept, so the general path reads it again and reports or skips it in its own way. Typed
/// columns are parsed first (they find those rows), string columns last (interning cannot be
/// undone).
struct CSVBlockParser {
    let base: UnsafePointer<UInt8>
    /// Bytes up to here may be read (past a field, for whole-word loads).
    let readableEnd: Int
    let types: [DataType]
    let overrides: [Bool]
    private let indexer: CSVPlainBlockIndexer
    private let keys: UnsafeMutablePointer<ShortKey>
    private let codes: UnsafeMutablePointer<UInt32>
    private var timestampParsers: [CanonicalTimestampParser]

    init(base: UnsafePointer<UInt8>, readableEnd: Int, delimiter: UInt8, plans: [ColumnPlan]) {
        self.base = base
        self.readableEnd = readableEnd
        types = plans.map(\.type)
        overrides = plans.map(\.isOverride)
        indexer = CSVPlainBlockIndexer(base: base, delimiter: delimiter, columnCount: plans.count)
        keys = .allocate(capacity: indexer.maximumRows)
        codes = .allocate(capacity: indexer.maximumRows)
        timestampParsers = Array(repeating: CanonicalTimestampParser(), count: plans.count)
    }

    func deallocate() {
        indexer.deallocate()
        keys.deallocate()
        codes.deallocate()
    }

    /// Parses the plain records from `start` (not past `end`) into `columns`.
    /// - Returns: the records appended and the offset after them (`start` when the first record
    ///   is not plain or would be rejected).
    mutating func parse(from start: Int, end: Int, columns: [ColumnAccumulator],
                        conflicted: inout [Bool]) -> (rows: Int, end: Int) {
        let (indexed, indexedEnd, hasNonASCII) = indexer.index(from: start, end: end)
        guard indexed > 0 else { return (0, start) }
        let columnCount = types.count
        var kept = indexed
        var firstConflicts = [Int](repeating: Int.max, count: columnCount)
        for column in 0..<columnCount where types[column] != .string {
            columns[column].reserve(additional: indexed)
            let parsed = parseTyped(column: column, rows: kept, into: columns[column],
                                    hasNonASCII: hasNonASCII, firstConflict: &firstConflicts[column])
            kept = min(kept, parsed)
        }
        if hasNonASCII {
            for column in 0..<columnCount where types[column] == .string {
                kept = min(kept, firstInvalidUTF8Row(column: column, rows: kept))
            }
        }
        for column in 0..<columnCount where types[column] == .string {
            columns[column].reserve(additional: indexed)
            internStrings(column: column, rows: kept, into: columns[column])
        }
        let firstRowAfter = columns[0].count + indexed
        for column in 0..<columnCount {
            if firstConflicts[column] < kept { conflicted[column] = true }
            columns[column].commit(rows: kept)
            if kept < indexed { columns[column].discard(through: firstRowAfter) }
        }
        let after = kept == indexed ? indexedEnd : indexer.terminators[kept * columnCount - 1] + 1
        return (kept, after)
    }

    /// Content range of field `(row, column)`; a CR before the record's LF is not content.
    @inline(__always)
    private func field(row: Int, column: Int) -> (start: Int, end: Int) {
        let columnCount = types.count
        let terminators = indexer.terminators
        let start = terminators[row * columnCount + column - 1] + 1
        var end = terminators[row * columnCount + column]
        if column == columnCount - 1, end > start, base[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return (start, end)
    }

    /// Parses rows `0..<rows` of a typed column into its reserved slots.
    /// - Returns: the first row the general path must reject, or `rows`.
    private mutating func parseTyped(column: Int, rows: Int, into accumulator: ColumnAccumulator,
                                     hasNonASCII: Bool, firstConflict: inout Int) -> Int {
        let type = types[column], isOverride = overrides[column]
        let first = accumulator.count
        let isBool = type == .bool
        let slots = accumulator.blockPayloads
        let flags = accumulator.blockFlags
        var timestamps = timestampParsers[column]
        defer { timestampParsers[column] = timestamps }
        for row in 0..<rows {
            let (start, end) = field(row: row, column: column)
            var payload: Int64
            if start == end {
                payload = 0
                accumulator.markNull(at: first + row)
            } else if type == .timestamp, end - start == 20, let micros = timestamps.parse(base + start) {
                payload = micros
            } else {
                let bytes = UnsafeRawBufferPointer(start: base + start, count: end - start)
                if let value = TypedValueParser.parse(bytes, as: type, lenient: isOverride) {
                    payload = value
                } else {
                    if isOverride { return row }
                    if hasNonASCII, CSVText.utf8Error(bytes, origin: start) != nil { return row }
                    firstConflict = min(firstConflict, row)
                    payload = 0
                    accumulator.markNull(at: first + row)
                }
            }
            if isBool { flags[row] = payload != 0 } else { slots[row] = payload }
        }
        return rows
    }

    /// The first of rows `0..<rows` whose cell in this string column is not valid UTF-8, or `rows`.
    private func firstInvalidUTF8Row(column: Int, rows: Int) -> Int {
        for row in 0..<rows {
            let (start, end) = field(row: row, column: column)
            if CSVText.utf8Error(UnsafeRawBufferPointer(start: base + start, count: end - start), origin: start) != nil {
                return row
            }
        }
        return rows
    }

    /// Interns rows `0..<rows` of a string column and stores their codes (empty cells are null).
    private func internStrings(column: Int, rows: Int, into accumulator: ColumnAccumulator) {
        let first = accumulator.count
        let columnCount = types.count
        let isLast = column == columnCount - 1
        // Terminators of the previous field and of this one, row after row.
        var before = indexer.terminators + (column - 1)
        for row in 0..<rows {
            let start = before[0] &+ 1
            var end = before[1]
            before += columnCount
            if isLast, end > start, base[end &- 1] == UInt8(ascii: "\r") { end &-= 1 }
            let length = end &- start
            if length == 0 {
                keys[row] = ShortKey(low: 0, high: 0, length: ShortKey.nullLength)
                accumulator.markNull(at: first &+ row)
            } else if length > Int(ShortKey.maximumLength) {
                keys[row] = ShortKey(low: UInt64(start), high: UInt64(end), length: ShortKey.longLength)
            } else if start &+ 16 <= readableEnd {
                let low = ByteWords.load(base + start) & (~0 >> (64 &- 8 &* min(length, 8)))
                let high = length > 8 ? ByteWords.load(base + (start &+ 8)) & (~0 >> (128 &- 8 &* length)) : 0
                keys[row] = ShortKey(hashing: low, high, length: UInt32(truncatingIfNeeded: length))
            } else {
                keys[row] = ShortKey(copying: UnsafeRawBufferPointer(start: base + start, count: length))
            }
        }
        accumulator.dictionary.intern(keys: keys, count: rows, base: base, into: codes)
        accumulator.storeCodes(codes, count: rows)
    }
}
