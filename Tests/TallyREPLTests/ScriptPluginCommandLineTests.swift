// Script plugins through the real executable: found in ./plugins and the XDG folder, broken ones warned about.
//
// Test plan
//   scripts-1  a `.tally` file in ./plugins and one under $XDG_CONFIG_HOME/tally/plugins are callable and listed
//   scripts-2  a script that fails when run and a duplicate name: warnings with path and line; Tally still runs
import Foundation
import XCTest

final class ScriptPluginCommandLineTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-cli-scripts-\(UUID().uuidString)")
        for sub in ["work/plugins", "config/tally/plugins"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(at: folder) }

    private func write(_ text: String, _ path: String) throws {
        try text.write(to: folder.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    private func run(_ arguments: [String]) throws -> TallyBinary.Outcome {
        try TallyBinary.run(arguments, environment: ["XDG_CONFIG_HOME": folder.appendingPathComponent("config").path],
                            workingDirectory: folder.appendingPathComponent("work"))
    }

    func test_scripts1_foundInBothFolders() throws {
        try write("# Purchases only\ndef purchases = where event == \"purchase\"\n", "work/plugins/purchases.tally")
        try write("# Row count as n\ndef n_rows = summarize n = count()\n", "config/tally/plugins/n.tally")
        let outcome = try run(["-c", "events | purchases | n_rows", "--format", "csv"])
        XCTAssertEqual(outcome.standardError, "")
        XCTAssertEqual(outcome.status, 0)
        XCTAssertTrue(outcome.standardOutput.hasPrefix("n\n"), outcome.standardOutput)
        let listing = try run(["-c", ".plugins", "--format", "csv"])
        XCTAssertTrue(listing.standardOutput.contains("purchases,Purchases only,\(folder.path)/work/plugins/purchases.tally\n"),
                      listing.standardOutput)
        XCTAssertTrue(listing.standardOutput.contains("n_rows,Row count as n,\(folder.path)/config/tally/plugins/n.tally\n"),
                      listing.standardOutput)
    }

    func test_scripts2_brokenAndDuplicateScriptsAreWarnings() throws {
        try write("def fine = count\n", "work/plugins/a.tally")
        try write("def fine = take 1\n", "config/tally/plugins/b.tally")
        try write("def broken = count\nlet x = missing | count\n", "work/plugins/c.tally")
        let outcome = try run(["-c", "events | fine", "--format", "csv"])
        XCTAssertEqual(outcome.status, 0)
        XCTAssertEqual(outcome.standardOutput, "count\n100000\n")
        XCTAssertEqual(outcome.standardError, """
            warning: \(folder.path)/config/tally/plugins/b.tally: plugin `fine` skipped: a plugin named `fine` is already registered (\(folder.path)/work/plugins/a.tally)
            warning: \(folder.path)/work/plugins/c.tally: skipped, it fails to run:
            error: unknown table `missing`
             --> \(folder.path)/work/plugins/c.tally:2:9
              |
            2 | let x = missing | count
              |         ^^^^^^^
            hint: no tables yet: `load "file.csv" as missing` creates one

            """)
    }
}
