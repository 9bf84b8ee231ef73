// .save, .open, .cells and .drop in process.
//
// Test plan
//   nbcmd-1  cells are recorded per input (errors included); .cells lists them; .drop removes one
//   nbcmd-2  .drop with a bad number gets a caret
//   nbcmd-3  .save writes the exact notebook (table mode, errors located in the file), atomically
//   nbcmd-4  .open runs the cells, sets the parameters, and its cells join the session's
import Foundation
import TallyNotebook
import TallyQuery
import TallyREPL
import XCTest

final class NotebookCommandTests: XCTestCase {
    func test_nbcmd1_cellsAndDrop() throws {
        let harness = try ShellHarness()
        harness.shell.execute(SourceText(origin: "<repl>", text: "events | count"), stopOnError: true)
        harness.shell.execute(SourceText(origin: "<repl>", text: "events | where nope\n  | take 1"), stopOnError: true)
        harness.shell.execute(SourceText(origin: "<repl>", text: "let e = events"), stopOnError: true)
        harness.output.text = ""
        XCTAssertTrue(harness.shell.runDotCommand(".cells"))
        XCTAssertEqual(harness.output.text, """
            1  ok     events | count
            2  error  events | where nope …
            3  ok     let e = events

            """)
        XCTAssertTrue(harness.shell.runDotCommand(".drop 2"))
        XCTAssertEqual(harness.shell.cells.map(\.code), ["events | count", "let e = events"])
    }

    func test_nbcmd2_dropBadNumber() throws {
        let harness = try ShellHarness()
        XCTAssertFalse(harness.shell.runDotCommand(".drop 1"))
        XCTAssertEqual(harness.errors.text, """
            .drop 1
                  ^--- no cell 1; there are no cells
            Use ".help .drop" for more.

            """)
    }

    func test_nbcmd3_saveWritesTheNotebook() throws {
        let harness = try ShellHarness()
        harness.shell.execute(SourceText(origin: "<repl>", text: "events | count"), stopOnError: true)
        harness.shell.execute(SourceText(origin: "<repl>", text: "events | where nope"), stopOnError: true)
        let folder = NSTemporaryDirectory() + "tally-save-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertTrue(harness.shell.runDotCommand(".save \(folder)/s.md"))
        XCTAssertTrue(harness.output.text.hasSuffix("saved 2 cells to \(folder)/s.md\n"))
        XCTAssertEqual(try String(contentsOfFile: folder + "/s.md", encoding: .utf8), """
            ```tally
            events | count
            ```

            ```output
            ┌───────┐
            │ count │
            │ int   │
            ├───────┤
            │     4 │
            └───────┘
            1 row
            ```

            ```tally
            events | where nope
            ```

            ```output
            error: unknown column `nope`
              --> s.md:16:16
               |
            16 | events | where nope
               |                ^^^^
            ```

            """)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["s.md"])
    }

    func test_nbcmd4_openRunsCells() throws {
        let harness = try ShellHarness()
        let folder = NSTemporaryDirectory() + "tally-open-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "---\nparams:\n  who: u1\n---\nProse.\n```tally\nlet mine = events | where user_id == $who\n```\n```tally\nmine | count\n```\n"
            .write(toFile: folder + "/o.md", atomically: false, encoding: .utf8)
        XCTAssertTrue(harness.shell.runDotCommand(".open \(folder)/o.md"))
        // Outside the REPL, confirmations go to the error output with the diagnostics.
        XCTAssertEqual(harness.errors.text, "mine: 2 rows\n")
        XCTAssertEqual(harness.output.text, """
            ┌───────┐
            │ count │
            │ int   │
            ├───────┤
            │     2 │
            └───────┘
            1 row

            """)
        XCTAssertEqual(harness.shell.session.parameters, ["who": .string("u1")])
        XCTAssertEqual(harness.shell.cells.count, 2)
        XCTAssertEqual(harness.shell.notebookParameters.map(\.name), ["who"])
        XCTAssertFalse(harness.shell.runDotCommand(".open \(folder)/missing.md"))
        XCTAssertTrue(harness.errors.text.contains("^--- cannot read: No such file or directory"), harness.errors.text)
    }
}
