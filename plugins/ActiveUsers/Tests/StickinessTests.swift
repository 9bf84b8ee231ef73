// stickiness: DAU ÷ MAU per day, and users by number of active days per week or month.
import ActiveUsersPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class StickinessTests: XCTestCase {
    func test_daily_isDauOverMau() throws {
        // a: Mar 1 (twice), Mar 4; b: Mar 1, Mar 2, Mar 10; c: Mar 4.
        let output = try compute(StickinessPlugin(), events([
            ("a", utc(2024, 3, 1, 10)), ("b", utc(2024, 3, 1, 23)), ("a", utc(2024, 3, 1, 11)), ("b", utc(2024, 3, 2)),
            ("c", utc(2024, 3, 4)), ("a", utc(2024, 3, 4)), ("b", utc(2024, 3, 10)),
        ]))
        XCTAssertEqual(output.names, ["day", "dau", "mau", "stickiness"])
        XCTAssertEqual(rows(output), [
            ["2024-03-01", "2", "2", "1.0"], ["2024-03-02", "1", "2", "0.5"], ["2024-03-03", "0", "2", "0.0"],
            ["2024-03-04", "2", "3", "0.6666666666666666"], ["2024-03-05", "0", "3", "0.0"],
            ["2024-03-06", "0", "3", "0.0"], ["2024-03-07", "0", "3", "0.0"], ["2024-03-08", "0", "3", "0.0"],
            ["2024-03-09", "0", "3", "0.0"], ["2024-03-10", "1", "3", "0.3333333333333333"],
        ])
    }

    func test_daily_nullWhenNobodyInThirtyDays() throws {
        // a on Jan 1 and Mar 1 2024: Jan 31 … Feb 29 have an empty 30-day window.
        let output = try compute(StickinessPlugin(), events([("a", utc(2024, 1, 1)), ("a", utc(2024, 3, 1))]))
        let table = rows(output)
        XCTAssertEqual(table.count, 61)
        XCTAssertEqual(table[29], ["2024-01-30", "0", "1", "0.0"])
        XCTAssertEqual(table[30], ["2024-01-31", "0", "0", "null"])
        XCTAssertEqual(table[59], ["2024-02-29", "0", "0", "null"])
        XCTAssertEqual(table[60], ["2024-03-01", "1", "1", "1.0"])
    }

    func test_daysOfWeek_distributionPerWeek() throws {
        // Week of Mon Mar 4: a on 2 days (3 events), b on 1, c on all 7. Week of Mar 11: a on 1.
        var log: [(String?, Int64?)] = [
            ("a", utc(2024, 3, 4)), ("a", utc(2024, 3, 5, 1)), ("a", utc(2024, 3, 5, 2)), ("b", utc(2024, 3, 6)),
            ("a", utc(2024, 3, 11)),
        ]
        for day in Int64(4)...10 { log.append(("c", utc(2024, 3, day, 22))) }
        let output = try compute(StickinessPlugin(), events(log), ["days_of": .choice("week")])
        XCTAssertEqual(output.names, ["period", "active_days", "users", "share"])
        let third = "0.3333333333333333"
        XCTAssertEqual(rows(output), [
            ["2024-03-04", "1", "1", third], ["2024-03-04", "2", "1", third], ["2024-03-04", "3", "0", "0.0"],
            ["2024-03-04", "4", "0", "0.0"], ["2024-03-04", "5", "0", "0.0"], ["2024-03-04", "6", "0", "0.0"],
            ["2024-03-04", "7", "1", third],
            ["2024-03-11", "1", "1", "1.0"], ["2024-03-11", "2", "0", "0.0"], ["2024-03-11", "3", "0", "0.0"],
            ["2024-03-11", "4", "0", "0.0"], ["2024-03-11", "5", "0", "0.0"], ["2024-03-11", "6", "0", "0.0"],
            ["2024-03-11", "7", "0", "0.0"],
        ])
    }

    func test_daysOfWeek_emptyWeekHasNullShares_sundayStart() throws {
        // Sunday weeks: Mar 3 (a), Mar 10 (nobody), Mar 17 (a twice on one day).
        let output = try compute(StickinessPlugin(), events([
            ("a", utc(2024, 3, 3)), ("a", utc(2024, 3, 17, 1)), ("a", utc(2024, 3, 17, 2)),
        ]), ["days_of": .choice("week")], weekStart: 6)
        let table = rows(output)
        XCTAssertEqual(table.count, 21)
        XCTAssertEqual(table[0], ["2024-03-03", "1", "1", "1.0"])
        XCTAssertEqual(Array(table[7..<14]), (1...7).map { ["2024-03-10", "\($0)", "0", "null"] })
        XCTAssertEqual(table[14], ["2024-03-17", "1", "1", "1.0"])
        XCTAssertEqual(table[20], ["2024-03-17", "7", "0", "0.0"])
    }

    func test_daysOfMonth_rowsUpToTheMonthLength() throws {
        // Feb 2024 has 29 days: a on Feb 28 and 29; March: a and b on Mar 1 only.
        let output = try compute(StickinessPlugin(), events([
            ("a", utc(2024, 2, 28)), ("a", utc(2024, 2, 29)), ("a", utc(2024, 3, 1)), ("b", utc(2024, 3, 1)),
        ]), ["days_of": .choice("month")])
        let table = rows(output)
        XCTAssertEqual(table.count, 29 + 31)
        XCTAssertEqual(table[0], ["2024-02-01", "1", "0", "0.0"])
        XCTAssertEqual(table[1], ["2024-02-01", "2", "1", "1.0"])
        XCTAssertEqual(table[28], ["2024-02-01", "29", "0", "0.0"])
        XCTAssertEqual(table[29], ["2024-03-01", "1", "2", "1.0"])
        XCTAssertEqual(table[59], ["2024-03-01", "31", "0", "0.0"])
        XCTAssertEqual(output.columns[2].int64Values?.reduce(0, +), 3, "a in Feb, a and b in March")
    }

    func test_daysOf_userCountedInEachPeriodSeparately() throws {
        // a spans Sun Mar 10 (week of Mar 4) and Mon Mar 11 (week of Mar 11): 1 day in each.
        let output = try compute(StickinessPlugin(), events([("a", utc(2024, 3, 10)), ("a", utc(2024, 3, 11))]),
                             ["days_of": .choice("week")])
        XCTAssertEqual(output.columns[2].int64Values, [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
    }
}
