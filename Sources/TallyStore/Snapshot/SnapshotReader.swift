// Reads a snapshot file's bytes back into a table, checking everything before trusting it.
import Dispatch

/// Loads snapshots (the format is described at `SnapshotFormat`).
///
/// Nothing in the file is trusted until checked: the header and directory against their
/// checksums, every section's place and length against the directory, every section's bytes
/// against its checksum (while they are copied), and the values that index memory (dictionary
/// codes and offsets, booleans) against their ranges. A file failing any check gives a
/// `LoadError` at line 0, column 0 and no table.
enum SnapshotReader {
    /// The table stored in `buffer` (a whole snapshot file); `name` is used in errors.
    ///
    /// - Throws: `LoadError`: `not a Tally snapshot`, `snapshot version N is newer than this Tally (M)`,
    ///   `the snapshot is truncated: …`, `checksum mismatch: the file is damaged`, `the snapshot is damaged: …`.
    /// - Complexity: O(file size): each byte is read once and copied once, columns on two cores.
    static func read(_ buffer: UnsafeRawBufferPointer, name: String) throws(LoadError) -> Table {
        let fail = { (message: String) in LoadError(file: name, line: 0, column: 0, message: message) }
        let mismatch = fail("checksum mismatch: the file is damaged")
        guard SnapshotFormat.hasMagic(buffer) else { throw fail("not a Tally snapshot") }
        guard buffer.count >= SnapshotFormat.headerSize else {
            throw fail("the snapshot is truncated: it has \(buffer.count) bytes, fewer than its \(SnapshotFormat.headerSize)-byte header")
        }
        let header = SnapshotHeader(reading: buffer)
        guard header.version <= SnapshotFormat.version else {
            throw fail("snapshot version \(header.version) is newer than this Tally (\(SnapshotFormat.version))")
        }
        guard SnapshotHash.hash(buffer.baseAddress, count: 48) == header.headerChecksum else { throw mismatch }
        guard header.fileLength >= 0, buffer.count >= header.fileLength else {
            throw fail("the snapshot is truncated: it has \(buffer.count) of its \(header.fileLength) bytes")
        }
        guard buffer.count == header.fileLength else {
            throw fail("the snapshot is damaged: \(buffer.count - header.fileLength) unexpected bytes after its end")
        }
        let directoryEnd = SnapshotFormat.headerSize + header.directoryLength
        guard header.version >= 1, header.rowCount >= 0, header.columnCount >= 0, header.directoryLength >= 0,
              header.directoryLength % 8 == 0, directoryEnd <= header.fileLength else {
            throw fail("the snapshot is damaged: its header is inconsistent")
        }
        let directory = UnsafeRawBufferPointer(rebasing: buffer[SnapshotFormat.headerSize..<directoryEnd])
        guard SnapshotHash.hash(directory) == header.directoryChecksum else { throw mismatch }

        var entries: [SnapshotColumnEntry] = []
        var offset = 0
        while entries.count < header.columnCount {
            guard let entry = SnapshotColumnEntry.decode(ByteSource(directory), at: &offset) else {
                throw fail("the snapshot is damaged: the directory entry of column \(entries.count + 1) is malformed")
            }
            let layout = SectionLayout(rowCount: header.rowCount, payloadStart: directoryEnd, fileLength: header.fileLength)
            if let problem = layout.problem(in: entry) {
                throw fail("the snapshot is damaged: column `\(entry.name)` \(problem)")
            }
            entries.append(entry)
        }
        guard offset == header.directoryLength else { throw fail("the snapshot is damaged: the directory has extra bytes") }
        if let position = nonzeroPadding(entries, from: directoryEnd, to: header.fileLength, in: buffer) {
            throw fail("the snapshot is damaged: the padding byte at offset \(position) is not zero")
        }

        let columns = try decodeColumns(entries, rowCount: header.rowCount, buffer: buffer, fail: fail)
        do {
            return try Table(zip(entries.map(\.name), columns).map { ($0, $1) })
        } catch {
            throw fail("the snapshot is damaged: \(error)")
        }
    }

    /// Decodes every column, dictionaries first (each once, however many columns share it).
    private static func decodeColumns(_ entries: [SnapshotColumnEntry], rowCount: Int, buffer: UnsafeRawBufferPointer,
                                      fail: (String) -> LoadError) throws(LoadError) -> [Column] {
        var dictionaryIndex: [Int: Int] = [:]
        var dictionaryEntries: [SnapshotColumnEntry] = []
        for entry in entries where entry.type == .string && dictionaryIndex[entry.dictionaryOffsets.offset] == nil {
            dictionaryIndex[entry.dictionaryOffsets.offset] = dictionaryEntries.count
            dictionaryEntries.append(entry)
        }
        let decoder = SnapshotColumnDecoder(buffer: buffer, rowCount: rowCount)
        let dictionaries = try parallelMap(dictionaryEntries.count) { index throws(SnapshotFault) in
            try decoder.dictionary(dictionaryEntries[index])
        }.get(names: dictionaryEntries.map(\.name), fail: fail)
        let columns = try parallelMap(entries.count) { index throws(SnapshotFault) in
            let entry = entries[index]
            let dictionary = entry.type == .string ? dictionaries[dictionaryIndex[entry.dictionaryOffsets.offset]!] : nil
            return try decoder.column(entry, dictionary: dictionary)
        }.get(names: entries.map(\.name), fail: fail)
        return columns
    }

    /// The offset of the first non-zero byte between sections, or nil. Checksums cover the sections
    /// and the header and directory cover themselves; requiring zero padding leaves no byte unchecked.
    private static func nonzeroPadding(_ entries: [SnapshotColumnEntry], from payloadStart: Int, to fileLength: Int,
                                       in buffer: UnsafeRawBufferPointer) -> Int? {
        var sections: [SnapshotSection] = []
        for entry in entries {
            sections.append(entry.values)
            if entry.hasValidity { sections.append(entry.validity) }
            if entry.type == .string { sections += [entry.dictionaryOffsets, entry.dictionaryBytes] }
        }
        var cursor = payloadStart
        for section in sections.sorted(by: { $0.offset < $1.offset }) + [SnapshotSection(offset: fileLength, length: 0, checksum: 0)] {
            while cursor < section.offset {
                if buffer[cursor] != 0 { return cursor }
                cursor += 1
            }
            cursor = max(cursor, section.offset + section.length)
        }
        return nil
    }

    /// `transform(index)` for every index below `count`, on all cores, in index order.
    private static func parallelMap<Output>(
        _ count: Int, _ transform: (Int) throws(SnapshotFault) -> Output
    ) -> ParallelOutcome<Output> {
        let slots = UncheckedSendable(UnsafeMutableBufferPointer<Result<Output, SnapshotFault>?>.allocate(capacity: max(1, count)))
        slots.value.initialize(repeating: nil)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable(transform)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                do throws(SnapshotFault) { slots.value[index] = .success(try work.value(index)) }
                catch { slots.value[index] = .failure(error) }
            }
        }
        let results = (0..<count).map { slots.value[$0]! }
        slots.value.deinitialize().deallocate()
        return ParallelOutcome(results: results)
    }
}

/// The results of a parallel decode, in element order.
struct ParallelOutcome<Output> {
    var results: [Result<Output, SnapshotFault>]

    /// The outputs, or the first failure as a `LoadError` naming its column.
    func get(names: [String], fail: (String) -> LoadError) throws(LoadError) -> [Output] {
        var outputs: [Output] = []
        outputs.reserveCapacity(results.count)
        for (result, name) in zip(results, names) {
            switch result {
            case .success(let output): outputs.append(output)
            case .failure(.checksumMismatch): throw fail("checksum mismatch: the file is damaged")
            case .failure(.invalid(let problem)): throw fail("the snapshot is damaged: column `\(name)` \(problem)")
            }
        }
        return outputs
    }
}

/// Why a section could not be decoded.
enum SnapshotFault: Error {
    case checksumMismatch
    /// A value out of range (for example a dictionary code past the dictionary's end).
    case invalid(String)
}

/// The expected places and lengths of a column's sections.
struct SectionLayout {
    var rowCount: Int
    var payloadStart: Int
    var fileLength: Int

    /// What is wrong with `entry`'s sections, or nil when every one lies inside the payload, is
    /// 8-byte aligned and has exactly the length its row and value counts require.
    func problem(in entry: SnapshotColumnEntry) -> String? {
        let isString = entry.type == .string
        guard let valuesLength = product(rowCount, entry.encoding.width) else { return "has too many rows" }
        if let problem = check(entry.values, "values", expected: valuesLength) { return problem }
        if entry.hasValidity {
            if let problem = check(entry.validity, "validity bitmap", expected: (rowCount + 63) / 64 * 8) { return problem }
        } else if entry.validity != .absent {
            return "has a validity bitmap it does not declare"
        }
        guard isString else {
            return entry.dictionaryCount == 0 && entry.dictionaryOffsets == .absent && entry.dictionaryBytes == .absent
                ? nil : "has a dictionary but is not a string column"
        }
        guard entry.dictionaryCount >= 0, let offsetsLength = product(entry.dictionaryCount + 1, 8) else {
            return "has a dictionary of impossible size"
        }
        if let problem = check(entry.dictionaryOffsets, "dictionary offsets", expected: offsetsLength) { return problem }
        return check(entry.dictionaryBytes, "dictionary bytes", expected: nil)
    }

    private func check(_ section: SnapshotSection, _ what: String, expected: Int?) -> String? {
        guard section.offset >= payloadStart, section.offset % 8 == 0, section.length >= 0,
              section.length <= fileLength - section.offset else { return "has its \(what) outside the file" }
        if let expected, section.length != expected {
            return "has \(section.length) bytes of \(what), expected \(expected)"
        }
        return nil
    }

    private func product(_ a: Int, _ b: Int) -> Int? {
        let (result, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : result
    }
}
