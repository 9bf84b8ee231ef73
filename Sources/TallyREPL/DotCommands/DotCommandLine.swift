// Splits a dot-command line into words, remembering where each starts for caret messages.

/// The words of a dot-command line. Words are separated by blanks; `"…"` or `'…'` quotes a word
/// with blanks in it (the quotes are removed).
public struct DotCommandLine: Sendable {
    public struct Word: Sendable, Equatable {
        public var text: String
        /// Offset of the word's first character in `line`, in Characters.
        public var offset: Int
    }

    public let line: String
    public let words: [Word]

    public init(_ line: String) {
        self.line = line
        var words: [Word] = []
        var current = ""
        var start = 0
        var quote: Character?
        var inWord = false
        for (offset, character) in line.enumerated() {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == " " || character == "\t" {
                if inWord { words.append(Word(text: current, offset: start)) }
                current = ""
                inWord = false
            } else {
                if !inWord {
                    inWord = true
                    start = offset
                }
                if character == "\"" || character == "'" { quote = character } else { current.append(character) }
            }
        }
        if inWord { words.append(Word(text: current, offset: start)) }
        self.words = words
    }
}

/// What a dot-command receives: its arguments (the words after the command name).
public struct DotCommandArguments: Sendable {
    public let line: DotCommandLine
    /// The command's arguments; index 0 is the first word after the command name.
    public var values: [String] { line.words.dropFirst().map(\.text) }

    public init(line: DotCommandLine) { self.line = line }

    /// Fails with a caret under the first extra argument when more than `count` were given.
    public func expectAtMost(_ count: Int) throws(DotCommandError) {
        if values.count > count { throw DotCommandError("unexpected argument", argument: count) }
    }
}
