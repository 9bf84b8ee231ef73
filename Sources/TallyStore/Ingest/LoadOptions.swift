// What a caller can ask of a load: format, type overrides, leniency, progress.

/// The file formats the loader reads.
public enum SourceFormat: String, Sendable, Equatable {
    case csv
    case jsonLines = "jsonl"
}

/// How a table should be loaded.
public struct LoadOptions: Sendable {
    /// Nil: decided from the file name (`.json`, `.jsonl`, `.ndjson` → JSON Lines) and content.
    public var format: SourceFormat?
    /// Column types that override inference, by column name.
    public var typeOverrides: [String: DataType]
    /// Load the good rows and report bad ones instead of failing on the first.
    public var skipErrors: Bool
    /// Nil: sniffed from the first lines (`,` `;` tab `|`).
    public var delimiter: UInt8?
    /// Called now and then with (bytes done, bytes total); never from more than one thread at once.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// False makes the CSV reader use its general per-record path for every record instead of
    /// the column-at-a-time path for plain records; tests compare the two.
    var usesPlainBlocks = true

    public init(format: SourceFormat? = nil, typeOverrides: [String: DataType] = [:], skipErrors: Bool = false,
                delimiter: UInt8? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.format = format
        self.typeOverrides = typeOverrides
        self.skipErrors = skipErrors
        self.delimiter = delimiter
        self.progress = progress
    }
}

/// What the loader reports besides the table.
public struct LoadReport: Sendable, Equatable {
    /// Rows skipped under `skipErrors`.
    public var skippedRows: Int
    /// The first skipped row's error, if any.
    public var firstSkipped: LoadError?

    public init(skippedRows: Int = 0, firstSkipped: LoadError? = nil) {
        self.skippedRows = skippedRows
        self.firstSkipped = firstSkipped
    }
}

/// A load failure, located in the source: file, 1-based line and column (bytes within the line).
public struct LoadError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form compilers use so editors can jump to it.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
