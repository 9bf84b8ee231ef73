// The interactive loop: prompt, read a line, run what is complete, repeat until Ctrl-D or .quit.
import TallyQuery

/// The REPL on a terminal. Queries run on the main thread; Ctrl-C only sets flags (see
/// `InterruptSignal`), which the engine polls while running and the line editor polls at the prompt.
public final class InteractiveShell {
    public static let prompt = "tally> "
    public static let continuationPrompt = "   ...> "

    private let shell: ShellState
    private let history: HistoryFile?

    public init(shell: ShellState, history: HistoryFile? = HistoryFile.current()) {
        self.shell = shell
        self.history = history
    }

    /// Runs until the user leaves. - Returns: the exit status (0: leaving is not a failure).
    public func run() -> Int32 {
        var accumulator = StatementAccumulator(origin: "<repl>", locatesDotCommands: false) { [shell] text in
            shell.session.isComplete(text)
        }
        // The completer reads the pending lines through this box, which the loop keeps current.
        let pending = PendingTextBox()
        let completer = Completer(shell: shell) { pending.text }
        let editor = LineEditor(history: history, completer: completer)
        InterruptSignal.install(cancellation: shell.session.cancellation.address)
        shell.isInteractive = true
        defer { editor.close() }

        while !shell.shouldQuit {
            pending.text = accumulator.pendingText
            // Read each time: the window may have been resized since the last result.
            shell.terminalWidth = TextOutput.terminalColumns(fd: 1)
            let prompt = accumulator.hasPendingText ? Self.continuationPrompt : Self.prompt
            // Nothing runs at the prompt, so an old Ctrl-C is forgotten here — and only here: one
            // pressed after Enter but before the query starts must still cancel that query.
            shell.session.cancellation.reset()
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                return 0
            case .interrupted:
                accumulator.discard()
            case .line(let line):
                editor.remember(line)
                if let chunk = accumulator.feed(line) {
                    // A chunk of the REPL numbers its lines from 1: messages show what was typed.
                    if case .statements(var source) = chunk {
                        source.firstLine = 1
                        shell.execute(source, stopOnError: true)
                    } else {
                        shell.execute(chunk, stopOnError: true)
                    }
                }
            }
        }
        return 0
    }
}

/// The unfinished statement's text, shared between the loop and the completer's closure.
final class PendingTextBox {
    var text = ""
}
