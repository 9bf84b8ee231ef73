// Errors are data: what went wrong, where in the source, and hints. Rendering happens elsewhere.
import TallyStore

/// A piece of program text that diagnostics point into.
public struct SourceText: Sendable, Equatable {
    /// Where the text came from: a file name, `<command line>`, `<stdin>`, or `<repl>`.
    public var origin: String
    public var text: String
    /// Line number of the text's first line within `origin` (a REPL chunk or a later stdin statement).
    public var firstLine: Int

    public init(origin: String, text: String, firstLine: Int = 1) {
        self.origin = origin
        self.text = text
        self.firstLine = firstLine
    }
}

/// A half-open range of UTF-8 byte offsets into a `SourceText`.
public struct SourceSpan: Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// An error (or warning) about a program, located in its source.
public struct Diagnostic: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Malformed program text.
        case syntax
        /// Unknown table, column, function or stage; wrong types; bad arguments.
        case semantic
        /// Failed while running (division by zero is null, so: I/O, limits, cancellation).
        case runtime
        /// A data file that cannot be read as asked (maps to exit status 65).
        case badInput
        /// The user pressed Ctrl-C.
        case cancelled
    }

    public var kind: Kind
    public var message: String
    public var span: SourceSpan?
    public var source: SourceText?
    /// Extra lines such as "did you mean `user_id`?".
    public var hints: [String]
    /// For `badInput`: the file location of the fault.
    public var loadError: LoadError?

    public init(kind: Kind, message: String, span: SourceSpan? = nil, source: SourceText? = nil,
                hints: [String] = [], loadError: LoadError? = nil) {
        self.kind = kind
        self.message = message
        self.span = span
        self.source = source
        self.hints = hints
        self.loadError = loadError
    }
}
