// Entry point of ingest: reads a CSV or JSON Lines file (or bytes) into a Table.

/// Loads tables from files and byte buffers.
public enum TableLoader {
    /// Reads the file at `path`. Throws `LoadError` naming file, line and column of the first fault
    /// (unless `options.skipErrors`, in which case bad rows are counted in the report).
    public static func load(path: String, options: LoadOptions = LoadOptions()) throws(LoadError) -> (Table, LoadReport) {
        throw LoadError(file: path, line: 1, column: 1, message: "loading is not implemented yet")
    }

    /// Reads `bytes` (for example all of stdin); `name` is used in error messages.
    public static func load(bytes: [UInt8], name: String, options: LoadOptions = LoadOptions()) throws(LoadError) -> (Table, LoadReport) {
        throw LoadError(file: name, line: 1, column: 1, message: "loading is not implemented yet")
    }
}
