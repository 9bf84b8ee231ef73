// Parses the records of one byte range of a CSV file into typed column accumulators.

/// A column's planned type and whether the user forced it.
struct ColumnPlan: Sendable {
    var name: String
    var type: DataType
    var isOverride: Bool
}

/// An error found while parsing, located by byte offset; turned into line and column at the end
/// (counting newlines once, only for the error that is reported).
struct PendingError: Sendable {
    enum Kind: Sendable {
        case message(String)
        case unterminatedQuote
    }
    var offset: Int
    var kind: Kind
}

/// What parsing one chunk produced.
struct CSVChunkResult: Sendable {
    var columns: [ColumnAccumulator]
    /// Columns holding a value that did not parse as the inferred type; re-inferred afterwards.
    var conflicted: [Bool]
    var rowCount = 0
    var skippedRows = 0
    var firstSkipped: PendingError?
    /// Record start offsets of skipped rows, so a re-parse of a column skips the same rows.
    var skippedRecordStarts: [Int] = []
    /// The error that stopped the chunk (a row error without `skipErrors`, or an unterminated quote).
    var fatal: PendingError?
}

/// Parses `base[start..<end]`, which must begin at a record boundary.
struct CSVChunkParser {
    let base: UnsafePointer<UInt8>
    let start: Int
    let end: Int
    let delimiter: UInt8
    let plans: [ColumnPlan]
    let skipErrors: Bool
    let expectedRows: Int
    /// Reports (bytes done, total bytes) every 16 MB when set; `progressScale` maps this chunk's
    /// bytes to the whole file's when several chunks run at once.
    let progress: (@Sendable (Int, Int) -> Void)?
    let progressTotal: Int
    let progressScale: Double
    /// `base` is a read-only file mapping: pages well behind the parser are dropped as it goes,
    /// so a load's peak memory is the table, not the table plus the whole file. (A dropped page
    /// that is touched again, by re-inference or an error's line count, reads back from the file.)
    let releasesParsedInput: Bool
    /// Bytes of `base` below this offset may be read (the whole input, beyond this chunk's end):
    /// the fast path loads whole words that can reach past a field.
    let readableEnd: Int
    /// False forces the general per-record path everywhere (tests compare both paths).
    var usesPlainBlocks = true

    /// Cell kinds of the row being assembled.
    private enum CellKind: UInt8 { case null, payload, inputString, scratchString }

    func run() -> CSVChunkResult {
        let columnCount = plans.count
        var result = CSVChunkResult(columns: [], conflicted: [])
        let fields = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: columnCount + 1)
        let payloads = UnsafeMutableBufferPointer<Int64>.allocate(capacity: columnCount)
        let kinds = UnsafeMutableBufferPointer<CellKind>.allocate(capacity: columnCount)
        var blocks = usesPlainBlocks && CSVPlainBlockIndexer.canIndex(delimiter: delimiter, columnCount: columnCount)
            ? CSVBlockParser(base: base, readableEnd: readableEnd, delimiter: delimiter, plans: plans) : nil
        defer {
            fields.deallocate()
            payloads.deallocate()
            kinds.deallocate()
            blocks?.deallocate()
        }
        let columns = plans.map { ColumnAccumulator(type: $0.type, capacity: expectedRows) }
        var conflicted = Array(repeating: false, count: columnCount)
        var rowCount = 0
        let types = plans.map(\.type)
        let overrides = plans.map(\.isOverride)
        var scratch: [UInt8] = []
        var scanner = CSVScanner(base: base, start: start, end: end, delimiter: delimiter)
        var fieldCount = 0, recordStart = start
        var nextCheckpoint = start + (1 << 24)
        var releasedUpTo = start
        // Records left to the general reader before the fast path is tried again.
        var generalRecords = 0

        rows: while true {
            if scanner.position >= nextCheckpoint {
                progress?(min(progressTotal, Int(Double(scanner.position - start) * progressScale)), progressTotal)
                if releasesParsedInput {
                    // 1 MB of slack behind the current record: nothing before it is read again.
                    releasedUpTo = InputPages.release(base, from: releasedUpTo, to: scanner.position - (1 << 20))
                }
                nextCheckpoint = scanner.position + (1 << 24)
            }
            if generalRecords == 0, blocks != nil {
                let (appended, after) = blocks!.parse(from: scanner.position, end: end, columns: columns,
                                                      conflicted: &conflicted)
                if appended > 0 {
                    rowCount += appended
                    scanner.position = after
                    continue rows
                }
                // Not a plain record (quotes, a blank line, a ragged or bad row, the input's tail).
                generalRecords = 8
            }
            if generalRecords > 0 { generalRecords -= 1 }
            let status = scanner.next(into: fields, fieldCount: &fieldCount, recordStart: &recordStart)
            switch status {
            case .endOfInput:
                break rows
            case .unterminatedQuote(let quoteStart):
                result.fatal = PendingError(offset: quoteStart, kind: .unterminatedQuote)
                break rows
            case .junkAfterQuote(let offset):
                let found = CSVText.snippet(base, offset, min(end, offset + 1))
                let error = PendingError(offset: offset, kind: .message(
                    "expected a delimiter or line end after a closing quote, found `\(found)`"))
                if result.recordRowError(error, recordStart: recordStart, skipErrors: skipErrors) { continue rows } else { break rows }
            case .record:
                break
            }
            if fieldCount != columnCount {
                let error = PendingError(offset: recordStart, kind: .message(
                    "expected \(columnCount) field\(columnCount == 1 ? "" : "s"), found \(fieldCount)"))
                if result.recordRowError(error, recordStart: recordStart, skipErrors: skipErrors) { continue rows } else { break rows }
            }
            // Phase 1: parse and validate every cell, so a bad row leaves no partial values behind.
            scratch.removeAll(keepingCapacity: true)
            for column in 0..<columnCount {
                var field = fields[column]
                if field.start == field.end {
                    // Quoted "" is an empty string in a string column; every other empty field is null.
                    if field.isQuoted, types[column] == .string {
                        kinds[column] = .scratchString
                        fields[column].start = scratch.count
                        fields[column].end = scratch.count
                    } else {
                        kinds[column] = .null
                    }
                    continue
                }
                var inScratch = false
                if field.hasDoubledQuotes {
                    let from = scratch.count
                    CSVText.appendUnescaped(base, field.start, field.end, to: &scratch)
                    field.start = from
                    field.end = scratch.count
                    fields[column] = field
                    inScratch = true
                }
                let failure: PendingError?
                if inScratch {
                    failure = scratch.withUnsafeBytes { scratchBytes in
                        Self.parseCell(UnsafeRawBufferPointer(rebasing: scratchBytes[field.start..<field.end]),
                                       type: types[column], isOverride: overrides[column], origin: field.origin,
                                       contentStart: field.origin, inScratch: true, kind: &kinds[column],
                                       payload: &payloads[column], conflicted: &conflicted[column])
                    }
                } else {
                    failure = Self.parseCell(UnsafeRawBufferPointer(start: base + field.start, count: field.end - field.start),
                                             type: types[column], isOverride: overrides[column], origin: field.origin,
                                             contentStart: field.start, inScratch: false, kind: &kinds[column],
                                             payload: &payloads[column], conflicted: &conflicted[column])
                }
                if let failure {
                    if result.recordRowError(failure, recordStart: recordStart, skipErrors: skipErrors) { continue rows } else { break rows }
                }
            }
            // Phase 2: append.
            for column in 0..<columnCount {
                switch kinds[column] {
                case .null:
                    columns[column].appendNull()
                case .payload:
                    columns[column].append(payload: payloads[column])
                case .inputString:
                    let field = fields[column]
                    columns[column].append(utf8: UnsafeRawBufferPointer(start: base + field.start, count: field.end - field.start))
                case .scratchString:
                    let field = fields[column]
                    scratch.withUnsafeBytes { scratchBytes in
                        columns[column].append(utf8: UnsafeRawBufferPointer(rebasing: scratchBytes[field.start..<field.end]))
                    }
                }
            }
            rowCount += 1
        }
        result.columns = columns
        result.rowCount = rowCount
        result.conflicted = conflicted
        return result
    }

    /// Parses one non-empty cell into `kind`/`payload`; a row error when it is bad. A value that
    /// does not fit an inferred (not overridden) type only marks the column `conflicted`.
    @inline(__always)
    private static func parseCell(_ bytes: UnsafeRawBufferPointer, type: DataType, isOverride: Bool, origin: Int,
                                  contentStart: Int, inScratch: Bool, kind: inout CellKind, payload: inout Int64,
                                  conflicted: inout Bool) -> PendingError? {
        if type == .string {
            kind = inScratch ? .scratchString : .inputString
            return CSVText.utf8Error(bytes, origin: contentStart)
        }
        if let value = TypedValueParser.parse(bytes, as: type, lenient: isOverride) {
            kind = .payload
            payload = value
            return nil
        }
        if let invalid = CSVText.utf8Error(bytes, origin: contentStart) { return invalid }
        if isOverride {
            let found = String(decoding: bytes.prefix(60), as: UTF8.self)
            return PendingError(offset: origin, kind: .message("expected \(type), found `\(found)`"))
        }
        conflicted = true
        kind = .null
        return nil
    }
}

extension CSVChunkResult {
    /// Counts a bad row; true when parsing goes on (`skipErrors`), false when it must stop.
    mutating func recordRowError(_ error: PendingError, recordStart: Int, skipErrors: Bool) -> Bool {
        if skipErrors {
            skippedRows += 1
            if firstSkipped == nil { firstSkipped = error }
            skippedRecordStarts.append(recordStart)
            return true
        }
        fatal = error
        return false
    }
}
