// Dot-commands, statement accumulation and the shell's bookkeeping, in process.
//
// Test plan
//   shell-1  .mode with a bad argument: caret under the word, help pointer, failure recorded
//   shell-2  .mode and .timer report and change state; extra arguments are refused
//   shell-3  .tables and .schema print exact tables; .schema totals
//   shell-4  .help lists every command in two columns; `.help mode` shows the manual
//   shell-5  unknown dot-command
//   shell-6  the accumulator joins lines until complete and numbers them; finish() flushes
//   shell-7  table names from paths
//   shell-8  .load of a missing file is bad input (exit status 65)
import TallyQuery
import TallyREPL
import TallyStore
import XCTest

final class ShellTests: XCTestCase {
    func test_shell1_badModeGetsCaret() throws {
        let harness = try ShellHarness()
        XCTAssertFalse(harness.shell.runDotCommand(".mode fancy"))
        XCTAssertEqual(harness.errors.text, """
            .mode fancy
                  ^--- unknown mode; choose table|csv|json|markdown
            Use ".help .mode" for more.

            """)
        XCTAssertEqual(harness.shell.exitStatus, 1)
        XCTAssertEqual(harness.shell.mode, .table)
    }

    func test_shell2_modeAndTimer() throws {
        let harness = try ShellHarness()
        XCTAssertTrue(harness.shell.runDotCommand(".mode markdown"))
        XCTAssertTrue(harness.shell.runDotCommand(".mode"))
        XCTAssertTrue(harness.shell.runDotCommand(".timer on"))
        XCTAssertTrue(harness.shell.runDotCommand(".timer"))
        XCTAssertEqual(harness.output.text, "mode: markdown\ntimer: on\n")
        XCTAssertFalse(harness.shell.runDotCommand(".timer on  off"))
        XCTAssertEqual(harness.errors.text, """
            .timer on  off
                       ^--- unexpected argument
            Use ".help .timer" for more.

            """)
        XCTAssertEqual(harness.shell.exitStatus, 1)
    }

    func test_shell3_tablesAndSchema() throws {
        let harness = try ShellHarness(mode: .csv)
        XCTAssertTrue(harness.shell.runDotCommand(".tables"))
        XCTAssertTrue(harness.shell.runDotCommand(".schema events"))
        XCTAssertEqual(harness.output.text, """
            name,rows,columns
            events,4,4
            countries,2,1
            column,type,distinct,nulls,bytes
            user_id,string,3,0,\(try column("user_id").byteCount)
            event,string,3,0,\(try column("event").byteCount)
            ts,timestamp,3,0,32
            amount,float,3,1,\(32 + (try column("amount").validity?.byteCount ?? 0))
            total: \(try ShellHarness.events().byteCount) bytes, \(Double(Int(Double(try ShellHarness.events().byteCount) / 4 * 10)) / 10) bytes/row, 4 rows

            """)
        XCTAssertFalse(harness.shell.runDotCommand(".schema nope"))
        XCTAssertTrue(harness.errors.text.hasPrefix(".schema nope\n        ^--- no table called nope\n"), harness.errors.text)
    }

    private func column(_ name: String) throws -> Column {
        try XCTUnwrap(try ShellHarness.events().column(named: name))
    }

    func test_shell4_help() throws {
        let harness = try ShellHarness()
        XCTAssertTrue(harness.shell.runDotCommand(".help"))
        let lines = harness.output.text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[0], ".help [COMMAND|PLUGIN]  List commands, or show the manual of COMMAND or PLUGIN")
        XCTAssertEqual(lines[3], ".plugins                List metric plugins: name, summary, origin")
        XCTAssertEqual(lines[4], ".load PATH [as NAME]    Load a CSV or JSON Lines file as a table")
        XCTAssertEqual(lines.prefix(DotCommands.all.count).map { $0.split(separator: " ").first.map(String.init) },
                       DotCommands.all.map(\.name))
        harness.output.text = ""
        XCTAssertTrue(harness.shell.runDotCommand(".help quit"))
        XCTAssertEqual(harness.output.text, """
            .quit
            Also: .exit

            Leave Tally (Ctrl-D does the same).
            Saves the history and exits with status 0 (or the batch status so far).

            """)
    }

    func test_shell5_unknownCommand() throws {
        let harness = try ShellHarness()
        XCTAssertFalse(harness.shell.runDotCommand(".frobnicate now", location: "<stdin>:7"))
        XCTAssertEqual(harness.errors.text, """
            <stdin>:7: .frobnicate now
                       ^--- unknown command; use .help to list them

            """)
    }

    func test_shell6_accumulatorJoinsLinesUntilComplete() {
        // A stand-in for the parser: text ending in `|` needs more.
        var accumulator = StatementAccumulator(origin: "<stdin>", locatesDotCommands: true) { text in
            text.hasSuffix("|") ? .needsMore : .complete
        }
        XCTAssertNil(accumulator.feed(""))
        XCTAssertNil(accumulator.feed("events |"))
        XCTAssertTrue(accumulator.hasPendingText)
        XCTAssertEqual(accumulator.feed("  count"),
                       .statements(SourceText(origin: "<stdin>", text: "events |\n  count", firstLine: 2)))
        XCTAssertEqual(accumulator.feed("  .tables"), .dotCommand(".tables", location: "<stdin>:4"))
        XCTAssertNil(accumulator.feed("a |"))
        accumulator.discard()
        XCTAssertFalse(accumulator.hasPendingText)
        XCTAssertNil(accumulator.feed("b |"))
        XCTAssertEqual(accumulator.finish(), .statements(SourceText(origin: "<stdin>", text: "b |", firstLine: 6)))
        XCTAssertNil(accumulator.finish())
    }

    func test_shell7_tableNamesFromPaths() {
        XCTAssertEqual(TableNaming.defaultName(forPath: "data/events.csv"), "events")
        XCTAssertEqual(TableNaming.defaultName(forPath: "/tmp/my-data.v2.jsonl"), "my_data_v2")
        XCTAssertEqual(TableNaming.defaultName(forPath: "2024.csv"), "t_2024")
        XCTAssertEqual(TableNaming.defaultName(forPath: ".hidden"), "_hidden")
        XCTAssertTrue(TableNaming.isValidName("_a1"))
        XCTAssertFalse(TableNaming.isValidName("1a"))
        XCTAssertFalse(TableNaming.isValidName("a-b"))
    }

    func test_shell8_loadOfMissingFileIsBadInput() throws {
        let harness = try ShellHarness()
        XCTAssertFalse(harness.shell.runDotCommand(".load /nonexistent/x.csv as x"))
        XCTAssertEqual(harness.shell.exitStatus, 65)
        XCTAssertNil(harness.shell.session.table(named: "x"))
        XCTAssertTrue(harness.errors.text.hasPrefix("error: "), harness.errors.text)
        XCTAssertFalse(harness.shell.runDotCommand(".load x.csv as 9"))
        XCTAssertTrue(harness.errors.text.hasSuffix("""
            .load x.csv as 9
                           ^--- a table name is letters, digits and _, not starting with a digit
            Use ".help .load" for more.

            """), harness.errors.text)
    }
}

extension ShellTests {
    /// shell-9: a cancelled statement prints one line, on its own line at a terminal, and counts as a failure.
    func test_shell9_cancellationNotice() throws {
        let harness = try ShellHarness()
        harness.shell.report(Diagnostic(kind: .cancelled, message: "cancelled"))
        harness.shell.isInteractive = true
        harness.shell.report(Diagnostic(kind: .cancelled, message: "cancelled"))
        XCTAssertEqual(harness.errors.text, "cancelled\n\ncancelled\n")
        XCTAssertEqual(harness.shell.exitStatus, 1)
    }
}
