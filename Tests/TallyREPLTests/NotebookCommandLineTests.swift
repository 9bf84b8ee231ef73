// `tally replay`, `.save` from a piped session, and `tally run --param --format json`, through the real binary.
//
// Test plan
//   nbcli-1  statements and `.save` piped into tally; `replay --check` exits 0; a hand-edited output
//            makes it exit 1 with a diff naming the cell; plain replay restores the file
//   nbcli-2  every notebook in notebooks/ replays with --check (exit 0)
//   nbcli-3  a cell reading outside the notebook's folder is refused: the output records the error,
//            exit 1, and only the notebook itself changes
//   nbcli-4  --param overrides a default; --out writes elsewhere and leaves the notebook alone
//   nbcli-5  run --param --format json: one JSON document per statement
//   nbcli-7  replay records the size and hash of each file loaded, and warns when one changed;
//            a malformed notebook is reported with its line and fails --check
//   nbcli-6  kill -9 as a save starts or while it writes never leaves a truncated or mixed notebook
//            (checked to fail when the writer truncates the notebook in place)
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

final class NotebookCommandLineTests: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tally-nbcli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func test_nbcli1_saveThenCheck() throws {
        let path = folder + "/x.md"
        let saved = try TallyBinary.run([], input: """
            events | summarize n = count() by channel | sort by channel
            let buyers = events | where event == "purchase"
            buyers | count
            .save \(path)

            """)
        XCTAssertEqual(saved.status, 0, saved.standardError)
        let check = try TallyBinary.run(["replay", path, "--check"])
        XCTAssertEqual(check.status, 0, check.standardOutput + check.standardError)
        XCTAssertEqual(check.standardOutput, "")

        let original = try read(path)
        let edited = original.replacingOccurrences(of: "buyers: 1942 rows", with: "buyers: 1943 rows")
        XCTAssertNotEqual(edited, original)
        try edited.write(toFile: path, atomically: false, encoding: .utf8)
        let drift = try TallyBinary.run(["replay", path, "--check"])
        XCTAssertEqual(drift.status, 1)
        XCTAssertEqual(drift.standardOutput, """
            --- x.md cell 2 (line 20), recorded output
            +++ x.md cell 2, replayed output
            @@ -1,1 +1,1 @@
            -buyers: 1943 rows
            +buyers: 1942 rows

            """)
        XCTAssertEqual(drift.standardError, "\(path): 1 of 3 cell outputs differ\n")
        XCTAssertEqual(try read(path), edited, "--check writes nothing")

        let replay = try TallyBinary.run(["replay", path])
        XCTAssertEqual(replay.status, 0, replay.standardError)
        XCTAssertEqual(try read(path), original)
    }

    func test_nbcli2_exampleNotebooksCheck() throws {
        let notebooks = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("notebooks")
        let names = try FileManager.default.contentsOfDirectory(atPath: notebooks.path)
            .filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
        XCTAssertEqual(names, ["customer-value.md", "growth-review.md", "satisfaction.md"])
        for name in names {
            let outcome = try TallyBinary.run(["replay", notebooks.appendingPathComponent(name).path, "--check"], timeout: 60)
            XCTAssertEqual(outcome.status, 0, "\(name):\n" + outcome.standardOutput + outcome.standardError)
        }
    }

    func test_nbcli2b_htmlReportOfTheGrowthReview() throws {
        let source = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("notebooks/growth-review.md")
        let copy = folder + "/growth-review.md", report = folder + "/r.html"
        try FileManager.default.copyItem(atPath: source.path, toPath: copy)
        let outcome = try TallyBinary.run(["replay", copy, "--param", "weeks=4", "--html", report], timeout: 60)
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        let html = try read(report)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"), String(html.prefix(80)))
        // The DAU series and the funnel by channel are drawn; nothing is fetched from elsewhere.
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "<svg").count - 1, 2, html)
        XCTAssertTrue(html.contains(">avg_dau, avg_stickiness by week</title>"), html)
        XCTAssertFalse(html.contains("<script") || html.contains("src=\"http"), html)
        // Four weeks were asked for: the series has four points.
        XCTAssertTrue(html.contains("2024-03-18") && !html.contains("2024-03-11"), html)
    }

    func test_nbcli3_readOutsideIsRefused() throws {
        try FileManager.default.createDirectory(atPath: folder + "/nb", withIntermediateDirectories: true)
        try "a\n1\n".write(toFile: folder + "/secret.csv", atomically: false, encoding: .utf8)
        let path = folder + "/nb/r.md"
        try "```tally\nload \"../secret.csv\" as s\n```\n".write(toFile: path, atomically: false, encoding: .utf8)
        let outcome = try TallyBinary.run(["replay", path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.standardError, "\(path): cell 1 failed; the output records the error\n")
        XCTAssertEqual(try read(path), """
            ```tally
            load "../secret.csv" as s
            ```

            ```output
            error: reading "../secret.csv" is not allowed: it is outside the notebook's folder
             --> r.md:2:1
              |
            2 | load "../secret.csv" as s
              | ^^^^^^^^^^^^^^^^^^^^^^^^^
            hint: allow it with `tally replay --allow-read PATH` or `--data`
            ```

            """)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/nb"), ["r.md"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["nb", "secret.csv"])

        let allowed = try TallyBinary.run(["replay", path, "--allow-read", folder + "/secret.csv", "--check"])
        XCTAssertEqual(allowed.status, 1)
        XCTAssertTrue(allowed.standardOutput.contains("+loaded 1 row into s\n"), allowed.standardOutput)
    }

    func test_nbcli3b_writeOutsideIsRefusedAndNothingIsWritten() throws {
        try FileManager.default.createDirectory(atPath: folder + "/nb", withIntermediateDirectories: true)
        let path = folder + "/nb/w.md"
        let cells = ["save events to \"../escaped.tally\"", "save events to \"inside.tally\"",
                     "save events to \"\(folder!)/absolute.tally\""]
        try cells.map { "```tally\n\($0)\n```\n" }.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let outcome = try TallyBinary.run(["replay", path])
        XCTAssertEqual(outcome.status, 1)
        let notebook = try read(path)
        // Every save is refused, even inside the notebook's own folder: writing needs --allow-write.
        XCTAssertEqual(notebook.components(separatedBy: "error: writing ").count - 1, 3, notebook)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/nb"), ["w.md"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["nb"])

        let allowed = try TallyBinary.run(["replay", path, "--allow-write", folder + "/nb"])
        XCTAssertEqual(allowed.status, 1, allowed.standardError)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/nb").sorted(), ["inside.tally", "w.md"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["nb"])
    }

    func test_nbcli4_paramAndOut() throws {
        let path = folder + "/p.md"
        let text = "---\nparams:\n  n: 3\n---\n```tally\nevents | take $n | count\n```\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let outcome = try TallyBinary.run(["replay", path, "--param", "n=2", "--out", folder + "/q.md"])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertEqual(try read(path), text)
        XCTAssertEqual(try read(folder + "/q.md"), text + """

            ```output
            ┌───────┐
            │ count │
            │ int   │
            ├───────┤
            │     2 │
            └───────┘
            1 row
            ```

            """)
        let bad = try TallyBinary.run(["replay", path, "--param", "2=x"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.standardError.contains("--param 2=x: expected NAME=VALUE, as in --param weeks=4"), bad.standardError)
    }

    func test_nbcli5_runJSONDocuments() throws {
        let script = folder + "/s.tally"
        try "events | where channel == $ch | take $n | select user_id, amount\nlet x = events | take 2\n"
            .write(toFile: script, atomically: false, encoding: .utf8)
        let outcome = try TallyBinary.run(["run", script, "--param", "ch=email", "--param", "n=2", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertEqual(outcome.standardOutput, """
            {"statement":"events | where channel == $ch | take $n | select user_id, amount","columns":[{"name":"user_id","type":"string"},{"name":"amount","type":"float"}],"rows":[["u000026",null],["u000026",null]]}
            {"statement":"let x = events | take 2","message":"x: 2 rows"}

            """)
        for line in outcome.standardOutput.split(separator: "\n") {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8)))
        }
    }

    func test_nbcli6_killDuringSaveLeavesOldOrNew() throws {
        // A notebook with big outputs, so writing it takes a while, with stale (empty) outputs.
        let cell = "```tally\nevents | take 3000\n```\n\n"
        let old = String(repeating: cell, count: 10)
        let path = folder + "/big.md"
        try old.write(toFile: path, atomically: false, encoding: .utf8)
        let reference = try TallyBinary.run(["replay", path, "--out", folder + "/reference.md"], timeout: 120)
        XCTAssertEqual(reference.status, 0, reference.standardError)
        let new = try read(folder + "/reference.md")
        XCTAssertGreaterThan(new.utf8.count, 2_500_000)

        // Each run is killed at the moment the save starts (a temporary file appears or the
        // notebook itself changes), or a random 0–3 ms after it, while the bytes are being written.
        var sawOld = 0, sawNew = 0
        for attempt in 0..<12 {
            try old.write(toFile: path, atomically: false, encoding: .utf8)
            let process = try start(path)
            let oldIdentity = try fileIdentity(path)
            while process.isRunning {
                let names = try FileManager.default.contentsOfDirectory(atPath: folder)
                if names.contains(where: { $0.hasSuffix(".tmp") }) || (try? fileIdentity(path)) != oldIdentity {
                    if attempt % 3 != 0 { usleep(useconds_t.random(in: 0...3000)) }
                    kill(process.processIdentifier, SIGKILL)
                    break
                }
                usleep(200)
            }
            process.waitUntilExit()
            let content = try read(path)
            XCTAssertTrue(content == old || content == new,
                          "attempt \(attempt): the notebook is neither the old nor the new content (\(content.utf8.count) bytes)")
            if content == old { sawOld += 1 } else if content == new { sawNew += 1 }
            // A killed save may leave its temporary file behind, never a damaged notebook.
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".tmp") {
                try FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
        XCTAssertEqual(sawOld + sawNew, 12)
        XCTAssertGreaterThan(sawOld, 0, "no run was killed before its rename: the test did not test anything")
    }

    /// Inode and size: what changes when the notebook is replaced or rewritten.
    private func fileIdentity(_ path: String) throws -> [UInt64] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return [UInt64(status.st_ino), UInt64(status.st_size)]
    }

    private func start(_ path: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try TallyBinary.path())
        process.arguments = ["replay", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }
}
