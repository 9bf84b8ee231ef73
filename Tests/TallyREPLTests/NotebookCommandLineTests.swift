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
//   nbcli-6  kill -9 at random moments during replay never leaves a truncated or mixed notebook
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

        // Measure one whole run, then kill runs at random moments across it (most near the end,
        // where the write happens).
        let started = Date()
        try runToCompletion(path)
        let duration = Date().timeIntervalSince(started)
        XCTAssertEqual(try read(path), new)
        var sawOld = 0, sawNew = 0
        for attempt in 0..<15 {
            try old.write(toFile: path, atomically: false, encoding: .utf8)
            let fraction = attempt < 3 ? Double.random(in: 0...1) : Double.random(in: 0.6...1.05)
            let process = try start(path)
            usleep(useconds_t(duration * fraction * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let content = try read(path)
            XCTAssertTrue(content == old || content == new,
                          "attempt \(attempt): the notebook is neither the old nor the new content (\(content.utf8.count) bytes)")
            if content == old { sawOld += 1 } else if content == new { sawNew += 1 }
        }
        XCTAssertEqual(sawOld + sawNew, 15)
    }

    func test_nbcli7_fingerprintsAndMalformed() throws {
        try "a\n1\n".write(toFile: folder + "/d.csv", atomically: false, encoding: .utf8)
        let path = folder + "/f.md"
        try "---\ntitle: F\n---\n```tally\nload \"d.csv\" as d\n```\n".write(toFile: path, atomically: false, encoding: .utf8)
        let first = try TallyBinary.run(["replay", path, "--no-demo"])
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertEqual(try read(path), """
            ---
            title: F
            data:
              - path: d.csv
                size: 4
                hash: fnv1a64:77e7a981f05832c9
            ---
            ```tally
            load "d.csv" as d
            ```

            ```output
            loaded 1 row into d
            ```

            """)
        try "a\n2\n".write(toFile: folder + "/d.csv", atomically: false, encoding: .utf8)
        let changed = try TallyBinary.run(["replay", path, "--check", "--no-demo"])
        XCTAssertEqual(changed.status, 0)
        XCTAssertEqual(changed.standardError, "warning: data file d.csv changed since the notebook was written "
                       + "(size 4 → 4, fnv1a64:77e7a981f05832c9 → fnv1a64:77dd8781f04fa47e)\n")

        try "```tally\nevents | count\n```\n```output\n".write(toFile: folder + "/m.md", atomically: false, encoding: .utf8)
        let malformed = try TallyBinary.run(["replay", folder + "/m.md", "--check"])
        XCTAssertEqual(malformed.status, 1)
        XCTAssertTrue(malformed.standardError.hasPrefix("warning: \(folder!)/m.md: line 4: the ```output fence opened here is never closed\n"),
                      malformed.standardError)
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

    private func runToCompletion(_ path: String) throws {
        let process = try start(path)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
