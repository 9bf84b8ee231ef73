// Test plan: inference of every type, nulls not voting, re-inference after the sample, overrides.

import XCTest
@testable import TallyStore

final class CSVInferenceTests: XCTestCase {
    func test_eachType_isInferred() throws {
        let text = """
            b,i,f,d,t,s,empty
            true,1,1.5,2024-03-01,2024-03-01T10:00:00Z,x,
            FALSE,-20,2,2024-03-02,2024-03-02 11:30:00,y,
            ,,,,2024-03-03,,

            """
        let (table, _) = try loadText(text)
        XCTAssertEqual(schema(table), ["b:bool", "i:int", "f:float", "d:date", "t:timestamp", "s:string", "empty:string"])
        XCTAssertEqual(rows(table), [
            [.bool(true), .int(1), .float(1.5), .date(CivilTime.days(year: 2024, month: 3, day: 1)),
             .timestamp(micros(2024, 3, 1, 10)), .string("x"), .null],
            [.bool(false), .int(-20), .float(2), .date(CivilTime.days(year: 2024, month: 3, day: 2)),
             .timestamp(micros(2024, 3, 2, 11, 30)), .string("y"), .null],
            [.null, .null, .null, .null, .timestamp(micros(2024, 3, 3)), .null, .null],
        ])
    }

    func test_timestampColumn_mixesZonesFractionsAndDates() throws {
        let text = "ts\n2024-03-01T08:00:00+08:00\n2024-03-01 00:00:00.25\n2024-03-01T01:00:00-0100\n2024-03-02\n2024-03-01T09:30Z\n"
        let (table, _) = try loadText(text)
        XCTAssertEqual(schema(table), ["ts:timestamp"])
        XCTAssertEqual(table.columns[0].int64Values, [micros(2024, 3, 1), micros(2024, 3, 1, 0, 0, 0, 250_000),
                                                      micros(2024, 3, 1, 2), micros(2024, 3, 2), micros(2024, 3, 1, 9, 30)])
    }

    func test_invalidDate_makesColumnString() throws {
        let (table, _) = try loadText("d\n2024-02-28\n2024-02-30\n")
        XCTAssertEqual(schema(table), ["d:string"])
    }

    func test_epochIntegers_inferAsInt() throws {
        let (table, _) = try loadText("ts\n1700000000\n1700000001\n")
        XCTAssertEqual(schema(table), ["ts:int"])
    }

    func test_override_timestamp_takesEpochSecondsMillisMicros() throws {
        let options = LoadOptions(typeOverrides: ["ts": .timestamp])
        let (table, _) = try loadText("ts\n1700000000\n1700000000123\n1700000000123456\n2024-03-01\n", options: options)
        XCTAssertEqual(schema(table), ["ts:timestamp"])
        XCTAssertEqual(rows(table), [[.timestamp(1_700_000_000_000_000)], [.timestamp(1_700_000_000_123_000)],
                                     [.timestamp(1_700_000_000_123_456)], [.timestamp(micros(2024, 3, 1))]])
    }

    func test_override_forcesStringAndFloat() throws {
        let options = LoadOptions(typeOverrides: ["zip": .string, "amount": .float])
        let (table, _) = try loadText("zip,amount\n01234,3\n99999,4.5\n", options: options)
        XCTAssertEqual(rows(table), [[.string("01234"), .float(3)], [.string("99999"), .float(4.5)]])
    }

    func test_override_unknownColumn_isError() {
        let error = loadError("a,b\n1,2\n", options: LoadOptions(typeOverrides: ["c": .int]))
        XCTAssertEqual(error?.description, "t.csv:1:1: expected a column named `c` for the type override, found columns `a`, `b`")
    }

    /// A value past the sample that does not fit re-infers the column over all rows.
    func test_laterValue_widensIntToFloat_orFallsBackToString() throws {
        var text = "n,m,k\n"
        for row in 0..<CSVLoader.sampleRows { text += "\(row),\(row),2024-01-01\n" }
        text += "2.5,oops,2024-01-01T12:00:00Z\n"
        let (table, _) = try loadText(text)
        XCTAssertEqual(schema(table), ["n:float", "m:string", "k:timestamp"])
        XCTAssertEqual(table.rowCount, CSVLoader.sampleRows + 1)
        XCTAssertEqual(table.columns[0].value(at: 7), .float(7))
        XCTAssertEqual(table.columns[0].value(at: CSVLoader.sampleRows), .float(2.5))
        XCTAssertEqual(table.columns[1].value(at: 3), .string("3"))
        XCTAssertEqual(table.columns[1].value(at: CSVLoader.sampleRows), .string("oops"))
        XCTAssertEqual(table.columns[2].value(at: 0), .timestamp(micros(2024, 1, 1)))
        XCTAssertEqual(table.columns[2].value(at: CSVLoader.sampleRows), .timestamp(micros(2024, 1, 1, 12)))
    }

    func test_paddedNumbers_parse() throws {
        let (table, _) = try loadText("a, b\n1, 2.5\n")
        XCTAssertEqual(rows(table), [[.int(1), .float(2.5)]])
        XCTAssertEqual(table.names, ["a", " b"])
    }

    func test_floatParsing_isExact() throws {
        let (table, _) = try loadText("x\n0.1\n1e-3\n-2.5E+2\n.5\n123456789012345678901234567890\n3.14159265358979323846\n")
        XCTAssertEqual(table.columns[0].floatValues, [0.1, 1e-3, -250, 0.5, 1.2345678901234568e29, 3.141592653589793])
    }
}
