// Calendar arithmetic, zone offsets across DST, and canonical value text.
import XCTest
@testable import TallyStore

final class TimeTests: XCTestCase {
    func test_civilDays_roundTripOverFourCenturies() {
        var days = CivilTime.days(year: 1900, month: 1, day: 1)
        let end = CivilTime.days(year: 2300, month: 1, day: 1)
        var expected = (year: Int64(1900), month: Int64(1), day: Int64(1))
        while days < end {
            let date = CivilTime.date(days: days)
            XCTAssertTrue(date == expected, "day \(days)")
            if date != expected { return }
            XCTAssertEqual(CivilTime.days(year: date.year, month: date.month, day: date.day), days)
            expected.day += 1
            if expected.day > CivilTime.daysInMonth(year: expected.year, month: expected.month) {
                expected.day = 1
                expected.month += 1
                if expected.month > 12 { expected.month = 1; expected.year += 1 }
            }
            days += 1
        }
    }

    func test_civilDays_knownDates() {
        XCTAssertEqual(CivilTime.days(year: 1970, month: 1, day: 1), 0)
        XCTAssertEqual(CivilTime.days(year: 2024, month: 3, day: 1), 19_783)
        XCTAssertEqual(CivilTime.days(year: 1969, month: 12, day: 31), -1)
        XCTAssertEqual(CivilTime.weekday(days: 19_783), 4)  // 2024-03-01 was a Friday
    }

    func test_format_timestampsAndDates() {
        XCTAssertEqual(CivilTime.format(micros: 1_709_280_000_000_000), "2024-03-01 08:00:00")
        XCTAssertEqual(CivilTime.format(micros: 1_709_280_000_250_000), "2024-03-01 08:00:00.25")
        XCTAssertEqual(CivilTime.format(micros: -1), "1969-12-31 23:59:59.999999")
        XCTAssertEqual(ValueFormatter().format(.date(19_783)), "2024-03-01")
    }

    func test_newYork_offsetsAcrossDST() throws {
        let zone = try XCTUnwrap(ZoneCalendar(identifier: "America/New_York"))
        let hour = CivilTime.microsPerHour
        // 2024-03-10 07:00 UTC is 03:00 EDT (just after the jump); one µs before is 01:59:59 EST.
        let springForward = Int64(1_710_054_000) * 1_000_000
        XCTAssertEqual(zone.offset(atUTC: springForward), -4 * hour)
        XCTAssertEqual(zone.offset(atUTC: springForward - 1), -5 * hour)
        // The local day of 2024-03-10 is 23 hours long.
        let dayStart = zone.utc(fromLocal: CivilTime.days(year: 2024, month: 3, day: 10) * CivilTime.microsPerDay)
        let nextStart = zone.utc(fromLocal: CivilTime.days(year: 2024, month: 3, day: 11) * CivilTime.microsPerDay)
        XCTAssertEqual(nextStart - dayStart, 23 * hour)
        // 2024-11-03 01:30 local happens twice; the earlier (EDT) instant is chosen.
        let ambiguous = (CivilTime.days(year: 2024, month: 11, day: 3) * 24 + 1) * hour + hour / 2
        XCTAssertEqual(zone.utc(fromLocal: ambiguous), ambiguous + 4 * hour)
        // 02:30 on 2024-03-10 does not exist; it reads with the pre-gap offset.
        let gap = (CivilTime.days(year: 2024, month: 3, day: 10) * 24 + 2) * hour + hour / 2
        XCTAssertEqual(zone.utc(fromLocal: gap), gap + 5 * hour)
    }

    func test_shanghai_fixedOffsetToday() throws {
        let zone = try XCTUnwrap(ZoneCalendar(identifier: "Asia/Shanghai"))
        let instant = Int64(1_709_251_200) * 1_000_000  // 2024-03-01 00:00 UTC
        XCTAssertEqual(zone.offset(atUTC: instant), 8 * CivilTime.microsPerHour)
        XCTAssertEqual(zone.day(ofUTC: instant - 1), CivilTime.days(year: 2024, month: 3, day: 1))
        XCTAssertNil(ZoneCalendar(identifier: "Mars/Olympus_Mons"))
    }

    func test_formatDuration() {
        XCTAssertEqual(ValueFormatter.format(duration: 90 * 1_000_000), "1m30s")
        XCTAssertEqual(ValueFormatter.format(duration: 7 * CivilTime.microsPerDay), "7d")
        XCTAssertEqual(ValueFormatter.format(duration: -1_500_000), "-1.5s")
        XCTAssertEqual(ValueFormatter.format(duration: 63_445_714), "1m3.445714s")
        XCTAssertEqual(ValueFormatter.format(duration: 250), "0.00025s")
        XCTAssertEqual(ValueFormatter.format(duration: 0), "0s")
    }
}

final class ValueFormatterTests: XCTestCase {
    func test_floatDigits_roundsDisplayOnly() {
        let display = ValueFormatter(floatDigits: 12)
        XCTAssertEqual(display.format(.float(52474.20999999993)), "52474.21")
        XCTAssertEqual(display.format(.float(0.1 + 0.2)), "0.3")
        XCTAssertEqual(display.format(.float(-1234567.891234567)), "-1234567.89123")
        XCTAssertEqual(display.format(.float(1e-7 / 3)), "3.33333333333e-08")
        XCTAssertEqual(display.format(.float(0)), "0.0")
        XCTAssertEqual(ValueFormatter().format(.float(52474.20999999993)), "52474.20999999993")
    }
}
