// Test plan: the written bytes — determinism, exact row count, header, field formats, JSON Lines,
// write errors.
import XCTest
import TallyGen

final class EventGeneratorOutputTests: XCTestCase {
    func test_sameOptions_giveIdenticalBytes() throws {
        let options = EventGenerator.Options(events: 20_000, seed: 7)
        let first = try GeneratedLog(options)
        let second = try GeneratedLog(options)
        XCTAssertEqual(first.bytes.count, second.bytes.count)
        XCTAssertTrue(first.bytes == second.bytes)
    }

    /// Pins the exact output of one seed. It guards portability (every machine must produce
    /// these bytes); a deliberate change to the model updates it, and says so in the commit.
    func test_knownSeed_givesKnownBytes() throws {
        let log = try GeneratedLog(.init(events: 10_000, seed: 7))
        XCTAssertEqual(log.lines[1...3].joined(separator: "\n"), """
            2024-01-01T02:03:38Z,u000001,signup,organic,US,web,,
            2024-01-01T02:03:55Z,u000001,app_open,organic,US,web,,
            2024-01-01T07:24:36Z,u000001,app_open,organic,US,web,,
            """)
        XCTAssertEqual(log.lines.last, "2024-04-08T23:31:57Z,u000275,view_item,paid_search,US,android,,")
        XCTAssertEqual(log.bytes.count, 581_901)
        XCTAssertEqual(Self.fnv1a(log.bytes), 0x3518_EF00_9C04_C399)
    }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }

    func test_differentSeeds_giveDifferentBytes() throws {
        let seven = try GeneratedLog(.init(events: 5_000, seed: 7))
        let eight = try GeneratedLog(.init(events: 5_000, seed: 8))
        XCTAssertFalse(seven.bytes == eight.bytes)
    }

    func test_rowCount_isExactlyEvents() throws {
        for events in [0, 1, 999, 1_000, 12_345] {
            let log = try GeneratedLog(.init(events: events, seed: 3))
            XCTAssertEqual(log.lines.count, events + 1, "events: \(events)")
            XCTAssertEqual(log.bytes.last, UInt8(ascii: "\n"))
        }
    }

    func test_header_namesColumnsInOrder() throws {
        let log = try GeneratedLog(.init(events: 10, seed: 1))
        XCTAssertEqual(log.lines.first, "ts,user_id,event,channel,country,platform,amount,score")
        XCTAssertTrue(log.rows.allSatisfy { $0.fields.count == 8 })
    }

    func test_fields_haveTheirFormats() throws {
        let log = try GeneratedLog(.init(events: 20_000, seed: 11))
        let timestamp = /^2024-\d\d-\d\dT\d\d:\d\d:\d\dZ$/
        let userId = /^u\d{6,}$/
        let amount = /^\d+\.\d\d$/
        for row in log.rows {
            XCTAssertNotNil(try timestamp.wholeMatch(in: row.ts), String(row.ts))
            XCTAssertNotNil(try userId.wholeMatch(in: row.userId), String(row.userId))
            XCTAssertTrue(["organic", "paid_search", "social", "referral", "email"].contains(row.channel))
            XCTAssertTrue(["US", "IN", "CN", "BR", "DE", "GB", "JP", "SG"].contains(row.country))
            XCTAssertTrue(["ios", "android", "web"].contains(row.platform))
            if !row.amount.isEmpty { XCTAssertNotNil(try amount.wholeMatch(in: row.amount), String(row.amount)) }
        }
    }

    func test_rows_areSortedByTime() throws {
        let rows = try GeneratedLog(.init(events: 30_000, seed: 5)).rows
        for (previous, next) in zip(rows, rows.dropFirst()) {
            XCTAssertLessThanOrEqual(previous.ts, next.ts)
        }
    }

    func test_startOption_movesTheRange() throws {
        let march = try GeneratedLog(.init(events: 2_000, seed: 5, start: 19_783))  // 2024-03-01
        XCTAssertTrue(march.rows.allSatisfy { $0.day >= "2024-03-01" })
        XCTAssertEqual(march.rows.first?.event, "signup")
    }

    func test_jsonLines_carryTheSameRowsWithNulls() throws {
        let options = EventGenerator.Options(events: 3_000, seed: 9)
        let csv = try GeneratedLog(options)
        let json = try GeneratedLog(options, format: .jsonLines)
        XCTAssertEqual(json.lines.count, 3_000)
        for (row, line) in zip(csv.rows, json.lines) {
            let amount = row.amount.isEmpty ? "null" : String(row.amount)
            let score = row.score.isEmpty ? "null" : String(row.score)
            let expected = #"{"ts":"\#(row.ts)","user_id":"\#(row.userId)","event":"\#(row.event)","#
                + #""channel":"\#(row.channel)","country":"\#(row.country)","platform":"\#(row.platform)","#
                + #""amount":\#(amount),"score":\#(score)}"#
            XCTAssertEqual(String(line), expected)
        }
    }

    func test_formatFromPath_recognisesJSONLines() {
        XCTAssertEqual(EventGenerator.OutputFormat(path: "e.JSONL"), .jsonLines)
        XCTAssertEqual(EventGenerator.OutputFormat(path: "e.ndjson"), .jsonLines)
        XCTAssertEqual(EventGenerator.OutputFormat(path: "e.csv"), .csv)
        XCTAssertEqual(EventGenerator.OutputFormat(path: "events"), .csv)
    }

    func test_closedDescriptor_throwsWriteError() {
        XCTAssertThrowsError(try EventGenerator.write(.init(events: 10), to: -1)) { error in
            XCTAssertEqual(error as? EventGenerator.WriteError, EventGenerator.WriteError(errno: EBADF))
        }
    }

    func test_unwritablePath_namesThePath() {
        XCTAssertThrowsError(try EventGenerator.write(.init(events: 10), toPath: "/nonexistent/dir/e.csv")) { error in
            XCTAssertEqual("\(error)", "cannot write /nonexistent/dir/e.csv: No such file or directory")
        }
    }

    func test_progress_reportsRunningTotalsEndingAtEvents() throws {
        var reports: [Int] = []
        try EventGenerator.write(.init(events: 5_000, seed: 2), toPath: "/dev/null") { reports.append($0) }
        XCTAssertEqual(reports.last, 5_000)
        XCTAssertEqual(reports, reports.sorted())
    }
}

final class EventGeneratorOptionsTests: XCTestCase {
    func test_startDate_parsesISODates_only() {
        XCTAssertEqual(EventGenerator.Options.day(fromISODate: "2024-01-01"), 19_723)
        XCTAssertEqual(EventGenerator.Options.day(fromISODate: "2024-02-29"), 19_782)
        XCTAssertNil(EventGenerator.Options.day(fromISODate: "2023-02-29"))
        XCTAssertNil(EventGenerator.Options.day(fromISODate: "2024-1-01"))
        XCTAssertNil(EventGenerator.Options.day(fromISODate: "2024-01-01T00:00:00Z"))
        XCTAssertNil(EventGenerator.Options.day(fromISODate: "yesterday"))
    }

    func test_defaults_areDocumented() {
        let options = EventGenerator.Options(events: 100_000)
        XCTAssertEqual(options.seed, 42)
        XCTAssertEqual(options.start, 19_723)
        XCTAssertEqual(options.days, 90)
        XCTAssertEqual(options.plannedUsers, 2_500)
        XCTAssertEqual(EventGenerator.Options(events: 10).plannedUsers, 1)
    }
}
