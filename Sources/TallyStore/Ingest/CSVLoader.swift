// Loads CSV bytes into a Table: header, delimiter, type inference, parallel parse, merge.

import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The CSV half of `TableLoader`.
///
/// Steps: skip a UTF-8 BOM; choose the delimiter; read the header; infer each column's type from
/// the first 10,000 rows; parse the rows (in two chunks on two cores for inputs of 4 MB or more,
/// split at a line break that is checked to lie outside quotes); merge the chunks; re-infer any
/// column where a later value did not parse as the sampled type.
///
/// **Re-inference rule.** When a value after the sample does not parse as its column's inferred
/// type, that column alone is parsed again over all rows and given the narrowest type every value
/// fits (so `int` widens to `float`, `date` to `timestamp`, and anything else falls back to
/// `string`). A column with a type override never re-infers: a bad value is an error.
enum CSVLoader {
    static let sampleRows = 10_000
    static let parallelThreshold = 4 << 20

    /// - Parameter chunkCount: nil chooses by size and core count; tests force 1 or 2.
    /// - Parameter releasesParsedInput: `input` is a file mapping whose parsed pages may be dropped.
    static func load(_ input: UnsafeRawBufferPointer, name: String, options: LoadOptions,
                     chunkCount: Int? = nil, releasesParsedInput: Bool = false) throws(LoadError) -> (Table, LoadReport) {
        guard let raw = input.baseAddress, input.count > 0 else {
            throw LoadError(file: name, line: 1, column: 1, message: "expected a header row, found an empty input")
        }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let end = input.count
        let locate = { (error: PendingError) -> LoadError in resolve(error, base: base, name: name) }
        var start = 0
        if end >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { start = 3 }
        let delimiter = options.delimiter ?? CSVDialectSniffer.sniff(base: base, start: start, end: end)

        let header = try CSVHeader.read(base: base, start: start, end: end, delimiter: delimiter, locate: locate)
        let names = ColumnNames.unique(header.names)
        for overridden in options.typeOverrides.keys.sorted() where !names.contains(overridden) {
            throw LoadError(file: name, line: 1, column: 1,
                            message: "expected a column named `\(overridden)` for the type override, found columns "
                                + names.map { "`\($0)`" }.joined(separator: ", "))
        }
        let dataStart = header.end
        let sample = CSVSampler.infer(base: base, start: dataStart, end: end, delimiter: delimiter,
                                      columnCount: names.count, limit: sampleRows)
        let plans = names.indices.map { index -> ColumnPlan in
            if let forced = options.typeOverrides[names[index]] {
                return ColumnPlan(name: names[index], type: forced, isOverride: true)
            }
            return ColumnPlan(name: names[index], type: sample.types[index], isOverride: false)
        }

        let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let chunks = chunkCount ?? (end - dataStart >= parallelThreshold && cores > 1 ? 2 : 1)
        var (result, parts) = parse(base: base, start: dataStart, end: end, delimiter: delimiter, plans: plans,
                                    options: options, bytesPerRow: sample.bytesPerRow, chunks: chunks,
                                    releasesParsedInput: releasesParsedInput)
        if let fatal = result.fatal { throw locate(fatal) }

        let conflicted = plans.indices.filter { result.conflicted[$0] }
        if !conflicted.isEmpty {
            let rebuilt = CSVColumnReinference.rebuild(
                columns: conflicted, base: base, start: dataStart, end: end, delimiter: delimiter,
                skippedRecordStarts: Set(result.skippedRecordStarts), columnCount: plans.count)
            for (index, column) in zip(conflicted, rebuilt) { parts[index] = [column] }
        }
        result.columns = []
        options.progress?(input.count, input.count)
        let table: Table
        do {
            table = try Table(zip(names, finish(parts)).map { ($0, $1) })
        } catch {
            throw LoadError(file: name, line: 1, column: 1, message: "\(error)")
        }
        return (table, LoadReport(skippedRows: result.skippedRows, firstSkipped: result.firstSkipped.map(locate)))
    }

    /// Parses the rows, in `chunks` parallel pieces when asked and when a safe split exists.
    /// - Returns: the chunks' counts and errors combined, and each column's parts in input order.
    private static func parse(base: UnsafePointer<UInt8>, start: Int, end: Int, delimiter: UInt8,
                              plans: [ColumnPlan], options: LoadOptions, bytesPerRow: Double,
                              chunks: Int, releasesParsedInput: Bool) -> (CSVChunkResult, [[ColumnAccumulator]]) {
        // The first chunk's columns become the table's, so they are reserved for every row.
        func parser(_ from: Int, _ to: Int, scale: Double, reportsProgress: Bool) -> CSVChunkParser {
            CSVChunkParser(base: base, start: from, end: to, delimiter: delimiter, plans: plans,
                           skipErrors: options.skipErrors,
                           expectedRows: Int(Double((from == start ? end : to) - from) / max(bytesPerRow, 1) * 1.05) + 16,
                           progress: reportsProgress ? options.progress : nil, progressTotal: end,
                           progressScale: scale, releasesParsedInput: releasesParsedInput, readableEnd: end,
                           usesPlainBlocks: options.usesPlainBlocks)
        }
        func single() -> (CSVChunkResult, [[ColumnAccumulator]]) {
            let result = parser(start, end, scale: 1, reportsProgress: true).run()
            return (result, result.columns.map { [$0] })
        }
        let total = end - start
        guard chunks >= 2, let split = splitPoint(base: base, start: start, end: end) else { return single() }
        let pieces = [(start, split), (split, end)]
        let scale = Double(total) / Double(max(1, split - start))
        let jobs = UncheckedSendable(pieces.enumerated().map { index, piece in
            parser(piece.0, piece.1, scale: scale, reportsProgress: index == 0)
        })
        let slots = UncheckedSendable(UnsafeMutableBufferPointer<CSVChunkResult>.allocate(capacity: 2))
        defer { slots.value.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            (slots.value.baseAddress! + index).initialize(to: jobs.value[index].run())
        }
        var first = (slots.value.baseAddress!).move()
        let second = (slots.value.baseAddress! + 1).move()
        // A chunk boundary inside a quoted field shows up as chunk 1 running out inside a quote;
        // then the split was wrong and the file is parsed again in one piece.
        if case .unterminatedQuote = first.fatal?.kind { return single() }
        if first.fatal != nil { return (first, []) }
        if let fatal = second.fatal {
            first.fatal = fatal
            return (first, [])
        }
        let parts = zip(first.columns, second.columns).map { [$0, $1] }
        for index in first.conflicted.indices where second.conflicted[index] { first.conflicted[index] = true }
        first.rowCount += second.rowCount
        first.skippedRows += second.skippedRows
        if first.firstSkipped == nil { first.firstSkipped = second.firstSkipped }
        first.skippedRecordStarts += second.skippedRecordStarts
        return (first, parts)
    }

    /// Each column's parts joined into one `Column`, columns in parallel (copying and re-mapping
    /// the later parts' codes is the costly part, and columns are independent).
    private static func finish(_ parts: [[ColumnAccumulator]]) -> [Column] {
        let count = parts.count
        let slots = UncheckedSendable(UnsafeMutableBufferPointer<Column>.allocate(capacity: count))
        let input = UncheckedSendable(parts)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            (slots.value.baseAddress! + index).initialize(to: ColumnAccumulator.concatenate(input.value[index]))
        }
        let columns = Array(slots.value)
        slots.value.baseAddress!.deinitialize(count: count)
        slots.value.deallocate()
        return columns
    }

    /// The offset just after the first line break past the middle, or nil when there is none.
    private static func splitPoint(base: UnsafePointer<UInt8>, start: Int, end: Int) -> Int? {
        var index = start + (end - start) / 2
        while index < end, base[index] != UInt8(ascii: "\n") { index += 1 }
        guard index + 1 < end else { return nil }
        return index + 1
    }

    /// A located `LoadError` for an offset-based parse error.
    static func resolve(_ error: PendingError, base: UnsafePointer<UInt8>, name: String) -> LoadError {
        let (line, column) = CSVText.location(of: error.offset, in: base)
        switch error.kind {
        case .message(let message):
            return LoadError(file: name, line: line, column: column, message: message)
        case .unterminatedQuote:
            return LoadError(file: name, line: line, column: column,
                             message: "unterminated quoted field starting at line \(line)")
        }
    }
}
