// Test plan: parallel and single-threaded parses agree on a generated multi-MB file (including
// quoted fields with newlines, nulls, re-inference and skipped rows); a 100k-event table stays
// within the memory budget of 16 bytes per (user, ts, event) row; progress is reported.

import Foundation
import XCTest
@testable import TallyStore

final class LoaderScaleTests: XCTestCase {
    /// About 6 MB of CSV with every feature that the chunk merge must get right.
    private func generatedCSV(rows: Int) -> [UInt8] {
        var text = "user,ts,event,amount,note,flag\n"
        let events = ["view", "add_to_cart", "purchase", "signup", "login", "search"]
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for row in 0..<rows {
            let user = "u\(String(next() % 5000))"
            let second = 1_700_000_000 + row * 7
            let day = 1 + row % 28
            let ts = "2024-02-\(day < 10 ? "0" : "")\(day)T\(String(format: "%02d:%02d:%02d", second / 3600 % 24, second / 60 % 60, second % 60))Z"
            let event = events[Int(next() % UInt64(events.count))]
            // Late rows turn `amount` from int into float, forcing a re-inference after the merge.
            let amount = row % 3 == 0 ? "" : (row > rows - 10 ? "\(row).5" : "\(row % 1000)")
            let note = row % 50 == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : (row % 7 == 0 ? "\"\"" : "n\(row % 100)")
            let flag = row % 11 == 0 ? "TRUE" : "false"
            text += "\(user),\(ts),\(event),\(amount),\(note),\(flag)\n"
            if row == rows / 3 { text += "ragged,row\n" }
        }
        return Array(text.utf8)
    }

    func test_parallelParse_equalsSingleThreaded() throws {
        let bytes = generatedCSV(rows: 90_000)
        XCTAssertGreaterThan(bytes.count, 4 << 20)
        let options = LoadOptions(skipErrors: true)
        let (single, singleReport) = try bytes.withUnsafeBytes {
            try TableLoader.load($0, name: "g.csv", options: options, chunkCount: 1)
        }
        let (parallel, parallelReport) = try bytes.withUnsafeBytes {
            try TableLoader.load($0, name: "g.csv", options: options, chunkCount: 2)
        }
        XCTAssertEqual(schema(single), ["user:string", "ts:timestamp", "event:string", "amount:float", "note:string", "flag:bool"])
        XCTAssertEqual(single.rowCount, 90_000)
        XCTAssertEqual(singleReport.skippedRows, 1)
        XCTAssertEqual(singleReport, parallelReport)
        assertIdentical(single, parallel)
        XCTAssertEqual(single.columns[4].value(at: 0), .string("multi\nline, \"quoted\""))
        XCTAssertEqual(single.columns[4].value(at: 7), .string(""))
        XCTAssertEqual(single.columns[3].value(at: 0), .null)
        // The same file from disk (memory-mapped, parallel by default) is identical again.
        let path = try writeTemporaryFile(bytes, suffix: ".csv")
        let (fromFile, _) = try TableLoader.load(path: path, options: options)
        assertIdentical(single, fromFile)
    }

    func test_splitInsideQuotedNewline_fallsBackToOnePiece() throws {
        // One huge quoted field spanning the middle: the first split candidate is inside quotes.
        let filler = String(repeating: "x\n", count: 3 << 20)
        let text = "a,b\n1,\"\(filler)\"\n2,y\n"
        let bytes = Array(text.utf8)
        let (single, _) = try bytes.withUnsafeBytes { try TableLoader.load($0, name: "q.csv", options: LoadOptions(), chunkCount: 1) }
        let (parallel, _) = try bytes.withUnsafeBytes { try TableLoader.load($0, name: "q.csv", options: LoadOptions(), chunkCount: 2) }
        XCTAssertEqual(single.rowCount, 2)
        assertIdentical(single, parallel)
        XCTAssertEqual(parallel.row(1), [.int(2), .string("y")])
    }

    func test_eventTable_fitsSixteenBytesPerRow() throws {
        let events = ["view", "click", "search", "add_to_cart", "remove", "checkout", "purchase", "signup",
                      "login", "logout", "share", "review"]
        var text = "user_id,ts,event\n"
        for row in 0..<100_000 {
            let user = row * 7919 % 10_000
            let seconds = 1_709_251_200 + row * 13
            text += "u\(String(format: "%06d", user)),\(seconds),\(events[row * 31 % events.count])\n"
        }
        let (table, _) = try loadText(text, options: LoadOptions(typeOverrides: ["ts": .timestamp]))
        XCTAssertEqual(schema(table), ["user_id:string", "ts:timestamp", "event:string"])
        XCTAssertEqual(table.columns[0].dictionary?.count, 10_000)
        XCTAssertEqual(table.columns[2].dictionary?.count, 12)
        let bytes = table.columns.reduce(0) { $0 + $1.byteCount }
        XCTAssertLessThanOrEqual(bytes, 16 * 100_000, "\(Double(bytes) / 100_000) bytes per row")
        XCTAssertEqual(table.row(1), [.string("u007919"), .timestamp(1_709_251_213_000_000), .string("signup")])
    }

    func test_progress_endsAtTotal() throws {
        final class Calls: @unchecked Sendable {
            var values: [(Int, Int)] = []
        }
        let calls = Calls()
        let bytes = Array("a,b\n1,2\n".utf8)
        _ = try loadBytes(bytes, options: LoadOptions(progress: { done, total in calls.values.append((done, total)) }))
        XCTAssertEqual(calls.values.last?.0, bytes.count)
        XCTAssertEqual(calls.values.last?.1, bytes.count)
    }
}
