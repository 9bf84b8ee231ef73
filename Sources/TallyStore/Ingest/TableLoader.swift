// Entry point of ingest: reads a CSV or JSON Lines file (or bytes) into a Table.

/// Loads tables from files and byte buffers.
///
/// The format is `options.format` when given, else the file extension (`.json`, `.jsonl`,
/// `.ndjson` → JSON Lines, anything else → CSV), else the content: JSON Lines when the first
/// non-space byte is `{`. A snapshot (a file starting with the magic `TALLYSNP`, or any
/// `.tally` file) is read by `SnapshotReader` instead, whatever its name. See `CSVLoader` and `JSONLinesLoader` for each format's rules.
///
/// Errors name the physical line (newlines inside quoted fields count) and the byte column:
/// a row with the wrong field count points at the row's first byte; a bad value at its field's
/// first byte (the opening quote when quoted); invalid UTF-8 at the offending byte. Under
/// `skipErrors` every row-level fault skips its row; an unterminated quote (which swallows the
/// rest of the input) and a type override naming no column still fail the load.
public enum TableLoader {
    /// Reads the file at `path` through a memory map (regular files) or by reading it (pipes).
    ///
    /// - Throws: `LoadError` naming file, line and column of the first fault (unless
    ///   `options.skipErrors`, in which case bad rows are counted in the report). A file that
    ///   cannot be opened fails at line 0, column 0 with the system's reason.
    /// - Complexity: O(file size); files of 4 MB or more are parsed on two cores.
    public static func load(path: String, options: LoadOptions = LoadOptions()) throws(LoadError) -> (Table, LoadReport) {
        let file = try MappedFile(path: path)
        return try withExtendedLifetime(file) { () throws(LoadError) -> (Table, LoadReport) in
            try load(file.bytes, name: path, options: options, isFileMapping: file.isMapped)
        }
    }

    /// Reads `bytes` (for example all of stdin); `name` is used in error messages and, through
    /// its extension, to choose the format.
    public static func load(bytes: [UInt8], name: String, options: LoadOptions = LoadOptions()) throws(LoadError) -> (Table, LoadReport) {
        let outcome = bytes.withUnsafeBytes { buffer -> Result<(Table, LoadReport), LoadError> in
            do throws(LoadError) { return .success(try load(buffer, name: name, options: options)) }
            catch { return .failure(error) }
        }
        return try outcome.get()
    }

    /// - Parameter isFileMapping: `buffer` is a read-only file mapping, so pages the parser has
    ///   passed can be dropped from memory (they read back from the file if touched again).
    static func load(_ buffer: UnsafeRawBufferPointer, name: String, options: LoadOptions,
                     chunkCount: Int? = nil, isFileMapping: Bool = false) throws(LoadError) -> (Table, LoadReport) {
        if options.format == nil, SnapshotFormat.hasMagic(buffer) || name.lowercased().hasSuffix(SnapshotFormat.fileExtension) {
            guard options.typeOverrides.isEmpty else {
                throw LoadError(file: name, line: 0, column: 0,
                                message: "a snapshot keeps its column types; type overrides do not apply to it")
            }
            return (try SnapshotReader.read(buffer, name: name), LoadReport())
        }
        switch format(name: name, buffer: buffer, options: options) {
        case .csv: return try CSVLoader.load(buffer, name: name, options: options, chunkCount: chunkCount,
                                             releasesParsedInput: isFileMapping)
        case .jsonLines: return try JSONLinesLoader.load(buffer, name: name, options: options)
        }
    }

    /// The format of a source, by option, then extension, then first non-space byte.
    static func format(name: String, buffer: UnsafeRawBufferPointer, options: LoadOptions) -> SourceFormat {
        if let format = options.format { return format }
        let lowered = name.lowercased()
        for suffix in [".json", ".jsonl", ".ndjson"] where lowered.hasSuffix(suffix) { return .jsonLines }
        for suffix in [".csv", ".tsv", ".txt"] where lowered.hasSuffix(suffix) { return .csv }
        var index = 0
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { index = 3 }
        while index < buffer.count, [0x20, 0x09, 0x0A, 0x0D].contains(buffer[index]) { index += 1 }
        return index < buffer.count && buffer[index] == UInt8(ascii: "{") ? .jsonLines : .csv
    }
}
