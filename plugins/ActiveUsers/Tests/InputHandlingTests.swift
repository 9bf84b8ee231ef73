// Inputs: empty tables, null users and times, int users, date columns, named columns, groups.
import ActiveUsersPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class InputHandlingTests: XCTestCase {
    let everyForm: [(any Plugin, [String: ArgumentValue], [String])] = [
        (DailyActiveUsersPlugin(), [:], ["day", "dau"]),
        (RollingActiveUsersPlugin.weekly, [:], ["day", "wau"]),
        (RollingActiveUsersPlugin.monthly, [:], ["day", "mau"]),
        (ActivePeriodUsersPlugin(), ["period": .period(.day)], ["period", "active_users"]),
        (ActivePeriodUsersPlugin(), ["period": .period(.week)], ["period", "active_users"]),
        (ActivePeriodUsersPlugin(), ["period": .period(.month)], ["period", "active_users"]),
        (StickinessPlugin(), [:], ["day", "dau", "mau", "stickiness"]),
        (StickinessPlugin(), ["days_of": .choice("week")], ["period", "active_days", "users", "share"]),
        (StickinessPlugin(), ["days_of": .choice("month")], ["period", "active_days", "users", "share"]),
    ]

    func test_emptyInput_givesEmptyWellTypedOutput() throws {
        for (plugin, arguments, names) in everyForm {
            let output = try compute(plugin, events([]), arguments)
            XCTAssertEqual(output.rowCount, 0, plugin.descriptor.name)
            XCTAssertEqual(output.names, names)
        }
        let stickiness = try compute(StickinessPlugin(), events([]))
        XCTAssertEqual(stickiness.fields.map(\.type), [.date, .int, .int, .float])
        let daysOf = try compute(StickinessPlugin(), events([]), ["days_of": .choice("week")])
        XCTAssertEqual(daysOf.fields.map(\.type), [.date, .int, .int, .float])
    }

    func test_onlyNullRows_isEmptyOutput() throws {
        for (plugin, arguments, _) in everyForm {
            XCTAssertEqual(try compute(plugin, events([(nil, utc(2024, 3, 1)), ("a", nil)]), arguments).rowCount, 0)
        }
    }

    func test_nullUsersAndTimes_areIgnoredAndDoNotWidenTheRange() throws {
        let log = events([(nil, utc(2024, 3, 1)), ("a", nil), ("a", utc(2024, 3, 3)), ("b", utc(2024, 3, 4)), (nil, utc(2024, 3, 9))])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), log)), [["2024-03-03", "1"], ["2024-03-04", "1"]])
        XCTAssertEqual(rows(try compute(RollingActiveUsersPlugin.weekly, log)), [["2024-03-03", "1"], ["2024-03-04", "2"]])
    }

    func test_intUsers_narrowAndWideRanges() throws {
        let times = Column.timestamp([utc(2024, 3, 1), utc(2024, 3, 1), utc(2024, 3, 2), utc(2024, 3, 2), utc(2024, 3, 2)])
        let narrow = try Table([("user_id", Column.int([7, 9, 7, 7, 8])), ("ts", times)])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), narrow)), [["2024-03-01", "2"], ["2024-03-02", "2"]])
        let wide = try Table([("user_id", Column.int([Int64.min, Int64.max, -3, Int64.max, 1_000_000_007])), ("ts", times)])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), wide)), [["2024-03-01", "2"], ["2024-03-02", "3"]])
        XCTAssertEqual(rows(try compute(RollingActiveUsersPlugin.weekly, wide)), [["2024-03-01", "2"], ["2024-03-02", "4"]])
    }

    func test_intUsersWithNulls() throws {
        var users = ColumnBuilder(type: .int)
        for value: Int64? in [5, nil, 6, nil] {
            if let value { users.append(int64: value) } else { users.appendNull() }
        }
        let table = try Table([("user_id", users.finish()), ("ts", Column.timestamp(Array(repeating: utc(2024, 3, 1), count: 4)))])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), table)), [["2024-03-01", "2"]])
    }

    func test_stringUsersOfAGroupWithAHugeDictionary() throws {
        // A group keeps the whole table's dictionary; its users are renumbered, not indexed by code.
        let whole = events((0..<6000).map { ("u\($0)", utc(2024, 3, 1 + Int64($0 % 3))) })
        let group = whole.gathered([5999, 3, 4, 5998])
        XCTAssertEqual(group.columns[0].dictionary?.count, 6000)
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), group)), [["2024-03-01", "1"], ["2024-03-02", "2"], ["2024-03-03", "1"]])
    }

    func test_dateTimeColumn_isTakenAsTheDay() throws {
        let table = try Table([("user", Column.string(["a", "b", "a"])),
                               ("time", Column.date([date(2024, 3, 1), date(2024, 3, 3), date(2024, 3, 3)]))])
        let shanghai = ZoneCalendar(identifier: "Asia/Shanghai")!
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), table, zone: shanghai)),
                       [["2024-03-01", "1"], ["2024-03-02", "0"], ["2024-03-03", "2"]])
    }

    func test_namedColumns() throws {
        let table = try Table([("user_id", Column.string(["x", "x"])), ("member", Column.string(["a", "b"])),
                               ("ts", Column.timestamp([utc(2024, 3, 1), utc(2024, 3, 2)])),
                               ("seen", Column.timestamp([utc(2024, 3, 1), utc(2024, 3, 1)]))])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), table)), [["2024-03-01", "1"], ["2024-03-02", "1"]])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), table, ["user": .column("member"), "time": .column("seen")])),
                       [["2024-03-01", "2"]])
    }

    func test_missingOrMistypedColumns_areErrors() {
        let noUser = try! Table([("who", Column.string(["a"])), ("ts", Column.timestamp([0]))])
        XCTAssertThrowsError(try compute(DailyActiveUsersPlugin(), noUser)) {
            XCTAssertEqual(($0 as? PluginError)?.message,
                           "no user column: none is named `user_id`, `user`, `distinct_id`, `uid`, `customer_id`")
        }
        let textTime = try! Table([("user_id", Column.string(["a"])), ("ts", Column.string(["2024-03-01"]))])
        XCTAssertThrowsError(try StickinessPlugin().outputFields(arguments: BoundArguments(), input: textTime.fields)) {
            XCTAssertEqual(($0 as? PluginError)?.message, "the time column `ts` is string, expected timestamp or date")
        }
        XCTAssertThrowsError(try compute(RollingActiveUsersPlugin.weekly, textTime, ["time": .column("user_id")])) {
            XCTAssertEqual($0 as? PluginError,
                           PluginError("the time column `user_id` is string, expected timestamp or date", parameter: "time"))
        }
    }

    func test_groups_lineUpOnTheWholeInputsDays() throws {
        let whole = events([("a", utc(2024, 3, 1)), ("b", utc(2024, 3, 3)), ("a", utc(2024, 3, 5)), ("c", utc(2024, 4, 2))])
        let group = whole.gathered([1])
        XCTAssertEqual(rows(try compute(DailyActiveUsersPlugin(), group, wholeInput: whole)).count, 33)
        XCTAssertEqual(try compute(RollingActiveUsersPlugin.weekly, group, wholeInput: whole).columns[1].int64Values?.prefix(10),
                       [0, 0, 1, 1, 1, 1, 1, 1, 1, 0])
        XCTAssertEqual(rows(try compute(ActivePeriodUsersPlugin(), group, ["period": .period(.month)], wholeInput: whole)),
                       [["2024-03-01", "1"], ["2024-04-01", "0"]])
        let daysOf = try compute(StickinessPlugin(), group, ["days_of": .choice("month")], wholeInput: whole)
        XCTAssertEqual(daysOf.rowCount, 31 + 30)
        // Before the group's first event nobody is in its window: stickiness is null, not 1.
        let stickiness = rows(try compute(StickinessPlugin(), group, wholeInput: whole))
        XCTAssertEqual(stickiness[0], ["2024-03-01", "0", "0", "null"])
        XCTAssertEqual(stickiness[2], ["2024-03-03", "1", "1", "1.0"])
        XCTAssertEqual(stickiness[31], ["2024-04-01", "0", "1", "0.0"])
        XCTAssertEqual(stickiness[32], ["2024-04-02", "0", "0", "null"])
    }
}
