// Period ordinals: consecutive, aligned to week starts and month starts, in the session zone.
import XCTest
import TallyStore
@testable import TallyPluginAPI

final class CalendarPeriodTests: XCTestCase {
    private let march1 = CivilTime.days(year: 2024, month: 3, day: 1)  // a Friday

    func test_week_startsOnMondayByDefault_andOnGivenWeekday() {
        let week = CalendarPeriod.week
        let index = week.index(ofDay: march1)
        XCTAssertEqual(week.startDay(ofIndex: index), CivilTime.days(year: 2024, month: 2, day: 26))
        XCTAssertEqual(week.index(ofDay: march1 + 2), index)      // Sunday: same week
        XCTAssertEqual(week.index(ofDay: march1 + 3), index + 1)  // Monday: next week
        let sundayWeeks = week.index(ofDay: march1 + 2, weekStart: 6)
        XCTAssertEqual(week.startDay(ofIndex: sundayWeeks, weekStart: 6), march1 + 2)
    }

    func test_month_ordinalsAreConsecutiveAcrossYears() {
        let month = CalendarPeriod.month
        let december = month.index(ofDay: CivilTime.days(year: 2023, month: 12, day: 31))
        let january = month.index(ofDay: CivilTime.days(year: 2024, month: 1, day: 1))
        XCTAssertEqual(january - december, 1)
        XCTAssertEqual(month.startDay(ofIndex: january), CivilTime.days(year: 2024, month: 1, day: 1))
        XCTAssertEqual(month.startDay(ofIndex: december), CivilTime.days(year: 2023, month: 12, day: 1))
    }

    func test_day_usesTheZone() throws {
        let shanghai = try XCTUnwrap(ZoneCalendar(identifier: "Asia/Shanghai"))
        let lateUTC = (march1 * 24 + 20) * CivilTime.microsPerHour  // 04:00 next day in Shanghai
        XCTAssertEqual(CalendarPeriod.day.index(ofUTC: lateUTC, zone: .utc), march1)
        XCTAssertEqual(CalendarPeriod.day.index(ofUTC: lateUTC, zone: shanghai), march1 + 1)
    }

    func test_registry_refusesDuplicatesAndBadNames() throws {
        var registry = PluginRegistry()
        try registry.register(ScriptPlugin(name: "power_users", summary: "s", source: "", path: "plugins/p.tally"))
        XCTAssertThrowsError(try registry.register(ScriptPlugin(name: "power_users", summary: "s", source: "", path: "x"))) {
            XCTAssertEqual(String(describing: $0), "a plugin named `power_users` is already registered (plugins/p.tally)")
        }
        XCTAssertThrowsError(try registry.register(ScriptPlugin(name: "Bad-Name", summary: "s", source: "", path: "x"))) {
            XCTAssertEqual($0 as? PluginRegistry.RegistrationError, .invalidName("Bad-Name"))
        }
    }

    func test_columnRole_findsCommonNamesAndChecksTypes() throws {
        let fields = [Field(name: "Timestamp", type: .timestamp), Field(name: "distinct_id", type: .string),
                      Field(name: "event_name", type: .string)]
        XCTAssertEqual(try ColumnRole.user.resolve(in: fields, explicit: nil), 1)
        XCTAssertEqual(try ColumnRole.time.resolve(in: fields, explicit: nil), 0)
        XCTAssertEqual(try ColumnRole.event.resolve(in: fields, explicit: nil), 2)
        XCTAssertThrowsError(try ColumnRole.time.resolve(in: fields, explicit: "event_name")) {
            XCTAssertEqual(($0 as? PluginError)?.message, "the time column `event_name` is string, expected timestamp or date")
        }
    }
}
