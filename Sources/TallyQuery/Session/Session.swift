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
    /// What the pipeline's final `| chart …` stage asks to draw of the `.table` output; nil without one.
    public var chart: ChartSpec?

    public init(text: String, span: SourceSpan, output: Output, elapsed: Duration, chart: ChartSpec? = nil) {
        self.text = text
        self.span = span
        self.output = output
        self.elapsed = elapsed
        self.chart = chart
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
/// Statements run one at a time through parse → bind (logical plan) → execute; a failing
/// statement leaves tables, definitions and settings as they were.
public final class Session {
    public let registry: PluginRegistry
    public internal(set) var settings = SessionSettings()
    /// Tables by name, in the order they were created.
    public internal(set) var tables: [(name: String, table: Table)] = []
    /// `def` definitions by name.
    public internal(set) var definitions: [String: Definition] = [:]
    /// Checked between batches of rows by long-running operators; set by the REPL on Ctrl-C.
    public let cancellation = CancellationFlag()
    /// Asked at each `load` for a progress callback for that path, which then receives (bytes
    /// done, bytes total); the REPL sets it to draw progress on a terminal. The engine never prints.
    public var loadProgress: ((String) -> (@Sendable (Int, Int) -> Void)?)?
    /// Consulted before any statement reads or writes a file; nil allows every path as written.
    public var fileAccess: (any FileAccessPolicy)?
    /// Values of `$name` in program text (notebook and script parameters), substituted as literals.
    public var parameters: [String: Value] = [:]

    /// Problems found running the registry's script plugins at start, each located in its file.
    /// A script with an error is skipped as a whole; the REPL prints these as warnings.
    public private(set) var scriptDiagnostics: [Diagnostic] = []

    /// A session that can call the plugins of `registry`. The source of each script plugin is
    /// run once here, so that its `def`s exist.
    public init(registry: PluginRegistry = PluginRegistry()) {
        self.registry = registry
        loadScripts()
    }

    private func loadScripts() {
        var seen = Set<String>()
        for script in registry.scripts where seen.insert(script.path).inserted {
            let before = definitions
            let source = SourceText(origin: script.path, text: script.source)
            let succeeded = run(source, stopOnError: true) { event in
                guard case .failure(var diagnostic) = event else { return }
                if diagnostic.source == nil { diagnostic.source = source }
                scriptDiagnostics.append(diagnostic)
            }
            if !succeeded { definitions = before }
        }
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
        cancellation.reset()
        let statements: [Statement]
        do {
            statements = try Parser.parse(source, parameters: parameters)
        } catch {
            emit(.failure(error))
            return false
        }
        var succeeded = true
        for statement in statements {
            let clock = ContinuousClock()
            let started = clock.now
            do {
                let (output, chart) = try executeKeepingChart(statement, in: source)
                let result = StatementResult(text: source.slice(statement.span), span: statement.span, output: output,
                                             elapsed: clock.now - started, chart: chart)
                emit(.result(result))
            } catch {
                var diagnostic = error
                if diagnostic.source == nil { diagnostic.source = source }
                emit(.failure(diagnostic))
                succeeded = false
                if stopOnError { return false }
            }
        }
        return succeeded
    }

    /// Whether `text` is a complete input or needs more lines (open brackets, strings, trailing `|`).
    public func isComplete(_ text: String) -> InputCompleteness { InputScanner.completeness(of: text) }

    /// Names a completer can offer after `|`: built-in stages, definitions and plugins.
    public var stageNames: [String] {
        Parser.stageKeywords + definitions.keys.sorted() + registry.stageNames
    }

    /// Scalar and aggregate function names.
    public var functionNames: [String] { ExpressionBinder.functionNames.sorted() }
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
