// Days are local calendar days of the session zone: DST in New York, UTC+8 in Shanghai.
import ActiveUsersPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class TimeZoneTests: XCTestCase {
    let newYork = ZoneCalendar(identifier: "America/New_York")!
    let shanghai = ZoneCalendar(identifier: "Asia/Shanghai")!

    func test_springForwardDay_2330LocalStaysOnTheDay() throws {
        // 2024-03-10 is 23 hours long in New York: a at 00:30 EST, b at 23:30 EDT (03:30Z on Mar 11),
        // c at 00:10 EDT on Mar 11.
        let log = events([
            ("a", local(newYork, 2024, 3, 10, 0, 30)), ("b", local(newYork, 2024, 3, 10, 23, 30)),
            ("c", local(newYork, 2024, 3, 11, 0, 10)),
        ])
        XCTAssertEqual(log.columns[1].int64Values?[1], utc(2024, 3, 11, 3, 30))
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), log, zone: newYork)),
                       [["2024-03-10", "2"], ["2024-03-11", "1"]])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), log)), [["2024-03-10", "1"], ["2024-03-11", "2"]])
    }

    func test_fallBackDay_2330LocalStaysOnTheDay() throws {
        // 2024-11-03 is 25 hours long: a at 01:30 EDT and at 23:30 EST (04:30Z on Nov 4), b at 00:30 on Nov 4.
        let log = events([
            ("a", utc(2024, 11, 3, 5, 30)), ("a", local(newYork, 2024, 11, 3, 23, 30)),
            ("b", local(newYork, 2024, 11, 4, 0, 30)),
        ])
        XCTAssertEqual(log.columns[1].int64Values?[1], utc(2024, 11, 4, 4, 30))
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), log, zone: newYork)),
                       [["2024-11-03", "1"], ["2024-11-04", "1"]])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), log)), [["2024-11-03", "1"], ["2024-11-04", "2"]])
        XCTAssertEqual(rows(try compute(StickinessPlugin(), log, zone: newYork)),
                       [["2024-11-03", "1", "1", "1.0"], ["2024-11-04", "1", "2", "0.5"]])
    }

    func test_shanghai_shiftsDaysAndMonths() throws {
        // 2024-03-31 20:00Z is 04:00 on Apr 1 in Shanghai; 10:00Z is 18:00 on Mar 31.
        let log = events([("a", utc(2024, 3, 31, 20)), ("b", utc(2024, 3, 31, 10))])
        XCTAssertEqual(rows(try compute(ActivePeriodUsersPlugin(), log, ["period": .period(.month)], zone: shanghai)),
                       [["2024-03-01", "1"], ["2024-04-01", "1"]])
        XCTAssertEqual(rows(try compute(ActivePeriodUsersPlugin(), log, ["period": .period(.month)])), [["2024-03-01", "2"]])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), log, zone: shanghai)),
                       [["2024-03-31", "1"], ["2024-04-01", "1"]])
        XCTAssertEqual(rows(try compute(RollingActiveUsersPlugin.weekly, log, zone: shanghai)),
                       [["2024-03-31", "1"], ["2024-04-01", "2"]])
    }

    func test_shanghai_weekStartsOnLocalMonday() throws {
        // Sun 2024-03-10 17:00Z = Mon Mar 11 01:00 in Shanghai: a new Monday week there, not in UTC.
        let log = events([("a", utc(2024, 3, 10, 17)), ("b", utc(2024, 3, 10, 1))])
        XCTAssertEqual(rows(try compute(ActivePeriodUsersPlugin(), log, ["period": .period(.week)], zone: shanghai)),
                       [["2024-03-04", "1"], ["2024-03-11", "1"]])
        XCTAssertEqual(rows(try compute(ActivePeriodUsersPlugin(), log, ["period": .period(.week)])), [["2024-03-04", "2"]])
    }

    func test_transitionInsideAUTCHour_isNotCachedAcrossIt() throws {
        // Kathmandu moved from +5:30 to +5:45 at 1985-12-31 18:30Z (local midnight became 00:15):
        // 18:20Z is 23:50 on Dec 31 and 18:40Z is 00:25 on Jan 1, in the same UTC hour.
        let kathmandu = try XCTUnwrap(ZoneCalendar(identifier: "Asia/Kathmandu"))
        let before = utc(1985, 12, 31, 18, 20), after = utc(1985, 12, 31, 18, 40)
        XCTAssertEqual(kathmandu.day(ofUTC: before), date(1985, 12, 31))
        XCTAssertEqual(kathmandu.day(ofUTC: after), date(1986, 1, 1))
        // Later instants first, so an offset remembered from an earlier row of the hour would misplace b.
        let log = events([("c", after), ("d", utc(1985, 12, 31, 18, 59)), ("b", before), ("a", utc(1985, 12, 31, 18, 5))])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), log, zone: kathmandu)),
                       [["1985-12-31", "2"], ["1986-01-01", "2"]])
    }
}
