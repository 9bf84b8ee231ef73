// active(period:) on tiny logs: week starts, month boundaries, zero-filled periods.
import ActiveUsersPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class ActivePeriodTests: XCTestCase {
    /// 2024-03-02 is a Saturday: a Sat Mar 2, b Sun Mar 3, a Mon Mar 4, c Sun Mar 17.
    let weekLog = events([
        ("a", utc(2024, 3, 2)), ("b", utc(2024, 3, 3)), ("a", utc(2024, 3, 4)), ("c", utc(2024, 3, 17)),
    ])

    func test_week_startingMonday() throws {
        let output = try compute(ActivePeriodUsersPlugin(), weekLog, ["period": .period(.week)], weekStart: 0)
        XCTAssertEqual(output.names, ["period", "active_users"])
        XCTAssertEqual(rows(output), [["2024-02-26", "2"], ["2024-03-04", "1"], ["2024-03-11", "1"]])
    }

    func test_week_startingSunday_zeroFillsTheEmptyWeek() throws {
        let output = try compute(ActivePeriodUsersPlugin(), weekLog, ["period": .period(.week)], weekStart: 6)
        XCTAssertEqual(rows(output), [["2024-02-25", "1"], ["2024-03-03", "2"], ["2024-03-10", "0"], ["2024-03-17", "1"]])
    }

    func test_month_boundariesAndLeapDay() throws {
        let output = try compute(ActivePeriodUsersPlugin(), events([
            ("a", utc(2024, 1, 31, 23, 59)), ("a", utc(2024, 2, 1, 0)), ("b", utc(2024, 2, 29, 23, 59)),
            ("c", utc(2024, 4, 1, 0)),
        ]), ["period": .period(.month)])
        XCTAssertEqual(rows(output), [["2024-01-01", "1"], ["2024-02-01", "2"], ["2024-03-01", "0"], ["2024-04-01", "1"]])
    }

    func test_month_acrossYearEnd() throws {
        let output = try compute(ActivePeriodUsersPlugin(), events([
            ("a", utc(2023, 12, 31, 23, 59)), ("b", utc(2024, 1, 1, 0)), ("a", utc(2024, 1, 2)),
        ]), ["period": .period(.month)])
        XCTAssertEqual(rows(output), [["2023-12-01", "1"], ["2024-01-01", "2"]])
    }

    func test_day_equalsDau() throws {
        let output = try compute(ActivePeriodUsersPlugin(), weekLog, ["period": .period(.day)])
        let dau = try compute(DailyActiveUsersPlugin(), weekLog)
        XCTAssertEqual(output.names, ["period", "active_users"])
        XCTAssertEqual(rows(output), rows(dau))
        XCTAssertEqual(output.rowCount, 16)
    }

    func test_missingPeriod_isAPointedError() {
        XCTAssertThrowsError(try ActivePeriodUsersPlugin().run(weekLog, arguments: BoundArguments(), context: PluginContext())) {
            XCTAssertEqual($0 as? PluginError, PluginError("`period` is required: day, week or month", parameter: "period"))
        }
    }
}
