// The replay sandbox: what a notebook's cells may read and write.
//
// Test plan
//   sandbox-1  reads inside the notebook's folder are allowed (relative and absolute) and remembered
//   sandbox-2  `..`, absolute paths and symlinks out of the folder are refused with the exact message
//   sandbox-3  --allow-read opens one more place; --data files likewise
//   sandbox-4  writes are refused unless under --allow-write, also through a symlinked folder
//   sandbox-5  a load refused in a cell is the cell's error and the table is not created; a missing
//              file is named as written
import Foundation
import TallyNotebook
import TallyQuery
import XCTest

final class SandboxTests: XCTestCase {
    var root: TemporaryFolder!
    var notebookFolder: String { root.path + "/nb" }
    var outside: String { root.path + "/outside" }

    override func setUpWithError() throws {
        root = try TemporaryFolder()
        for folder in [notebookFolder, outside, notebookFolder + "/sub"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        try "a,b\n1,2\n".write(toFile: notebookFolder + "/sub/in.csv", atomically: false, encoding: .utf8)
        try "a,b\n3,4\n".write(toFile: outside + "/secret.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: notebookFolder + "/link.csv", withDestinationPath: outside + "/secret.csv")
        try FileManager.default.createSymbolicLink(atPath: notebookFolder + "/linkdir", withDestinationPath: outside)
    }

    var real: String { FilePaths.realPath(root.path)! }

    func test_sandbox1_insideAllowed() throws {
        let sandbox = SandboxedFileAccess(baseDirectory: notebookFolder)
        XCTAssertEqual(try sandbox.checkRead("sub/in.csv"), real + "/nb/sub/in.csv")
        XCTAssertEqual(try sandbox.checkRead(notebookFolder + "/sub/../sub/in.csv"), real + "/nb/sub/in.csv")
        XCTAssertEqual(sandbox.readPaths, [real + "/nb/sub/in.csv"])
    }

    func test_sandbox2_escapesRefused() {
        let sandbox = SandboxedFileAccess(baseDirectory: notebookFolder)
        for path in ["../outside/secret.csv", outside + "/secret.csv", "link.csv", "linkdir/secret.csv", "sub/../../outside/secret.csv"] {
            XCTAssertThrowsError(try sandbox.checkRead(path), path) { error in
                XCTAssertEqual(error as? FileAccessDenied, FileAccessDenied(
                    "reading \"\(path)\" is not allowed: it is outside the notebook's folder",
                    hints: ["allow it with `tally replay --allow-read PATH` or `--data`"]))
            }
        }
        XCTAssertEqual(sandbox.readPaths, [])
    }

    func test_sandbox3_allowRead() throws {
        let sandbox = SandboxedFileAccess(baseDirectory: notebookFolder, readable: [outside])
        XCTAssertEqual(try sandbox.checkRead("link.csv"), real + "/outside/secret.csv")
        let single = SandboxedFileAccess(baseDirectory: notebookFolder, readable: [outside + "/secret.csv"])
        XCTAssertEqual(try single.checkRead("../outside/secret.csv"), real + "/outside/secret.csv")
        XCTAssertThrowsError(try single.checkRead("../outside/other.csv"))
    }

    func test_sandbox4_writes() throws {
        let closed = SandboxedFileAccess(baseDirectory: notebookFolder)
        XCTAssertThrowsError(try closed.checkWrite("out.tally")) { error in
            XCTAssertEqual(error as? FileAccessDenied, FileAccessDenied(
                "writing \"out.tally\" is not allowed during replay",
                hints: ["allow a folder with `tally replay --allow-write PATH`"]))
        }
        let open = SandboxedFileAccess(baseDirectory: notebookFolder, writable: ["sub"])
        XCTAssertEqual(try open.checkWrite("sub/new.tally"), real + "/nb/sub/new.tally")
        for path in ["out.tally", "sub/../out.tally", "linkdir/x.tally", outside + "/x.tally", "../outside/x.tally"] {
            XCTAssertThrowsError(try open.checkWrite(path), path)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside), ["secret.csv"])
    }

    func test_sandbox5_refusedLoadIsTheCellsError() {
        let session = Session()
        session.fileAccess = SandboxedFileAccess(baseDirectory: notebookFolder)
        let run = CellRun.run("load \"../outside/secret.csv\" as s", in: session, origin: "nb.md")
        let text = CellOutputText.render(run, origin: "nb.md", line: 7, renderTable: { _, _ in "" })
        XCTAssertEqual(text, """
            error: reading "../outside/secret.csv" is not allowed: it is outside the notebook's folder
             --> nb.md:7:1
              |
            7 | load "../outside/secret.csv" as s
              | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
            hint: allow it with `tally replay --allow-read PATH` or `--data`

            """)
        XCTAssertNil(session.table(named: "s"))
        let allowed = CellRun.run("load \"sub/in.csv\" as t", in: session, origin: "nb.md")
        XCTAssertEqual(CellOutputText.render(allowed, origin: "nb.md", line: 1, renderTable: { _, _ in "" }),
                       "loaded 1 row into t\n")
        // A load error names the file as written, not as resolved: outputs do not depend on the folder.
        let missing = CellRun.run("load \"sub/none.csv\" as n", in: session, origin: "nb.md")
        XCTAssertEqual(CellOutputText.render(missing, origin: "nb.md", line: 3, renderTable: { _, _ in "" }), """
            error: cannot open: No such file or directory
             --> sub/none.csv:0:0
             --> nb.md:3:1
              |
            3 | load "sub/none.csv" as n
              | ^^^^^^^^^^^^^^^^^^^^^^^^

            """)
    }
}
