// Loads JSON Lines bytes into a Table: one flat (or flattened) object per line.

/// The JSON Lines half of `TableLoader`.
///
/// Each non-blank line holds one JSON object. Nested objects become dotted column names
/// (`properties.plan`); arrays are kept as their JSON text in a string column. Columns are the
/// union of keys in first-seen order; a key absent from a line, or `null`, is a null.
///
/// Column types: only integers → `int`; integers and other numbers → `float`; only booleans →
/// `bool`; only strings → `date` when every one is a plain date, `timestamp` when every one is a
/// date or timestamp, else `string`; any other mix → `string`, each value as its JSON text
/// (strings decoded, numbers and booleans as written). A type override forces the type, and a
/// value that does not parse as it is an error (or a skipped row under `skipErrors`).
enum JSONLinesLoader {
    static func load(_ input: UnsafeRawBufferPointer, name: String, options: LoadOptions) throws(LoadError) -> (Table, LoadReport) {
        guard let raw = input.baseAddress, input.count > 0 else {
            return (Table.empty, LoadReport())
        }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let end = input.count
        let locate = { (error: PendingError) -> LoadError in CSVLoader.resolve(error, base: base, name: name) }
        var lineStart = 0
        if end >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { lineStart = 3 }

        var scanner = JSONLineScanner(base: base)
        var keyCodes = StringDictionaryBuilder()
        var cells: [[JSONCell]] = []
        var rowCount = 0
        var skippedRows = 0
        var firstSkipped: PendingError?
        var nextProgress = 1 << 24
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, base[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            if let progress = options.progress, lineEnd >= nextProgress {
                progress(lineEnd, end)
                nextProgress = lineEnd + (1 << 24)
            }
            if isBlank(base, lineStart, lineEnd) { continue }
            do {
                try scanner.scan(start: lineStart, end: lineEnd)
            } catch {
                let pending = PendingError(offset: error.offset, kind: .message(error.message))
                guard options.skipErrors else { throw locate(pending) }
                skippedRows += 1
                if firstSkipped == nil { firstSkipped = pending }
                continue
            }
            scanner.keys.withUnsafeBytes { keys in
                for pair in scanner.pairs {
                    let column = Int(keyCodes.intern(UnsafeRawBufferPointer(rebasing: keys[pair.keyStart..<pair.keyEnd])))
                    if column == cells.count { cells.append(Array(repeating: .null, count: rowCount)) }
                    // A key repeated in one line: the last value wins.
                    if cells[column].count > rowCount { cells[column][rowCount] = pair.cell } else { cells[column].append(pair.cell) }
                }
            }
            rowCount += 1
            for column in cells.indices where cells[column].count < rowCount { cells[column].append(.null) }
        }

        let names = keyCodes.build().strings
        for overridden in options.typeOverrides.keys.sorted() where !names.contains(overridden) {
            throw LoadError(file: name, line: 1, column: 1,
                            message: "expected a key named `\(overridden)` for the type override, found keys "
                                + names.map { "`\($0)`" }.joined(separator: ", "))
        }
        let types = names.indices.map { options.typeOverrides[names[$0]] ?? inferType(cells[$0], base: base) }
        let converter = JSONCellConverter(base: base)

        // Rows with a value that does not parse under an override are errors (or skipped).
        var badRows = Set<Int>()
        var firstBad: PendingError?
        for (index, name) in names.enumerated() where options.typeOverrides[name] != nil {
            for (row, cell) in cells[index].enumerated() where cell.kind != .null {
                if converter.payload(cell, as: types[index], lenient: true) == nil {
                    let found = String(decoding: converter.text(cell).prefix(60), as: UTF8.self)
                    let error = PendingError(offset: cell.kind == .string || cell.kind == .escapedString ? cell.start - 1 : cell.start,
                                             kind: .message("expected \(types[index]), found `\(found)`"))
                    if firstBad == nil || error.offset < firstBad!.offset { firstBad = error }
                    badRows.insert(row)
                }
            }
        }
        if let firstBad {
            guard options.skipErrors else { throw locate(firstBad) }
            skippedRows += badRows.count
            if firstSkipped == nil || firstBad.offset < firstSkipped!.offset { firstSkipped = firstBad }
        }

        var columns: [(String, Column)] = []
        for (index, name) in names.enumerated() {
            let lenient = options.typeOverrides[name] != nil
            var builder = ColumnBuilder(type: types[index], capacity: rowCount - badRows.count)
            for (row, cell) in cells[index].enumerated() where !badRows.contains(row) {
                converter.append(cell, to: &builder, lenient: lenient)
            }
            columns.append((name, builder.finish()))
        }
        options.progress?(end, end)
        let table: Table
        do { table = try Table(columns) } catch {
            throw LoadError(file: name, line: 1, column: 1, message: "\(error)")
        }
        return (table, LoadReport(skippedRows: skippedRows, firstSkipped: firstSkipped.map(locate)))
    }

    /// The type of a column from the kinds of its values (see the type rules above).
    private static func inferType(_ cells: [JSONCell], base: UnsafePointer<UInt8>) -> DataType {
        var seen = Set<JSONValueKind>()
        for cell in cells where cell.kind != .null { seen.insert(cell.kind) }
        seen.formUnion(seen.contains(.escapedString) ? [.string] : [])
        seen.remove(.escapedString)
        if seen.isEmpty { return .string }
        if seen == [.int] { return .int }
        if seen.isSubset(of: [.int, .float]) { return .float }
        if seen == [.bool] { return .bool }
        guard seen == [.string] else { return .string }
        var votes = TypeVotes()
        let converter = JSONCellConverter(base: base)
        for cell in cells where cell.kind != .null {
            converter.withText(cell) { votes.vote($0) }
            if !votes.isUndecided { return .string }
        }
        let voted = votes.inferred
        return voted == .date || voted == .timestamp ? voted : .string
    }

    private static func isBlank(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for index in start..<end {
            let byte = base[index]
            if byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
        }
        return true
    }
}
