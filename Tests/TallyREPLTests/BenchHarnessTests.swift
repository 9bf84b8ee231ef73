// The benchmark harness's result comparison, run at a small size as part of the test suite.
import Foundation
import TallyTestSupport
import XCTest

/// Runs `bench/bench.py --check-only` on 100k generated events: Tally (the debug build — speed is not the
/// point here) and DuckDB, Polars and chDB each compute DAU, retention, the funnel, RFM and NPS, and the
/// harness fails on any difference. This keeps the harness and its four formulations working between
/// full benchmark runs.
final class BenchHarnessTests: XCTestCase {
    func testEveryPeerAgreesWithTallyOnASmallLog() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("tally-bench-check-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try PythonPeer.run("bench/bench.py", arguments: [
            "--events", "100000", "--check-only", "--tally", try TallyBinary.path(),
            "--data", directory.appendingPathComponent("events.csv").path,
        ])
        let text = String(decoding: output, as: UTF8.self)
        XCTAssertTrue(text.contains("results agree: tally, duckdb, polars, chdb on 100,000 events"), text)
    }
}
