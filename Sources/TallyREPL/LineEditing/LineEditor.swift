// GNU readline through its callback interface: line editing, history, and a Ctrl-C that clears the line.
import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one prompt produced.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line (and any pending statement) is to be dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal went away.
    case endOfInput
}

// readline hands a finished line to a C callback that cannot capture context, so the line is
// parked here. Only the main thread runs readline, and these are read right after the
// `rl_callback_read_char` call that wrote them, on the same thread.
nonisolated(unsafe) private var parkedLine: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var isLineParked = false

private let receiveLine: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { line in
    parkedLine = line
    isLineParked = true
    // Removing the handler here keeps readline from printing the next prompt before we run the line.
    rl_callback_handler_remove()
}

/// The REPL's line editor. Use only on the main thread.
///
/// Why the callback interface rather than `readline()`: the blocking call restarts its `read`
/// after our SIGINT handler, so Ctrl-C could not clear the line and abandon a multi-line
/// statement. Here we wait in `poll` ourselves; a signal interrupts it and we reset the line.
public final class LineEditor {
    private let history: HistoryFile?
    private var isHistoryWritable = false
    /// Lines the history file keeps; older ones are trimmed when the shell ends.
    private let historyLimit: Int32 = 2000

    public init(history: HistoryFile?, completer: Completer?) {
        self.history = history
        tally_rl_name_program()
        // Our handler owns SIGINT; readline must not install its own around each character.
        tally_rl_set_catch_signals(0)
        ReadlineCompletion.attach(completer)
        if let history {
            isHistoryWritable = history.prepare()
            read_history(history.path)
        }
    }

    /// Shows `prompt` and edits a line until Enter, Ctrl-C or Ctrl-D.
    public func readLine(prompt: String) -> LineInput {
        InterruptSignal.clear()
        isLineParked = false
        parkedLine = nil
        rl_callback_handler_install(prompt, receiveLine)
        while !isLineParked {
            if InterruptSignal.isPending {
                abandonLine()
                return .interrupted
            }
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .endOfInput
            }
            rl_callback_read_char()
        }
        guard let line = parkedLine else {
            // Ctrl-D on an empty line: end the prompt's line so the shell's exit starts cleanly.
            writeToTerminal("\n")
            return .endOfInput
        }
        defer { free(line) }
        return .line(String(cString: line))
    }

    /// Records an entered line in memory and appends it to the history file at once, so a crash
    /// or a kill loses nothing. Blank lines and repeats of the previous entry are skipped.
    public func remember(_ line: String) {
        guard !line.allSatisfy({ $0 == " " || $0 == "\t" }) else { return }
        if let last = tally_history_last_line(), String(cString: last) == line { return }
        add_history(line)
        if let history, isHistoryWritable {
            append_history(1, history.path)
        }
    }

    /// Trims the history file to its limit; call when the shell ends.
    public func close() {
        if let history, isHistoryWritable {
            history_truncate_file(history.path, historyLimit)
        }
        ReadlineCompletion.attach(nil)
    }

    /// Ctrl-C at the prompt: show `^C`, forget the typed text, and leave the terminal as found.
    private func abandonLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_callback_handler_remove()
        writeToTerminal("^C\n")
        InterruptSignal.clear()
    }

    private func writeToTerminal(_ text: String) {
        TextOutput.standardOutput.write(text)
    }
}
