// A problem found reading a notebook, with the line it is on.

/// A malformed part of a notebook. Reading goes on past it; the valid cells are kept.
public struct NotebookReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line in the file.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
