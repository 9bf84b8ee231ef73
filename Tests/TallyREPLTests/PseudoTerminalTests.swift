// End-to-end: the real `tally` binary on a pseudo-terminal — completion, history, Ctrl-C, Ctrl-D.
//
// Test plan
//   pty-1  `.sch` + Tab completes to `.schema ` (readline + our completion hook are live)
//   pty-2  a table name and an event value from the data complete (needs the CSV loader)
//   pty-3  a line entered in one run comes back with Up-arrow in the next; the file is mode 0600
//   pty-4  Ctrl-C at the prompt drops the typed text; the shell goes on
//   pty-5  Ctrl-C during a long query prints "cancelled" and returns to the prompt (needs the engine)
//   pty-6  Ctrl-D at an empty prompt exits with status 0
//   pty-7  a path after `.load` and inside `load "` completes as a file name
//   pty-8  a line ending in `|` shows the continuation prompt; Ctrl-C there drops the whole
//          statement (needs the parser's `isComplete`)
import Foundation
import XCTest

final class PseudoTerminalTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tally-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("home"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private var historyPath: String { scratch.appendingPathComponent("state/tally/history").path }

    /// Starts the REPL with a private home and state directory, no colour, a dumb terminal.
    private func startShell(_ arguments: [String] = ["--no-demo"]) throws -> PseudoTerminal {
        let environment = [
            "HOME": scratch.appendingPathComponent("home").path,
            "XDG_STATE_HOME": scratch.appendingPathComponent("state").path,
            "TERM": "dumb", "NO_COLOR": "1", "INPUTRC": "/dev/null", "LANG": "C.UTF-8",
            "PATH": "/usr/bin:/bin",
        ]
        let terminal = try PseudoTerminal(executable: try TallyBinary.path(), arguments: arguments,
                                          environment: environment)
        try terminal.expect("tally> ")
        return terminal
    }

    func test_pty1_tabCompletesDotCommand() throws {
        let terminal = try startShell()
        terminal.send(".sch\t")
        try terminal.expect(".schema ")
        terminal.send("nosuch\r")
        // The completed command really ran: it complains about its argument with a caret.
        let reply = try terminal.expect("tally> ")
        XCTAssertTrue(reply.contains(".schema nosuch\r\n        ^--- no table called nosuch"), reply)
        terminal.send("\u{4}")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    func test_pty2_tabCompletesTableNameAndEventValue() throws {
        let csv = scratch.appendingPathComponent("people.csv")
        try "user_id,event\nu1,signup\nu2,purchase\nu1,purchase\n".write(to: csv, atomically: true, encoding: .utf8)
        let probe = try TallyBinary.run(["--data", csv.path, "-c", ".tables"])
        if probe.status == 65 && probe.standardError.contains("not implemented") {
            throw XCTSkip("pty-2 needs the CSV loader (TableLoader), which this build lacks")
        }
        let terminal = try startShell(["--data", csv.path])
        terminal.send("peo\t")
        try terminal.expect("people ")
        terminal.send("| where event == \"pur\t")
        try terminal.expect("purchase\"")
        terminal.send("\u{3}")
        try terminal.expect("tally> ")
        terminal.send("\u{4}")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    func test_pty3_historyPersistsAcrossRunsWithMode0600() throws {
        let first = try startShell()
        first.send(".help .timer\r")
        try first.expect("Show how long each statement takes")
        try first.expect("tally> ")
        first.send("\u{4}")
        XCTAssertEqual(try first.waitForExit(), 0)

        let attributes = try FileManager.default.attributesOfItem(atPath: historyPath)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        XCTAssertEqual(try String(contentsOfFile: historyPath, encoding: .utf8), ".help .timer\n")

        let second = try startShell()
        second.send("\u{1B}[A")
        try second.expect(".help .timer")
        second.send("\r")
        try second.expect("Show how long each statement takes")
        try second.expect("tally> ")
        second.send("\u{4}")
        XCTAssertEqual(try second.waitForExit(), 0)
    }

    func test_pty4_ctrlCAtPromptDiscardsLine() throws {
        let terminal = try startShell()
        terminal.send(".timer on")
        try terminal.expect(".timer on")
        terminal.send("\u{3}")
        try terminal.expect("^C\r\ntally> ")
        // Had the text survived, this line would read `.timer on.timer` and fail.
        terminal.send(".timer\r")
        let reply = try terminal.expect("tally> ")
        XCTAssertTrue(reply.contains("timer: off"), reply)
        terminal.send("\u{4}")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    /// A query that runs for many seconds on the ~100k-row demo table: a self-join on the user
    /// (about 3000 users with ~33 events each, joined twice: ~10^8 rows).
    static let longRunningQuery = "events | join events on user_id | join events on user_id | count"

    func test_pty5_ctrlCDuringQueryCancelsIt() throws {
        let terminal = try startShell([])
        terminal.send(Self.longRunningQuery + "\r")
        try terminal.expect(Self.longRunningQuery)
        // If the prompt is back within a second, the query did not run long: no engine (or a
        // different syntax). That is not a pass.
        if let early = terminal.waitFor("tally> ", timeout: 1) {
            throw XCTSkip("pty-5 needs the query engine and the demo table; the query ended at once:\n\(early)")
        }
        terminal.send("\u{3}")
        let reply = try terminal.expect("tally> ", timeout: 30)
        XCTAssertTrue(reply.contains("cancelled"), reply)
        terminal.send(".timer\r")
        try terminal.expect("timer: off")
        terminal.send("\u{4}")
        // Under a fully loaded machine the exit after a cancelled multi-gigabyte join once took over
        // 30 s in the full suite (never alone); the test is about cancelling, so the exit gets room.
        XCTAssertEqual(try terminal.waitForExit(timeout: 120), 0)
    }

    func test_pty7_pathsCompleteAsFileNames() throws {
        let directory = scratch.appendingPathComponent("my-data")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: directory.appendingPathComponent("events-2024.csv").path,
                                                    contents: Data()))
        let terminal = try startShell()
        terminal.send(".load \(directory.path)/ev\t")
        try terminal.expect("\(directory.path)/events-2024.csv ")
        terminal.send("\u{3}")
        try terminal.expect("tally> ")
        terminal.send("load \"\(directory.path)/ev\t")
        try terminal.expect("\(directory.path)/events-2024.csv\" ")
        terminal.send("\u{3}")
        try terminal.expect("tally> ")
        terminal.send("\u{4}")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    func test_pty8_ctrlCAtContinuationPromptDropsTheStatement() throws {
        let terminal = try startShell()
        terminal.send("nosuchtable |\r")
        let reply = try terminal.expect("> ")
        guard reply.hasSuffix("   ...> ") else {
            throw XCTSkip("pty-8 needs Session.isComplete to report a trailing | as unfinished; got:\n\(reply)")
        }
        terminal.send("  count")
        try terminal.expect("count")
        terminal.send("\u{3}")
        try terminal.expect("^C\r\ntally> ")
        // Had the pending `nosuchtable |` survived, this would be a continuation, not a command.
        terminal.send(".timer\r")
        let after = try terminal.expect("tally> ")
        XCTAssertTrue(after.contains("timer: off"), after)
        XCTAssertFalse(after.contains("nosuchtable"), after)
        terminal.send("\u{4}")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    func test_pty6_ctrlDExitsWithStatusZero() throws {
        let terminal = try startShell()
        terminal.send("\u{4}")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }
}
