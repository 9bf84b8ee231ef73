// Inputs big enough for the two-core path, in random row order across a DST change, against a naive count.
import ActiveUsersPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class LargeInputTests: XCTestCase {
    /// 1.2M rows (above the two-core threshold of 2^20): int users 0..<4000 with some nulls,
    /// times in random order from 2024-02-20 to 2024-04-10 in New York (spring forward on Mar 10),
    /// some null. Returns the table and, per local day, the set of users (the naive reference).
    func randomLog(zone: ZoneCalendar) -> (Table, [Int64: Set<Int64>]) {
        var state: UInt64 = 0x1234_5678
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let start = utc(2024, 2, 20, 0), span = UInt64(utc(2024, 4, 10, 0) - start)
        var users = ColumnBuilder(type: .int, capacity: 1_200_000)
        var times = ColumnBuilder(type: .timestamp, capacity: 1_200_000)
        var reference: [Int64: Set<Int64>] = [:]
        for _ in 0..<1_200_000 {
            let user = Int64(next() % 4000), time = start + Int64(next() % span)
            let userIsNull = next() % 97 == 0, timeIsNull = next() % 89 == 0
            if userIsNull { users.appendNull() } else { users.append(int64: user) }
            if timeIsNull { times.appendNull() } else { times.append(int64: time) }
            if !userIsNull && !timeIsNull { reference[zone.day(ofUTC: time), default: []].insert(user) }
        }
        return (try! Table([("user_id", users.finish()), ("ts", times.finish())]), reference)
    }

    func test_twoCorePath_matchesNaiveSets() throws {
        let zone = try XCTUnwrap(ZoneCalendar(identifier: "America/New_York"))
        let (log, perDay) = randomLog(zone: zone)
        let first = try XCTUnwrap(perDay.keys.min()), last = try XCTUnwrap(perDay.keys.max())
        let days = Array(first...last)
        func window(_ length: Int64) -> [Int64] {
            days.map { day in Int64((day - length + 1...day).reduce(into: Set<Int64>()) { $0.formUnion(perDay[$1] ?? []) }.count) }
        }
        XCTAssertEqual(try compute(DailyActiveUsersPlugin(), log, zone: zone).columns[1].int64Values,
                       days.map { Int64(perDay[$0]?.count ?? 0) })
        XCTAssertEqual(try compute(DailyActiveUsersPlugin(), log, zone: zone).columns[0].int64Values, days)
        XCTAssertEqual(try compute(RollingActiveUsersPlugin.weekly, log, zone: zone).columns[1].int64Values, window(7))
        XCTAssertEqual(try compute(RollingActiveUsersPlugin.monthly, log, zone: zone).columns[1].int64Values, window(30))

        // Calendar weeks (Monday) and the users' active days in each.
        var weeks: [Int64: [Int64: Int64]] = [:]
        for (day, users) in perDay {
            let week = day - CivilTime.weekday(days: day)
            for user in users { weeks[week, default: [:]][user, default: 0] += 1 }
        }
        let weekStarts = Array(stride(from: first - CivilTime.weekday(days: first), through: last, by: 7))
        let active = try compute(ActivePeriodUsersPlugin(), log, ["period": .period(.week)], zone: zone)
        XCTAssertEqual(active.columns[0].int64Values, weekStarts)
        XCTAssertEqual(active.columns[1].int64Values, weekStarts.map { Int64(weeks[$0]?.count ?? 0) })
        let daysOf = try compute(StickinessPlugin(), log, ["days_of": .choice("week")], zone: zone)
        let expectedUsers: [Int64] = weekStarts.flatMap { week -> [Int64] in
            let activeDays = Array(weeks[week]?.values ?? [:].values)
            return (Int64(1)...7).map { k in Int64(activeDays.filter { $0 == k }.count) }
        }
        XCTAssertEqual(daysOf.columns[2].int64Values, expectedUsers)
        XCTAssertEqual(daysOf.rowCount, weekStarts.count * 7)
    }
}
