// The lexer's output: one token with its kind, its text and where it sits in the source.
import TallyStore

/// The kinds of token. `TokenKind.description` feeds "expected X, found Y" messages.
public enum TokenKind: Equatable, Sendable, CustomStringConvertible {
    case identifier
    case integer(Int64)
    case float(Double)
    case string(String)
    /// A date literal `2024-03-01`, as days since 1970-01-01.
    case date(Int64)
    /// A timestamp literal `2024-03-01T08:00:00Z`, as µs since the epoch (UTC).
    case timestamp(Int64)
    /// A duration literal `90s`, `15m`, `500ms`, in µs.
    case duration(Int64)
    /// A punctuation or operator token, by its text: `|`, `(`, `==`, `<=`, `,` …
    case symbol(String)
    /// The end of a statement (a newline outside brackets, or `;`).
    case statementEnd
    case end

    public var description: String {
        switch self {
        case .identifier: return "a name"
        case .integer, .float: return "a number"
        case .string: return "a string"
        case .date: return "a date"
        case .timestamp: return "a timestamp"
        case .duration: return "a duration"
        case .symbol(let text): return "`\(text)`"
        case .statementEnd: return "end of statement"
        case .end: return "end of input"
        }
    }
}

/// One token. `text` is the exact source text; `span` its byte range.
public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    public var text: String
    public var span: SourceSpan
    /// A name written in backquotes: never a keyword.
    public var isQuoted = false

    /// True when this is the identifier `word` (keywords are contextual identifiers).
    func isWord(_ word: String) -> Bool {
        kind == .identifier && !isQuoted && text.lowercased() == word
    }

    func isSymbol(_ symbol: String) -> Bool { kind == .symbol(symbol) }

    /// How the token is named in messages: its text when it has one.
    var quoted: String {
        switch kind {
        case .end: return "end of input"
        case .statementEnd: return text == ";" ? "`;`" : "end of line"
        default: return "`\(text)`"
        }
    }
}
