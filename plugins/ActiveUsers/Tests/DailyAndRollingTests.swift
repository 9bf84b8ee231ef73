// dau, wau and mau on tiny hand-computed logs: gaps zero-filled, repeats counted once, windows rolling.
import ActiveUsersPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class DailyAndRollingTests: XCTestCase {
    /// a: Mar 1 (twice), Mar 4; b: Mar 1, Mar 2, Mar 10; c: Mar 4 (twice). 2024, UTC.
    let log = events([
        ("a", utc(2024, 3, 1, 10)), ("b", utc(2024, 3, 1, 23, 59)), ("a", utc(2024, 3, 1, 11)),
        ("b", utc(2024, 3, 2, 0)), ("c", utc(2024, 3, 4, 8)), ("a", utc(2024, 3, 4, 9)), ("c", utc(2024, 3, 4, 20)),
        ("b", utc(2024, 3, 10, 6)),
    ])

    func test_dau_zeroFillsGapsAndCountsRepeatsOnce() throws {
        let output = try compute(DailyActiveUsersPlugin(), log)
        XCTAssertEqual(output.names, ["day", "dau"])
        XCTAssertEqual(rows(output), [
            ["2024-03-01", "2"], ["2024-03-02", "1"], ["2024-03-03", "0"], ["2024-03-04", "2"],
            ["2024-03-05", "0"], ["2024-03-06", "0"], ["2024-03-07", "0"], ["2024-03-08", "0"],
            ["2024-03-09", "0"], ["2024-03-10", "1"],
        ])
    }

    func test_wau_rollingSevenDaysIncludingTheDay() throws {
        // Mar 8 = Mar 2…8: b (2), a, c (4); Mar 9 = Mar 3…9: a, c; Mar 10 = Mar 4…10: a, c, b.
        let output = try compute(RollingActiveUsersPlugin.weekly, log)
        XCTAssertEqual(output.names, ["day", "wau"])
        XCTAssertEqual(output.columns[1].int64Values, [2, 2, 2, 3, 3, 3, 3, 3, 2, 3])
        XCTAssertEqual(output.columns[0].int64Values, (1...10).map { date(2024, 3, $0) })
    }

    func test_mau_firstDaysArePartialNotMissing() throws {
        let output = try compute(RollingActiveUsersPlugin.monthly, log)
        XCTAssertEqual(output.names, ["day", "mau"])
        XCTAssertEqual(output.columns[1].int64Values, [2, 2, 2, 3, 3, 3, 3, 3, 3, 3])
    }

    func test_mau_windowIsThirtyDays() throws {
        // a: Jan 1 and Feb 1; b: Jan 31. Jan 30 = Jan 1…30 holds a; Jan 31 = Jan 2…31 only b.
        let output = try compute(RollingActiveUsersPlugin.monthly, events([
            ("a", utc(2024, 1, 1)), ("b", utc(2024, 1, 31)), ("a", utc(2024, 2, 1)),
        ]))
        let mau = try XCTUnwrap(output.columns[1].int64Values)
        XCTAssertEqual(mau.count, 32)
        XCTAssertEqual(Array(mau[0..<30]), Array(repeating: 1, count: 30))
        XCTAssertEqual(mau[30], 1, "Jan 1 has left the window on Jan 31")
        XCTAssertEqual(mau[31], 2)
    }

    func test_wau_windowIsSevenDays() throws {
        // a on Mar 1 only, then b on Mar 8 and Mar 9: Mar 7 still sees a, Mar 8 does not.
        let output = try compute(RollingActiveUsersPlugin.weekly, events([
            ("a", utc(2024, 3, 1)), ("b", utc(2024, 3, 8)), ("b", utc(2024, 3, 9)),
        ]))
        XCTAssertEqual(output.columns[1].int64Values, [1, 1, 1, 1, 1, 1, 1, 1, 1])
        let withGap = try compute(RollingActiveUsersPlugin.weekly, events([("a", utc(2024, 3, 1)), ("b", utc(2024, 3, 10))]))
        XCTAssertEqual(withGap.columns[1].int64Values, [1, 1, 1, 1, 1, 1, 1, 0, 0, 1])
    }

    func test_everyUserEveryDay() throws {
        var rowsIn: [(String?, Int64?)] = []
        for day in Int64(1)...31 {
            for user in ["x", "y", "z"] { rowsIn.append((user, utc(2024, 5, day, 3))) }
        }
        XCTAssertEqual(try compute(DailyActiveUsersPlugin(), events(rowsIn)).columns[1].int64Values, Array(repeating: 3, count: 31))
        XCTAssertEqual(try compute(RollingActiveUsersPlugin.weekly, events(rowsIn)).columns[1].int64Values,
                       Array(repeating: 3, count: 31))
        XCTAssertEqual(try compute(RollingActiveUsersPlugin.monthly, events(rowsIn)).columns[1].int64Values,
                       Array(repeating: 3, count: 31))
    }

    func test_singleEvent() throws {
        let one = events([("a", utc(2024, 2, 29, 0))])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), one)), [["2024-02-29", "1"]])
        XCTAssertEqual(rows(try compute(RollingActiveUsersPlugin.weekly, one)), [["2024-02-29", "1"]])
        XCTAssertEqual(rows(try compute(RollingActiveUsersPlugin.monthly, one)), [["2024-02-29", "1"]])
    }
}
