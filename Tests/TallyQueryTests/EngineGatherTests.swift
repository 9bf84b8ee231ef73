// `Column.selecting` (unsafe, parallel gather of a filter's rows) against `Column.gathered`.
import XCTest
import TallyStore

final class EngineGatherTests: XCTestCase {
    private func assertSame(_ a: Column, _ b: Column, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, message, file: file, line: line)
        XCTAssertEqual(a.validity, b.validity, message, file: file, line: line)
        XCTAssertEqual(a.codes, b.codes, message, file: file, line: line)
        XCTAssertTrue(a.dictionary === b.dictionary, message, file: file, line: line)
        XCTAssertEqual(a.int64Values, b.int64Values, message, file: file, line: line)
        XCTAssertEqual(a.floatValues, b.floatValues, message, file: file, line: line)
        XCTAssertEqual(a.boolValues, b.boolValues, message, file: file, line: line)
        XCTAssertEqual(a.type, b.type, message, file: file, line: line)
    }

    func test_selecting_everyStorage_matchesGathered() throws {
        let table = try EngineTestTables.table(rows: 150_001, seed: 13, withNulls: true)
        var random = EngineTestTables.Generator(state: 99)
        var bools = ColumnBuilder(type: .bool), stamps = ColumnBuilder(type: .timestamp)
        for row in 0..<table.rowCount {
            if row % 11 == 0 { bools.appendNull() } else { bools.append(.bool(random.next(2) == 1)) }
            stamps.append(.timestamp(Int64(random.next(1_000_000))))
        }
        let columns = table.columns + [bools.finish(), stamps.finish()]
        // Ascending selections of several densities (the parallel path starts at 16,384 rows), one
        // with repeats and out of order, and the empty one.
        var selections: [[Int]] = [[], [0], [table.rowCount - 1], Array(0..<table.rowCount)]
        for density in [2, 7, 300] {
            selections.append((0..<table.rowCount).filter { _ in random.next(density) == 0 })
        }
        selections.append((0..<40_000).map { _ in random.next(table.rowCount) })
        for column in columns {
            for rows in selections {
                assertSame(column.selecting(rows), column.gathered(rows), "\(column.type), \(rows.count) rows")
            }
        }
    }

    func test_selecting_validity_packsAcrossWords() {
        var bitmap = ValidityBitmap(count: 200, allValid: true)
        for row in [0, 63, 64, 127, 199] { bitmap.set(row, valid: false) }
        let rows = [199, 0, 1, 63, 64, 65, 127, 128, 5, 199]
        XCTAssertEqual(bitmap.selecting(rows), bitmap.gathered(rows))
        let selected = bitmap.selecting(rows)
        XCTAssertEqual((0..<rows.count).map(selected.isValid), [false, false, true, false, false, true, false, true, true, false])
    }
}
