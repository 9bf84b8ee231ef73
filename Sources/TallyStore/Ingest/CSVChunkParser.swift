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

    /// Cell kinds of the row being assembled.
    private enum CellKind: UInt8 { case null, payload, inputString, scratchString }

    func run() -> CSVChunkResult {
        let columnCount = plans.count
        var result = CSVChunkResult(
            columns: plans.map { ColumnAccumulator(type: $0.type, capacity: expectedRows) },
            conflicted: Array(repeating: false, count: columnCount))
        let fields = UnsafeMutableBufferPointer<CSVField>.allocate(capacity: columnCount + 1)
        let payloads = UnsafeMutableBufferPointer<Int64>.allocate(capacity: columnCount)
        let kinds = UnsafeMutableBufferPointer<CellKind>.allocate(capacity: columnCount)
        defer {
            fields.deallocate()
            payloads.deallocate()
            kinds.deallocate()
        }
        let types = plans.map(\.type)
        let overrides = plans.map(\.isOverride)
        var scratch: [UInt8] = []
        var scanner = CSVScanner(base: base, start: start, end: end, delimiter: delimiter)
        var fieldCount = 0, recordStart = 0
        var nextProgress = start + (1 << 24)

        func rowError(_ error: PendingError) -> Bool {
            if skipErrors {
                result.skippedRows += 1
                if result.firstSkipped == nil { result.firstSkipped = error }
                result.skippedRecordStarts.append(recordStart)
                return true
            }
            result.fatal = error
            return false
        }

        /// Parses one non-empty cell into `kinds`/`payloads`; a row error when it is bad.
        func parseCell(_ bytes: UnsafeRawBufferPointer, column: Int, origin: Int, contentStart: Int,
                       inScratch: Bool) -> PendingError? {
            let type = types[column]
            if type == .string {
                kinds[column] = inScratch ? .scratchString : .inputString
                return CSVText.utf8Error(bytes, origin: contentStart)
            }
            if let payload = TypedValueParser.parse(bytes, as: type, lenient: overrides[column]) {
                kinds[column] = .payload
                payloads[column] = payload
                return nil
            }
            if let invalid = CSVText.utf8Error(bytes, origin: contentStart) { return invalid }
            if overrides[column] {
                let found = String(decoding: bytes.prefix(60), as: UTF8.self)
                return PendingError(offset: origin, kind: .message("expected \(type), found `\(found)`"))
            }
            result.conflicted[column] = true
            kinds[column] = .null
            return nil
        }

        rows: while true {
            let status = scanner.next(into: fields, fieldCount: &fieldCount, recordStart: &recordStart)
            if let progress, scanner.position >= nextProgress {
                progress(min(progressTotal, Int(Double(scanner.position - start) * progressScale)), progressTotal)
                nextProgress = scanner.position + (1 << 24)
            }
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
                if rowError(error) { continue rows } else { break rows }
            case .record:
                break
            }
            if fieldCount != columnCount {
                let error = PendingError(offset: recordStart, kind: .message(
                    "expected \(columnCount) field\(columnCount == 1 ? "" : "s"), found \(fieldCount)"))
                if rowError(error) { continue rows } else { break rows }
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
                        parseCell(UnsafeRawBufferPointer(rebasing: scratchBytes[field.start..<field.end]),
                                  column: column, origin: field.origin, contentStart: field.origin, inScratch: true)
                    }
                } else {
                    failure = parseCell(UnsafeRawBufferPointer(start: base + field.start, count: field.end - field.start),
                                        column: column, origin: field.origin, contentStart: field.start, inScratch: false)
                }
                if let failure {
                    if rowError(failure) { continue rows } else { break rows }
                }
            }
            // Phase 2: append.
            scratch.withUnsafeBytes { scratchBytes in
                for column in 0..<columnCount {
                    switch kinds[column] {
                    case .null:
                        result.columns[column].appendNull()
                    case .payload:
                        result.columns[column].append(payload: payloads[column])
                    case .inputString:
                        let field = fields[column]
                        result.columns[column].append(
                            utf8: UnsafeRawBufferPointer(start: base + field.start, count: field.end - field.start))
                    case .scratchString:
                        let field = fields[column]
                        result.columns[column].append(utf8: UnsafeRawBufferPointer(rebasing: scratchBytes[field.start..<field.end]))
                    }
                }
            }
            result.rowCount += 1
        }
        return result
    }
}
