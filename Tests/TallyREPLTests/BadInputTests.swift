// Bad data files through the real binary: located errors, status 65, earlier tables untouched.
//
// Test plan
//   bad-1  ragged row, unterminated quote, invalid UTF-8, bad timestamp under an override: each
//          prints `file:line:column` and what was expected, exits 65, and the table loaded
//          before under the same name still answers with its own row count
//   bad-2  `tally gen` output loads back with exactly its row count (CSV on stdout)
//   bad-3  the same generated file loaded twice gives the same `.schema`
import Foundation
import XCTest

final class BadInputTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tally-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("good.csv", Array("a,ts\n1,2024-01-01T00:00:00Z\n2,2024-01-02T00:00:00Z\n3,2024-01-03T00:00:00Z\n".utf8))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
    }

    func test_bad1_malformedFilesAreLocatedAndLeaveTablesAlone() throws {
        let cases: [(file: String, bytes: [UInt8], with: String, location: String, message: String)] = [
            ("ragged.csv", Array("a,ts\n1,2024-01-01T00:00:00Z\n2\n".utf8), "",
             "ragged.csv:3:1", "expected 2 fields, found 1"),
            ("quote.csv", Array("a,ts\n1,\"2024-01-01\n".utf8), "",
             "quote.csv:2:3", "unterminated quoted field starting at line 2"),
            ("utf8.csv", Array("a,ts\n1,".utf8) + [0xFF, 0xFE] + Array("\n".utf8), "",
             "utf8.csv:2:3", "expected UTF-8 text, found invalid byte 0xFF"),
            ("stamp.csv", Array("a,ts\n1,2024-01-01T00:00:00Z\n2,2024-13-01T00:00:00Z\n".utf8), " with (ts: timestamp)",
             "stamp.csv:3:3", "expected timestamp, found `2024-13-01T00:00:00Z`"),
        ]
        for bad in cases {
            try write(bad.file, bad.bytes)
            let script = """
                load "good.csv" as t
                load "\(bad.file)" as t\(bad.with)
                t | count

                """
            let outcome = try TallyBinary.run(["--no-demo", "--format", "csv"], input: script,
                                              workingDirectory: directory)
            XCTAssertEqual(outcome.status, 65, bad.file)
            XCTAssertEqual(outcome.standardOutput, "count\n3\n", bad.file)
            let lines = outcome.standardError.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, "loaded 3 rows into t", bad.file)
            XCTAssertTrue(lines.contains("error: \(bad.message)"), "\(bad.file): \(outcome.standardError)")
            XCTAssertTrue(lines.contains(" --> \(bad.location)"), "\(bad.file): \(outcome.standardError)")
        }
    }

    func test_bad2_generatedLogLoadsBackWithItsRowCount() throws {
        let path = directory.appendingPathComponent("e.csv").path
        let generated = try TallyBinary.run(["gen", "--events", "20000", "--seed", "7", "--output", path])
        XCTAssertEqual(generated.status, 0, generated.standardError)
        let outcome = try TallyBinary.run(["-c", "load \"\(path)\" as e; e | count", "--format", "csv"])
        XCTAssertEqual(outcome.status, 0, outcome.standardError)
        XCTAssertEqual(outcome.standardOutput, "count\n20000\n")
    }

    func test_bad3_sameFileTwiceGivesTheSameSchema() throws {
        let path = directory.appendingPathComponent("e.csv").path
        XCTAssertEqual(try TallyBinary.run(["gen", "--events", "5000", "--seed", "3", "--output", path]).status, 0)
        let first = try TallyBinary.run(["--data", "e=\(path)", "-c", ".schema e"])
        let second = try TallyBinary.run(["--data", "e=\(path)", "-c", ".schema e"])
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertTrue(first.standardOutput.contains("user_id"), first.standardOutput)
        XCTAssertEqual(first.standardOutput, second.standardOutput)
    }
}
