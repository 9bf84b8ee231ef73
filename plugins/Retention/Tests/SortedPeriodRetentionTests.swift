// The time-ordered retention layout against the general layouts on random logs: every cell equal.
@testable import RetentionPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class SortedPeriodRetentionTests: XCTestCase {
    let newYork = ZoneCalendar(identifier: "America/New_York")!

    /// `rows` events of `users` users in time order (ties and empty days included) from `start`.
    private func sortedLog(rows: Int, users: Int, from start: Int64, seed: UInt64, step: Int = 3 * 3600) -> Table {
        eventTable(sortedRows(rows: rows, users: users, from: start, seed: seed, step: step))
    }

    /// Consecutive events are 0…`step` seconds apart, sometimes a few days.
    private func sortedRows(rows: Int, users: Int, from start: Int64, seed: UInt64, step: Int = 3 * 3600) -> [EventRow] {
        var state = seed
        func next(below bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        var time = start
        return (0..<rows).map { _ in
            switch next(below: 10) {
            case 0: break
            case 1 where step > 60: time += Int64(next(below: 4)) * CivilTime.microsPerDay
            default: time += Int64(next(below: step)) * CivilTime.microsPerSecond
            }
            // Later users join later, so cohorts differ in size.
            return EventRow("u\(next(below: users / 4 + users * Int(time / CivilTime.microsPerDay % 64) / 64))", time, "open")
        }
    }

    private func sortedCounts(_ table: Table, _ options: RetentionOptions, zone: ZoneCalendar,
                              endOfData: Int64?) throws -> (RetentionCounts, lastPeriod: Int64)? {
        try SortedPeriodRetention.counts(user: table.column(named: "user_id")!, time: table.column(named: "ts")!,
                                         options: options, zone: zone, weekStart: 0, endOfData: endOfData,
                                         context: PluginContext(zone: zone))
    }

    /// `runRetention` compares the plugin's table (the sorted layout here) with both general layouts.
    func test_equalsGeneralLayouts_everyPeriodAndZone_withLaterEndOfData() throws {
        let log = sortedRows(rows: 6_000, users: 400, from: utc(2024, 2, 20), seed: 3)
        let table = eventTable(log)
        // A whole input (as under `by`) whose data ends later.
        let whole = eventTable(log + [EventRow("z", utc(2024, 9, 1), "open")])
        let horizons: [CalendarPeriod: [Int64]] = [.day: [0, 3, 30], .week: [1, 4, 40], .month: [2, 12]]
        for zone in [ZoneCalendar.utc, newYork] {
            for period in CalendarPeriod.allCases {
                for horizon in horizons[period]! {
                    var options = RetentionOptions(period: period, horizon: Int(horizon))
                    XCTAssertNotNil(try sortedCounts(table, options, zone: zone, endOfData: nil))
                    let result = try runRetention(table, period: period, horizon: horizon, zone: zone)
                    XCTAssertGreaterThan(result.rowCount, 0)
                    _ = try runRetention(table, period: period, horizon: horizon, zone: zone, wholeInput: whole)
                    // Other modes and cohorts keep the general layouts.
                    options.mode = .unbounded
                    XCTAssertNil(try sortedCounts(table, options, zone: zone, endOfData: nil))
                    options = RetentionOptions(period: period, horizon: Int(horizon), cohortKind: .recurring)
                    XCTAssertNil(try sortedCounts(table, options, zone: zone, endOfData: nil))
                }
            }
        }
    }

    /// Two cores: periods are split between them, and a cohort's later periods may be counted on the other.
    func test_equalsGeneralLayouts_largeLog() throws {
        // About 120 days.
        let table = sortedLog(rows: (1 << 20) + 300, users: 60_000, from: utc(2024, 1, 1), seed: 7, step: 20)
        XCTAssertNotNil(try sortedCounts(table, RetentionOptions(period: .day, horizon: 30), zone: .utc, endOfData: nil))
        _ = try runRetention(table, period: .day, horizon: 30, zone: newYork)
    }

    /// Predicates, null users and unordered rows take the general layouts.
    func test_otherInputs_takeGeneralLayouts() throws {
        let table = sortedLog(rows: 500, users: 40, from: utc(2024, 2, 20), seed: 5)
        let options = RetentionOptions(period: .day, horizon: 7)
        let reversed = table.gathered(Array((0..<table.rowCount).reversed()))
        XCTAssertNil(try sortedCounts(reversed, options, zone: .utc, endOfData: nil))
        let withNull = eventTable([EventRow(nil, utc(2024, 2, 20), "open"), EventRow("a", utc(2024, 2, 21), "open")])
        XCTAssertNil(try sortedCounts(withNull, options, zone: .utc, endOfData: nil))
        // Ten years of days with a horizon of a thousand days: too many cells for this layout.
        let long = eventTable([EventRow("a", utc(2014, 1, 1), "open"), EventRow("b", utc(2024, 1, 1), "open")])
        XCTAssertNil(try sortedCounts(long, RetentionOptions(period: .day, horizon: 1_000), zone: .utc, endOfData: nil))
        XCTAssertNotNil(try sortedCounts(long, RetentionOptions(period: .day, horizon: 10), zone: .utc, endOfData: nil))
        XCTAssertEqual(compactRows(try runRetention(reversed, period: .day, horizon: 7)),
                       compactRows(try runRetention(table, period: .day, horizon: 7)))
    }
}
