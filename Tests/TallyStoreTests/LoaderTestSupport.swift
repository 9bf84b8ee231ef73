// Helpers shared by the ingest tests: load inline text, write temp files, compare tables.

import Foundation
import XCTest
@testable import TallyStore

/// Loads `text` as if it were a file called `name`.
func loadText(_ text: String, name: String = "t.csv", options: LoadOptions = LoadOptions()) throws -> (Table, LoadReport) {
    try TableLoader.load(bytes: Array(text.utf8), name: name, options: options)
}

/// Loads `bytes` as if they were a file called `name`.
func loadBytes(_ bytes: [UInt8], name: String = "t.csv", options: LoadOptions = LoadOptions()) throws -> (Table, LoadReport) {
    try TableLoader.load(bytes: bytes, name: name, options: options)
}

/// The `LoadError` that loading `text` throws, or nil when it loads.
func loadError(_ text: String, name: String = "t.csv", options: LoadOptions = LoadOptions()) -> LoadError? {
    do {
        _ = try loadText(text, name: name, options: options)
        return nil
    } catch {
        return error as? LoadError
    }
}

/// Writes `bytes` to a fresh file in the temporary directory and returns its path.
func writeTemporaryFile(_ bytes: [UInt8], suffix: String) throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("tally-ingest-\(UUID().uuidString)\(suffix)")
    try Data(bytes).write(to: url)
    return url.path
}

/// Every row of `table` as values.
func rows(_ table: Table) -> [[Value]] { (0..<table.rowCount).map(table.row) }

/// `name:type` of every column, e.g. `["id:int", "name:string"]`.
func schema(_ table: Table) -> [String] { table.fields.map { "\($0.name):\($0.type)" } }

/// Asserts two tables are identical: names, types, values, null positions and dictionary order.
func assertIdentical(_ a: Table, _ b: Table, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(schema(a), schema(b), file: file, line: line)
    XCTAssertEqual(a.rowCount, b.rowCount, file: file, line: line)
    for (left, right) in zip(a.columns, b.columns) {
        XCTAssertEqual(left.validity, right.validity, file: file, line: line)
        switch (left.storage, right.storage) {
        case let (.int64(x), .int64(y)): XCTAssertEqual(x, y, file: file, line: line)
        case let (.float(x), .float(y)): XCTAssertEqual(x.map(\.bitPattern), y.map(\.bitPattern), file: file, line: line)
        case let (.bool(x), .bool(y)): XCTAssertEqual(x, y, file: file, line: line)
        case let (.string(xc, xd), .string(yc, yd)):
            XCTAssertEqual(xc, yc, file: file, line: line)
            XCTAssertEqual(xd.strings, yd.strings, file: file, line: line)
        default: XCTFail("storage kinds differ", file: file, line: line)
        }
    }
}

/// Microseconds of a UTC civil time, for expected values.
func micros(_ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64 = 0, _ minute: Int64 = 0,
            _ second: Int64 = 0, _ fraction: Int64 = 0) -> Int64 {
    CivilTime.days(year: year, month: month, day: day) * CivilTime.microsPerDay
        + ((hour * 60 + minute) * 60 + second) * CivilTime.microsPerSecond + fraction
}
