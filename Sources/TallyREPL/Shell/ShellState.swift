// Everything a running shell knows, in one place, handed to every dot-command.
import TallyNotebook
import TallyQuery
import TallyStore

/// The state of one shell (interactive or batch), in the manner of SQLite's `ShellState`.
public final class ShellState {
    /// The catalog, settings and engine.
    public let session: Session
    /// How result tables are printed (`.mode`, `--format`).
    public var mode: OutputMode
    /// Whether each statement's wall time is printed after it (`.timer`).
    public var isTimerOn = false
    /// Style result text (stdout is a colour terminal).
    public var isOutputColored: Bool
    /// Style diagnostics (stderr is a colour terminal).
    public var isErrorColored: Bool
    /// `table` mode shows at most this many rows; nil shows all (batch output is never cut).
    public var maxTableRows: Int?
    /// Fit `table` output to this many cells (the REPL sets the terminal's width); nil: no limit.
    public var terminalWidth: Int?
    /// A person at a terminal is typing (the REPL), rather than a script or pipe.
    public var isInteractive = false
    /// Set by `.quit`; the reading loop stops.
    public var shouldQuit = false
    /// A statement or command failed.
    public private(set) var sawFailure = false
    /// A failure was bad input data (exit status 65 wins over 1).
    public private(set) var sawBadInput = false
    /// Print each statement's result as one JSON document (`tally run --format json`) instead
    /// of in `mode`; messages then go to the output too.
    public var emitsStatementDocuments = false
    /// Every statement chunk run so far with its outcomes, for `.cells` and `.save`.
    public var cells: [CellRun] = []
    /// Parameters declared by the notebooks opened (`.open`), written back by `.save`.
    public var notebookParameters: [(name: String, value: String)] = []
    /// Results and messages.
    public let output: TextOutput
    /// Diagnostics.
    public let errorOutput: TextOutput

    public init(session: Session, mode: OutputMode = .table, output: TextOutput = .standardOutput,
                errorOutput: TextOutput = .standardError, isOutputColored: Bool = false,
                isErrorColored: Bool = false, maxTableRows: Int? = nil) {
        self.session = session
        self.mode = mode
        self.output = output
        self.errorOutput = errorOutput
        self.isOutputColored = isOutputColored
        self.isErrorColored = isErrorColored
        self.maxTableRows = maxTableRows
    }

    /// Options for rendering results now (the zone follows `set timezone`).
    public var renderOptions: RenderOptions {
        RenderOptions(formatter: ValueFormatter(zone: session.settings.zone), color: isOutputColored,
                      maxRows: maxTableRows, terminalWidth: terminalWidth)
    }

    /// Prints `table` in the current mode.
    public func show(_ table: Table) {
        output.write(ResultRenderer.render(table, mode: mode, options: renderOptions))
    }

    /// Prints a diagnostic on the error output and remembers the failure for the exit status.
    public func report(_ diagnostic: Diagnostic) {
        recordFailure(isBadInput: diagnostic.kind == .badInput)
        if diagnostic.kind == .cancelled {
            // At a terminal the tty has just echoed `^C` where the cursor was.
            errorOutput.write(isInteractive ? "\ncancelled\n" : "cancelled\n")
            return
        }
        var text = DiagnosticRenderer.render(diagnostic, color: isErrorColored)
        if !text.hasSuffix("\n") { text += "\n" }
        errorOutput.write(text)
    }

    /// Remembers a failure that was already printed.
    public func recordFailure(isBadInput: Bool = false) {
        sawFailure = true
        if isBadInput { sawBadInput = true }
    }

    /// The process exit status so far: 0, 1 for a query error, 65 for bad input data.
    public var exitStatus: Int32 { sawBadInput ? 65 : sawFailure ? 1 : 0 }
}
