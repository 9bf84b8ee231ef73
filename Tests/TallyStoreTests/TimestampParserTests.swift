// Test plan: every accepted timestamp and date form, zones, fractions, range checks, rejects.

import XCTest
@testable import TallyStore

final class TimestampParserTests: XCTestCase {
    func test_timestamp_forms() {
        let cases: [(String, Int64)] = [
            ("2024-03-01T08:30:15Z", micros(2024, 3, 1, 8, 30, 15)),
            ("2024-03-01 08:30:15", micros(2024, 3, 1, 8, 30, 15)),
            ("2024-03-01t08:30:15z", micros(2024, 3, 1, 8, 30, 15)),
            ("2024-03-01T08:30", micros(2024, 3, 1, 8, 30)),
            ("2024-03-01", micros(2024, 3, 1)),
            ("2024-03-01T08:30:15.5Z", micros(2024, 3, 1, 8, 30, 15, 500_000)),
            ("2024-03-01T08:30:15.123456", micros(2024, 3, 1, 8, 30, 15, 123_456)),
            ("2024-03-01T08:30:15.1234567891Z", micros(2024, 3, 1, 8, 30, 15, 123_456)),
            ("2024-03-01T08:30:15,25", micros(2024, 3, 1, 8, 30, 15, 250_000)),
            ("2024-03-01T08:30:15+08:00", micros(2024, 3, 1, 0, 30, 15)),
            ("2024-03-01T08:30:15+0800", micros(2024, 3, 1, 0, 30, 15)),
            ("2024-03-01T08:30:15-05", micros(2024, 3, 1, 13, 30, 15)),
            ("2024-03-01 23:30:00-05:30", micros(2024, 3, 2, 5, 0, 0)),
            ("2024-03-01T00:00:00.000001+01:00", micros(2024, 2, 29, 23, 0, 0, 1)),
            ("1969-12-31T23:59:59Z", -1_000_000),
            ("2024-02-29T12:00:00Z", micros(2024, 2, 29, 12)),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(TimestampParser.parseTimestamp(text), expected, text)
        }
    }

    func test_timestamp_rejects_invalid_values() {
        for text in ["2024-02-30", "2023-02-29T00:00:00", "2024-13-01", "2024-00-10", "2024-04-31",
                     "2024-03-01T24:00:00", "2024-03-01T10:60:00", "2024-03-01T10:00:60", "2024-03-01T10",
                     "2024-03-01T10:00:00+25:00", "2024-03-01T10:00:00+08:0", "2024-03-01T10:00:00.",
                     "2024-03-01T10:00:00ZZ", "2024-3-01", "20240301", "abc", "", "2024-03-01X10:00:00",
                     "2024-03-01  10:00:00", "1700000000"] {
            XCTAssertNil(TimestampParser.parseTimestamp(text), text)
        }
    }

    func test_date_forms() {
        XCTAssertEqual(TimestampParser.parseDate("1970-01-01"), 0)
        XCTAssertEqual(TimestampParser.parseDate("2024-03-01"), CivilTime.days(year: 2024, month: 3, day: 1))
        XCTAssertEqual(TimestampParser.parseDate("1969-12-31"), -1)
        XCTAssertNil(TimestampParser.parseDate("2024-02-30"))
        XCTAssertNil(TimestampParser.parseDate("2024-03-01T00:00:00"))
        XCTAssertNil(TimestampParser.parseDate("2024-03-1"))
    }
}
