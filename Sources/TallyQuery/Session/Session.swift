// The engine's front door: a session holds tables and settings and runs program text.
import TallyStore
import TallyPluginAPI

/// One statement's result.
public struct StatementResult: Sendable {
    public enum Output: Sendable {
        /// A pipeline's result table.
        case table(Table)
        /// A short confirmation such as `loaded 1000 rows into events` or `timezone = UTC`.
        case message(String)
        /// Nothing to show (for example `def`).
        case none
    }

    /// The statement's text, as written (used by notebooks and `.timer`).
    public var text: String
    public var span: SourceSpan
    public var output: Output
    /// Wall time spent executing the statement.
    public var elapsed: Duration

    public init(text: String, span: SourceSpan, output: Output, elapsed: Duration) {
        self.text = text
        self.span = span
        self.output = output
        self.elapsed = elapsed
    }
}

/// What the session reports while running a program.
public enum StatementEvent: Sendable {
    case result(StatementResult)
    case failure(Diagnostic)
}

/// How `Session.isComplete` judges a piece of text typed so far.
public enum InputCompleteness: Sendable, Equatable {
    /// Ready to run (possibly with errors the parser will report).
    case complete
    /// An open bracket, an unterminated string, or a trailing `|`: keep reading lines.
    case needsMore
}

/// Session settings changed with `set`.
public struct SessionSettings: Sendable {
    public var zone: ZoneCalendar = .utc
    /// First day of the week for `week(ts)`: 0 = Monday … 6 = Sunday.
    public var weekStart: Int = 0
    public init() {}
}

/// A query session: the catalog of named tables, definitions, and settings.
///
/// PLACEHOLDER bodies: the signatures are what the REPL and the CLI build against.
public final class Session {
    public let registry: PluginRegistry
    public private(set) var settings = SessionSettings()
    /// Tables by name, in the order they were created.
    public private(set) var tables: [(name: String, table: Table)] = []
    /// Checked between batches of rows by long-running operators; set by the REPL on Ctrl-C.
    public let cancellation = CancellationFlag()

    public init(registry: PluginRegistry = PluginRegistry()) {
        self.registry = registry
    }

    public func table(named name: String) -> Table? { tables.first { $0.name == name }?.table }

    /// Adds or replaces a table (used for `--data`, demo data and stdin).
    public func register(_ table: Table, as name: String) {
        if let index = tables.firstIndex(where: { $0.name == name }) {
            tables[index] = (name, table)
        } else {
            tables.append((name, table))
        }
    }

    /// Runs every statement of `source` in order, reporting each result or failure to `emit`.
    /// A failing statement changes nothing in the session. With `stopOnError`, the first failure
    /// ends the run; a syntax error always ends it (the rest cannot be read reliably).
    /// - Returns: true when every statement succeeded.
    @discardableResult
    public func run(_ source: SourceText, stopOnError: Bool = true, emit: (StatementEvent) -> Void) -> Bool {
        emit(.failure(Diagnostic(kind: .runtime, message: "the query engine is not implemented yet", source: source)))
        return false
    }

    /// Whether `text` is a complete input or needs more lines (open brackets, strings, trailing `|`).
    public func isComplete(_ text: String) -> InputCompleteness { .complete }

    /// Names a completer can offer: stage names, function names, table names.
    public var stageNames: [String] { [] }
    public var functionNames: [String] { [] }
}

/// A flag set from a signal handler or another thread and polled by running queries.
public final class CancellationFlag: @unchecked Sendable {
    // A plain word written and read atomically by the hardware; a signal handler may set it.
    private let storage = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    public init() { storage.initialize(to: 0) }
    deinit { storage.deallocate() }
    public var isCancelled: Bool { storage.pointee != 0 }
    public func cancel() { storage.pointee = 1 }
    public func reset() { storage.pointee = 0 }
    /// Raw address, for a C signal handler to write 1 into.
    public var address: UnsafeMutablePointer<Int> { storage }
}
