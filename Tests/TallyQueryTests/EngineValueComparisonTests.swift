// `where column op constant` on number and time columns (ValueComparison) against the general path.
import XCTest
import TallyStore
@testable import TallyQuery

/// `column op constant` on number and time columns, scanned from the values, against the general path.
final class EngineValueComparisonTests: XCTestCase {
    func test_valueComparison_matchesGeneralPath() throws {
        var random = EngineTestTables.Generator(state: 5)
        var ints = ColumnBuilder(type: .int), floats = ColumnBuilder(type: .float), stamps = ColumnBuilder(type: .timestamp)
        for row in 0..<30_001 {
            if random.next(6) == 0 { ints.appendNull() } else { ints.append(int64: Int64(random.next(21)) - 10) }
            switch random.next(30) {
            case 0: floats.appendNull()
            case 1: floats.append(float: .nan)
            case 2: floats.append(float: -0.0)
            default: floats.append(float: Double(random.next(41)) / 4 - 5)
            }
            stamps.append(.timestamp(1_709_251_200_000_000 + Int64(row) * 60_000_000))
        }
        let table = try Table([("i", ints.finish()), ("f", floats.finish()), ("ts", stamps.finish())])
        let evaluator = Evaluator(context: EngineTestTables.context())
        var conditions: [String] = []
        for op in ["==", "!=", "<", "<=", ">", ">="] {
            conditions += ["i \(op) 3", "3 \(op) i", "i \(op) -10", "i \(op) 99", "f \(op) 0", "f \(op) 1.25", "f \(op) -0.0",
                           "ts \(op) 2024-03-10", "ts \(op) timestamp(\"2024-03-10 12:00:00\")", "i \(op) null", "i \(op) 2 + 3"]
        }
        for text in conditions {
            let condition = try EngineTestTables.condition(text, over: table)
            let comparison = try XCTUnwrap(try ValueComparison.make(condition, columns: table.columns, evaluator: evaluator), text)
            let expected = RowSelection.trueRows(try evaluator.evaluate(condition, over: table))
            for partSize in [1_000, CodeScan.defaultPartSize] {
                XCTAssertEqual(comparison.rows(table.columns[comparison.columnIndex], partSize: partSize), expected,
                               "\(text), part size \(partSize)")
            }
            XCTAssertEqual(try RowSelection.count(condition, columns: table.columns, rowCount: table.rowCount, evaluator: evaluator),
                           expected.count, text)
        }
        XCTAssertEqual(try RowSelection.rows(try EngineTestTables.condition("i == 3", over: table), columns: table.columns,
                                             rowCount: table.rowCount, evaluator: evaluator).count,
                       (0..<table.rowCount).filter { table.columns[0].value(at: $0) == .int(3) }.count)
    }
}
