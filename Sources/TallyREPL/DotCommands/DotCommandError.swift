// A dot-command's complaint about its arguments, drawn with a caret under the word, like SQLite's shell.

/// A bad dot-command argument. Rendered as the line, a caret under the word, and a pointer to help:
///
///     .mode fancy
///           ^--- unknown mode; choose table|csv|json|markdown
///     Use ".help .mode" for more.
public struct DotCommandError: Error, Sendable, Equatable {
    public var message: String
    /// Index of the offending word in the whole line (0 = the command name); nil: no particular word.
    public var word: Int?
    /// The failure was bad input data (exit status 65).
    public var isBadInput: Bool

    public init(_ message: String, word: Int? = nil, isBadInput: Bool = false) {
        self.message = message
        self.word = word
        self.isBadInput = isBadInput
    }

    /// An error about argument `argument` (0 = first word after the command name).
    public init(_ message: String, argument: Int) {
        self.init(message, word: argument + 1)
    }

    /// The text printed on the error output.
    public func rendered(in line: DotCommandLine, location: String?, commandName: String?) -> String {
        let prefix = location.map { $0 + ": " } ?? ""
        var text = ""
        if let word, word < line.words.count {
            let before = String(line.line.prefix(line.words[word].offset))
            text += prefix + line.line + "\n"
            text += String(repeating: " ", count: prefix.count + DisplayWidth.width(of: before)) + "^--- " + message + "\n"
        } else if word != nil {
            // The word is missing: point just past the end of the line.
            text += prefix + line.line + "\n"
            text += String(repeating: " ", count: prefix.count + DisplayWidth.width(of: line.line) + 1)
                + "^--- " + message + "\n"
        } else {
            text += prefix + "error: " + message + "\n"
        }
        if let commandName, DotCommands.named(commandName) != nil {
            text += "Use \".help \(commandName)\" for more.\n"
        }
        return text
    }
}
