// Hand-computed retention where the calendar matters: zones, DST, week starts, months, recurring cohorts.
import RetentionPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class RetentionCalendarTests: XCTestCase {
    /// DST ends in New York on Sunday 2024-11-03. A start at 23:30 local that Sunday (04:30 UTC
    /// Monday) is in the week of 10-28 in New York but of 11-04 in UTC; the return at 00:30 local
    /// Monday (05:30 UTC) is in the week of 11-04 in both.
    func test_newYork_dstWeekBoundary() throws {
        let newYork = try XCTUnwrap(ZoneCalendar(identifier: "America/New_York"))
        let table = eventTable([
            EventRow("a", utc(2024, 11, 4, 4, 30), "signup"),
            EventRow("a", utc(2024, 11, 4, 5, 30), "app_open"),
        ])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", horizon: 1, zone: newYork)),
                       ["2024-10-28 0 1 1", "2024-10-28 1 1 1", "avg 0 1 1", "avg 1 1 1"])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", horizon: 1)),
                       ["2024-11-04 0 1 1", "2024-11-04 1 1 null", "avg 0 1 1", "avg 1 0 null"])
    }

    /// Spring forward (Sunday 2024-03-10): 23:30 EDT Sunday is 03:30 UTC Monday.
    func test_newYork_springForwardWeekBoundary() throws {
        let newYork = try XCTUnwrap(ZoneCalendar(identifier: "America/New_York"))
        let table = eventTable([
            EventRow("a", utc(2024, 3, 11, 3, 30), "signup"),  // Sunday 03-10 23:30 EDT
            EventRow("a", utc(2024, 3, 11, 4, 30), "app_open"),  // Monday 03-11 00:30 EDT
        ])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", horizon: 1, zone: newYork)),
                       ["2024-03-04 0 1 1", "2024-03-04 1 1 1", "avg 0 1 1", "avg 1 1 1"])
    }

    /// With weeks starting on Sunday, Sunday 03-10 and Monday 03-11 share a week.
    func test_weekStartSunday() throws {
        let table = eventTable([
            EventRow("a", utc(2024, 3, 10), "signup"),
            EventRow("a", utc(2024, 3, 11), "app_open"),
            EventRow("z", utc(2024, 3, 17), "app_open"),  // Sunday: next Sunday-week, same Monday-week as 03-11
        ])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", horizon: 1, weekStart: 6)),
                       ["2024-03-10 0 1 1", "2024-03-10 1 1 0", "avg 0 1 1", "avg 1 1 0"])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", horizon: 1)),
                       ["2024-03-04 0 1 1", "2024-03-04 1 1 1", "avg 0 1 1", "avg 1 1 1"])
    }

    /// Calendar months: 01-31 → 02-01 is one month; 02-15 → 03-01 too. Data ends 03-31.
    func test_monthPeriods() throws {
        let table = eventTable([
            EventRow("a", utc(2024, 1, 31, 23, 59), "signup"),
            EventRow("a", utc(2024, 2, 1, 0, 1), "purchase"),
            EventRow("b", utc(2024, 2, 15), "signup"),
            EventRow("b", utc(2024, 3, 1, 0, 0), "purchase"),
            EventRow("a", utc(2024, 3, 31, 23, 59), "purchase"),
        ])
        let exact = try runRetention(table, start: "signup", return: "purchase", period: .month, horizon: 3)
        XCTAssertEqual(compactRows(exact), [
            "2024-01-01 0 1 1", "2024-01-01 1 1 1", "2024-01-01 2 1 1", "2024-01-01 3 1 null",
            "2024-02-01 0 1 1", "2024-02-01 1 1 1", "2024-02-01 2 1 null", "2024-02-01 3 1 null",
            "avg 0 2 2", "avg 1 2 2", "avg 2 1 1", "avg 3 0 null",
        ])
    }

    func test_dayPeriods_inZone() throws {
        let shanghai = try XCTUnwrap(ZoneCalendar(identifier: "Asia/Shanghai"))
        let table = eventTable([
            EventRow("a", utc(2024, 3, 4, 15), "signup"),  // 23:00 local on 03-04
            EventRow("a", utc(2024, 3, 4, 17), "app_open"),  // 01:00 local on 03-05
        ])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", period: .day, horizon: 1, zone: shanghai)),
                       ["2024-03-04 0 1 1", "2024-03-04 1 1 1", "avg 0 1 1", "avg 1 1 1"])
    }

    /// Weeks W0 = 03-04 … W3 = 03-25. x opens in W0, W1, W3; y twice in W1 and once in W2.
    /// Entries: x@W0, x@W1, y@W1 (one entry for two opens), y@W2, x@W3.
    private let opens = eventTable([
        EventRow("x", utc(2024, 3, 4), "open"),
        EventRow("x", utc(2024, 3, 12), "open"),
        EventRow("y", utc(2024, 3, 13, 9), "open"),
        EventRow("y", utc(2024, 3, 14, 9), "open"),
        EventRow("y", utc(2024, 3, 19), "open"),
        EventRow("x", utc(2024, 3, 26), "open"),
    ])

    func test_recurring_exact() throws {
        let rows = compactRows(try runRetention(opens, start: "open", return: "open", horizon: 2, cohort: "recurring"))
        XCTAssertEqual(rows, [
            "2024-03-04 0 1 1", "2024-03-04 1 1 1", "2024-03-04 2 1 0",
            "2024-03-11 0 2 2", "2024-03-11 1 2 1", "2024-03-11 2 2 1",
            "2024-03-18 0 1 1", "2024-03-18 1 1 0", "2024-03-18 2 1 null",
            "2024-03-25 0 1 1", "2024-03-25 1 1 null", "2024-03-25 2 1 null",
            "avg 0 5 5", "avg 1 4 2", "avg 2 3 1",
        ])
    }

    func test_recurring_unbounded() throws {
        let rows = compactRows(try runRetention(opens, start: "open", return: "open", horizon: 2, mode: "unbounded",
                                                cohort: "recurring"))
        XCTAssertEqual(rows, [
            "2024-03-04 0 1 1", "2024-03-04 1 1 1", "2024-03-04 2 1 1",
            "2024-03-11 0 2 2", "2024-03-11 1 2 2", "2024-03-11 2 2 1",
            "2024-03-18 0 1 1", "2024-03-18 1 1 0", "2024-03-18 2 1 null",
            "2024-03-25 0 1 1", "2024-03-25 1 1 null", "2024-03-25 2 1 null",
            "avg 0 5 5", "avg 1 4 3", "avg 2 3 2",
        ])
    }

    /// The same log with first cohorts: x in W0, y in W1.
    func test_first_sameLog() throws {
        let rows = compactRows(try runRetention(opens, start: "open", return: "open", horizon: 2))
        XCTAssertEqual(rows, [
            "2024-03-04 0 1 1", "2024-03-04 1 1 1", "2024-03-04 2 1 0",
            "2024-03-11 0 1 1", "2024-03-11 1 1 1", "2024-03-11 2 1 0",
            "avg 0 2 2", "avg 1 2 2", "avg 2 2 0",
        ])
    }
}

final class RetentionEdgeTests: XCTestCase {
    /// Instants before 1970 floor to the earlier day: 1969-12-31 23:00 UTC is in the week of
    /// 1969-12-29, and 1970-01-05 01:00 one week later.
    func test_before1970() throws {
        let table = eventTable([
            EventRow("a", utc(1969, 12, 31, 23), "signup"),
            EventRow("a", utc(1970, 1, 5, 1), "app_open"),
        ])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", horizon: 1)),
                       ["1969-12-29 0 1 1", "1969-12-29 1 1 1", "avg 0 1 1", "avg 1 1 1"])
        XCTAssertEqual(compactRows(try runRetention(table, start: "signup", period: .day, horizon: 5)), [
            "1969-12-31 0 1 1", "1969-12-31 1 1 0", "1969-12-31 2 1 0", "1969-12-31 3 1 0", "1969-12-31 4 1 0",
            "1969-12-31 5 1 1", "avg 0 1 1", "avg 1 1 0", "avg 2 1 0", "avg 3 1 0", "avg 4 1 0", "avg 5 1 1",
        ])
    }

    /// A horizon far past the data: every period beyond it is null, and the averages say users 0.
    func test_horizonBeyondData() throws {
        let table = eventTable([EventRow("a", utc(2024, 3, 4), "signup"), EventRow("a", utc(2024, 3, 5), "app_open")])
        let rows = compactRows(try runRetention(table, start: "signup", period: .day, horizon: 3))
        XCTAssertEqual(rows, ["2024-03-04 0 1 1", "2024-03-04 1 1 1", "2024-03-04 2 1 null", "2024-03-04 3 1 null",
                              "avg 0 1 1", "avg 1 1 1", "avg 2 0 null", "avg 3 0 null"])
    }
}
