// Gathers typed or piped lines into whole statements, asking the parser when one is complete.
import TallyQuery

/// One unit of input ready to run.
public enum InputChunk: Equatable, Sendable {
    /// Program text (one or more statements), with its origin and first line number.
    case statements(SourceText)
    /// A `.command` line; `location` is `origin:line` for messages in batch mode.
    case dotCommand(String, location: String?)
}

/// Accumulates lines until `isComplete` says the text can run, as Lua's `multiline` does.
///
/// A line beginning with `.` when nothing is pending is a dot-command. Blank lines with nothing
/// pending are skipped. Line numbers are counted so diagnostics point at the right input line.
public struct StatementAccumulator {
    public let origin: String
    private let isComplete: (String) -> InputCompleteness
    private var pendingLines: [String] = []
    private var pendingFirstLine = 1
    private var nextLineNumber = 1
    /// Whether messages carry `origin:line` (batch input) or not (the REPL).
    private let locatesDotCommands: Bool

    public init(origin: String, locatesDotCommands: Bool, isComplete: @escaping (String) -> InputCompleteness) {
        self.origin = origin
        self.locatesDotCommands = locatesDotCommands
        self.isComplete = isComplete
    }

    /// True while lines of an unfinished statement are held (the REPL shows its continuation prompt).
    public var hasPendingText: Bool { !pendingLines.isEmpty }

    /// The lines held so far, joined (the completer reads them for context).
    public var pendingText: String { pendingLines.joined(separator: "\n") }

    /// Takes one line (without its newline); returns a chunk when one is ready.
    public mutating func feed(_ line: String) -> InputChunk? {
        let lineNumber = nextLineNumber
        nextLineNumber += 1
        if pendingLines.isEmpty {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { return nil }
            if trimmed.hasPrefix(".") {
                return .dotCommand(String(trimmed), location: locatesDotCommands ? "\(origin):\(lineNumber)" : nil)
            }
            pendingFirstLine = lineNumber
        }
        pendingLines.append(line)
        let text = pendingText
        guard isComplete(text) == .complete else { return nil }
        pendingLines.removeAll()
        return .statements(SourceText(origin: origin, text: text, firstLine: pendingFirstLine))
    }

    /// At end of input: whatever is pending, complete or not (the parser then reports what is missing).
    public mutating func finish() -> InputChunk? {
        guard !pendingLines.isEmpty else { return nil }
        defer { pendingLines.removeAll() }
        return .statements(SourceText(origin: origin, text: pendingText, firstLine: pendingFirstLine))
    }

    /// Drops an unfinished statement (Ctrl-C at a continuation prompt).
    public mutating func discard() { pendingLines.removeAll() }
}
