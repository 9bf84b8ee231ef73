// The time-ordered `dau`/`active` layout against the general one on random logs: same series, exactly.
@testable import ActiveUsersPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class SortedPeriodActiveTests: XCTestCase {
    let newYork = ZoneCalendar(identifier: "America/New_York")!
    let shanghai = ZoneCalendar(identifier: "Asia/Shanghai")!
    /// Sets the clock back from 00:01 to 23:01 of the day before on 2010-11-07.
    let stJohns = ZoneCalendar(identifier: "America/St_Johns")!

    /// A deterministic log: `rows` events of `users` users in time order (ties and empty days
    /// included) from `start`.
    /// Consecutive events are 0…`step` seconds apart, sometimes a few days.
    private func sortedLog(rows: Int, users: Int, from start: Int64, seed: UInt64,
                           step: Int = 3 * 3600) -> [(String?, Int64?)] {
        var random = SeededRandom(seed)
        var time = start
        return (0..<rows).map { _ in
            switch random.next(below: 10) {
            case 0: break
            case 1 where step > 60: time += Int64(random.next(below: 3)) * CivilTime.microsPerDay
            default: time += Int64(random.next(below: step)) * CivilTime.microsPerSecond
            }
            return ("u\(random.next(below: users))", time)
        }
    }

    /// The general layout's series (the one every other active-users metric reads).
    private func generalSeries(_ table: Table, zone: ZoneCalendar, alignTo: ClosedRange<Int64>? = nil) throws -> [Int64] {
        try UserDays(userIDs: DenseUserIDs(table.columns[0]), time: table.columns[1], zone: zone, alignTo: alignTo,
                     context: PluginContext(zone: zone)).dailyActive()
    }

    func test_sortedLayout_equalsGeneral_randomLogs_inThreeZones() throws {
        for (zone, seed) in [(ZoneCalendar.utc, 1 as UInt64), (newYork, 2), (shanghai, 3)] {
            // Spans New York's spring-forward and fall-back days.
            let table = events(sortedLog(rows: 20_000, users: 700, from: utc(2024, 3, 1), seed: seed))
            let fast = try XCTUnwrap(SortedPeriodActive.counts(user: table.columns[0], time: table.columns[1], period: .day, weekStart: 0, zone: zone,
                                                              alignTo: nil, context: PluginContext(zone: zone)))
            let general = try generalSeries(table, zone: zone)
            XCTAssertEqual(fast.counts, general, zone.identifier)
            XCTAssertEqual(fast.firstIndex, zone.day(ofUTC: table.columns[1].int64Values![0]))
            // A whole input reaching further both ways widens the series with zeros.
            let firstDay = fast.firstIndex
            let aligned = try XCTUnwrap(SortedPeriodActive.counts(user: table.columns[0], time: table.columns[1], period: .day, weekStart: 0, zone: zone,
                                                                 alignTo: (firstDay - 2)...(firstDay + Int64(general.count) + 3),
                                                                 context: PluginContext(zone: zone)))
            XCTAssertEqual(aligned.firstIndex, firstDay - 2)
            XCTAssertEqual(aligned.counts, [0, 0] + general + [0, 0, 0, 0])
        }
    }

    /// Two cores: the days are split between them.
    func test_sortedLayout_equalsGeneral_largeLog() throws {
        // About 120 days.
        let table = events(sortedLog(rows: (1 << 20) + 500, users: 90_000, from: utc(2024, 1, 1), seed: 9, step: 20))
        let fast = try XCTUnwrap(SortedPeriodActive.counts(user: table.columns[0], time: table.columns[1], period: .day, weekStart: 0, zone: newYork,
                                                          alignTo: nil, context: PluginContext(zone: newYork)))
        XCTAssertEqual(fast.counts, try generalSeries(table, zone: newYork))
    }

    /// Shuffled rows, null users or times, int users, and a zone whose day goes backwards take
    /// the general path, and the plugin's answer does not depend on which path ran.
    func test_otherInputs_takeGeneralPath_withTheSameAnswer() throws {
        let log = sortedLog(rows: 3_000, users: 150, from: utc(2010, 10, 25), seed: 4)
        let sorted = events(log)
        var random = SeededRandom(8)
        let shuffled = sorted.gathered((0..<sorted.rowCount).map { $0 }.shuffled(using: &random))
        let withNulls = events(log.enumerated().map { index, row in
            (index % 17 == 0 ? nil : row.0, index % 29 == 0 ? nil : row.1)
        })
        let intUsers = try Table([("user_id", Column.int(log.map { Int64($0.0!.dropFirst())! })), ("ts", sorted.columns[1])])
        for zone in [ZoneCalendar.utc, newYork, stJohns] {
            let context = PluginContext(zone: zone)
            let expected = rows(try compute(DailyActiveUsersPlugin(), sorted, zone: zone))
            XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), shuffled, zone: zone)), expected, zone.identifier)
            XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), intUsers, zone: zone)), expected, zone.identifier)
            XCTAssertNil(try SortedPeriodActive.counts(user: shuffled.columns[0], time: shuffled.columns[1], period: .day, weekStart: 0, zone: zone,
                                                      alignTo: nil, context: context))
            XCTAssertNil(try SortedPeriodActive.counts(user: intUsers.columns[0], time: intUsers.columns[1], period: .day, weekStart: 0, zone: zone,
                                                      alignTo: nil, context: context))
            XCTAssertNil(try SortedPeriodActive.counts(user: withNulls.columns[0], time: withNulls.columns[1], period: .day, weekStart: 0, zone: zone,
                                                      alignTo: nil, context: context))
            let fast = try SortedPeriodActive.counts(user: sorted.columns[0], time: sorted.columns[1], period: .day, weekStart: 0, zone: zone,
                                                    alignTo: nil, context: context)
            // The log crosses St. John's set-back over midnight (2010-11-07): only the general path is exact there.
            XCTAssertEqual(fast == nil, zone == stJohns, zone.identifier)
            if let fast { XCTAssertEqual(fast.counts, try generalSeries(sorted, zone: zone)) }
        }
        // The nulls are ignored: the same as leaving those rows out.
        let kept = log.enumerated().filter { $0.offset % 17 != 0 && $0.offset % 29 != 0 }.map(\.element)
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), withNulls)), rows(try compute(DailyActiveUsersPlugin(), events(kept))))
    }

    /// `active(period:)` for weeks and months, both week starts, with and without a whole input
    /// reaching further: the time-ordered rows (fast layout) answer as the shuffled ones (general).
    func test_activeWeeksAndMonths_sortedEqualsShuffled() throws {
        let log = sortedLog(rows: 8_000, users: 500, from: utc(2024, 2, 27, 22), seed: 6)
        let sorted = events(log)
        var random = SeededRandom(3)
        let shuffled = sorted.gathered((0..<sorted.rowCount).map { $0 }.shuffled(using: &random))
        let whole = events(log + [("z", utc(2023, 12, 30)), ("z", utc(2025, 1, 2))])
        for zone in [ZoneCalendar.utc, newYork] {
            for period in CalendarPeriod.allCases {
                for weekStart in [0, 6] {
                    for wholeInput in [nil, whole] {
                        let label = "\(zone.identifier) \(period) \(weekStart) \(wholeInput == nil ? "" : "aligned")"
                        let arguments: [String: ArgumentValue] = ["period": .period(period)]
                        let fast = rows(try compute(ActivePeriodUsersPlugin(), sorted, arguments, zone: zone,
                                                    weekStart: weekStart, wholeInput: wholeInput))
                        let general = rows(try compute(ActivePeriodUsersPlugin(), shuffled, arguments, zone: zone,
                                                       weekStart: weekStart, wholeInput: wholeInput))
                        XCTAssertEqual(fast, general, label)
                        XCTAssertGreaterThan(fast.count, 1, label)
                    }
                }
            }
        }
        XCTAssertNotNil(try SortedPeriodActive.counts(user: sorted.columns[0], time: sorted.columns[1], period: .month,
                                                      weekStart: 0, zone: newYork, alignTo: nil, context: PluginContext()))
    }

    /// A group's series is aligned on the whole input's days: from the call's shared time extent
    /// when no user is null, else by the scan that skips null users; both give the same range.
    func test_groupAlignment_sharedExtentOrScan_sameRange() throws {
        let log = sortedLog(rows: 2_000, users: 100, from: utc(2024, 3, 1), seed: 2)
        let group = events(Array(log.prefix(300)))
        let early = events([("a", utc(2024, 2, 1, 23))] + log)
        // A null user earlier still, and a null time: neither may widen the range.
        let withNullUser = events([(nil, utc(2024, 1, 5)), ("a", nil), ("a", utc(2024, 2, 1, 23))] + log)
        for zone in [ZoneCalendar.utc, newYork] {
            for whole in [early, withNullUser] {
                let context = PluginContext(zone: zone, wholeInput: whole)
                let expected = LocalDays.range(of: whole, userIndex: 0, timeIndex: 1, zone: zone)
                XCTAssertEqual(ActivityInput.alignment(group, 0, 1, context), expected)
                XCTAssertEqual(expected?.lowerBound, zone.day(ofUTC: utc(2024, 2, 1, 23)))
            }
            // A group holding every row needs no alignment.
            XCTAssertNil(ActivityInput.alignment(early, 0, 1, PluginContext(zone: zone, wholeInput: early)))
        }
        let dateWhole = try Table([("user_id", Column.string(["a", "b"])), ("ts", Column.date([10, 40]))])
        let dateGroup = try Table([("user_id", Column.string(["a"])), ("ts", Column.date([10]))])
        XCTAssertEqual(ActivityInput.alignment(dateGroup, 0, 1, PluginContext(wholeInput: dateWhole)), 10...40)
    }
}

/// A seeded linear congruential generator, so random logs are the same on every run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(_ seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state ^ (state >> 29)
    }

    mutating func next(below bound: Int) -> Int { Int(next() >> 33) % bound }
}
