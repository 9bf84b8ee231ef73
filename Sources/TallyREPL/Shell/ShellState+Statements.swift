// Running program text and dot-commands, and printing what comes back.
import TallyNotebook
import TallyQuery
import TallyStore

extension ShellState {
    /// Runs the statements in `source`, printing each result as it arrives.
    /// - Returns: true when everything succeeded.
    @discardableResult
    public func execute(_ source: SourceText, stopOnError: Bool) -> Bool {
        // The interactive loop clears the flag at the prompt, so a Ctrl-C typed between Enter and
        // the start of the query is not lost; elsewhere nothing else clears it.
        if !isInteractive { session.cancellation.reset() }
        var wasCancelled = false
        var outcomes: [CellOutcome] = []
        let isOK = session.run(source, stopOnError: stopOnError) { event in
            outcomes.append(CellOutcome(event, zone: session.settings.zone))
            switch event {
            case .result(let result) where emitsStatementDocuments:
                output.write(StatementDocument.render(result, formatter: renderOptions.formatter))
            case .result(let result):
                switch result.output {
                case .table(let table): showResult(table, chart: result.chart)
                // Confirmations ("loaded 1000 rows into e") would corrupt CSV or JSON on stdout
                // in batch use, so outside the REPL they go to stderr with the diagnostics.
                case .message(let message): (isInteractive ? output : errorOutput).write(message + "\n")
                case .none: break
                }
                if isTimerOn {
                    (isInteractive ? output : errorOutput).write("time: \(Self.describe(result.elapsed))\n")
                }
            case .failure(let diagnostic):
                if diagnostic.kind == .cancelled { wasCancelled = true }
                report(diagnostic)
            }
        }
        // An engine that stopped early on Ctrl-C without saying so is still reported once.
        let isCancelled = session.cancellation.isCancelled
        if isCancelled && !wasCancelled && !isOK {
            errorOutput.write(isInteractive ? "\ncancelled\n" : "cancelled\n")
        }
        session.cancellation.reset()
        // Kept as a notebook cell (`.save`), unless Ctrl-C cut it short.
        if !wasCancelled && !isCancelled { cells.append(CellRun(code: source.text, outcomes: outcomes)) }
        return isOK
    }

    /// Prints a query's result. A `| chart …` request is drawn under it in `table` mode when
    /// stdout is a terminal (`RequestedChart`); otherwise, in the REPL on a colour terminal, a
    /// small chart follows when the result has a chart's shape (see `ResultCharts`).
    func showResult(_ table: Table, chart: ChartSpec? = nil) {
        show(table)
        if let chart {
            guard wantsRequestedCharts else { return }
            let text = RequestedChart.render(chart, table: table, options: renderOptions)
            if !text.isEmpty { output.write("\n" + text) }
            return
        }
        guard wantsCharts else { return }
        let chart = ResultCharts.render(table, options: renderOptions)
        if !chart.isEmpty { output.write("\n" + chart) }
    }

    /// Charts are for people: interactive, colour, `table` mode.
    var wantsCharts: Bool { isInteractive && isOutputColored && mode == .table }

    /// A chart someone asked for is drawn in `table` mode whenever stdout is a terminal
    /// (coloured, or the REPL measured its width), never into a pipe or file.
    var wantsRequestedCharts: Bool { mode == .table && (isOutputColored || terminalWidth != nil) }

    /// Runs one chunk read by a `StatementAccumulator`.
    @discardableResult
    public func execute(_ chunk: InputChunk, stopOnError: Bool) -> Bool {
        switch chunk {
        case .statements(let source): return execute(source, stopOnError: stopOnError)
        case .dotCommand(let line, let location): return runDotCommand(line, location: location)
        }
    }

    /// Runs a `.command` line, reporting argument errors with a caret under the offending word.
    @discardableResult
    public func runDotCommand(_ line: String, location: String? = nil) -> Bool {
        let words = DotCommandLine(line)
        guard let first = words.words.first else { return true }
        guard let command = DotCommands.named(first.text) else {
            reportDotError(DotCommandError("unknown command; use .help to list them", word: 0), in: words,
                           location: location)
            return false
        }
        do {
            try command.run(DotCommandArguments(line: words), in: self)
            return true
        } catch let error as DotCommandError {
            reportDotError(error, in: words, location: location)
            return false
        } catch let diagnostic as Diagnostic {
            report(diagnostic)
            return false
        } catch {
            recordFailure()
            errorOutput.write("error: \(error)\n")
            return false
        }
    }

    private func reportDotError(_ error: DotCommandError, in line: DotCommandLine, location: String?) {
        recordFailure(isBadInput: error.isBadInput)
        errorOutput.write(error.rendered(in: line, location: location, commandName: line.words.first?.text))
    }

    /// `12.3 ms`, `1.25 s`: enough digits to compare runs.
    static func describe(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        if milliseconds < 1000 {
            return String(Double(Int(milliseconds * 10)) / 10) + " ms"
        }
        return String(Double(Int(milliseconds / 10)) / 100) + " s"
    }
}
