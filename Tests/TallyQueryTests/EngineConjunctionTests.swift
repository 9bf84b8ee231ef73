// `where a and b` with a fast-path side (RowTest) against the general path.
import XCTest
import TallyStore
@testable import TallyQuery

/// `where a and b` with a fast-path side checked on the other side's rows only, against the general path.
final class EngineConjunctionTests: XCTestCase {
    func test_conjunctions_matchGeneralPath() throws {
        for withNulls in [false, true] {
            let table = try EngineTestTables.table(rows: 20_000, seed: withNulls ? 61 : 67, withNulls: withNulls)
            let evaluator = Evaluator(context: EngineTestTables.context())
            for text in ["small == \"a1\" and score > 3", "score > 3 and small == \"a1\"", "small == \"a1\" and mid == \"m3\"",
                         "small in (\"a1\", \"a2\") and amount <= 50 and big != \"b7\"", "length(mid) == 3 and small == \"a2\"",
                         "small == \"a2\" and length(mid) == 3", "(small == \"a1\" or score > 8) and amount > 10",
                         "small is null and score is null", "small == \"absent\" and score > 1", "score > 1 and score < 4",
                         "score == null and small == \"a1\"", "amount > 10 and small is not null and mid < \"m5\""] {
                let condition = try EngineTestTables.condition(text, over: table)
                let expected = RowSelection.trueRows(try evaluator.evaluate(condition, over: table))
                XCTAssertEqual(try RowSelection.rows(condition, columns: table.columns, rowCount: table.rowCount,
                                                     evaluator: evaluator), expected, "\(text), nulls: \(withNulls)")
                XCTAssertEqual(try RowSelection.count(condition, columns: table.columns, rowCount: table.rowCount,
                                                      evaluator: evaluator), expected.count, "\(text), nulls: \(withNulls)")
            }
        }
    }

    func test_conjunction_knownRows() throws {
        let table = try Table([("e", Column.string(["x", "y", nil, "x", "x"])),
                               ("n", Column.int([1, 5, 5, 7, 0], validity: ValidityBitmap(words: [0b10111], count: 5)))])
        let condition = try EngineTestTables.condition("e == \"x\" and n >= 1", over: table)
        // Row 3's n is null: `null and true` is null, not selected.
        XCTAssertEqual(try RowSelection.rows(condition, columns: table.columns, rowCount: table.rowCount,
                                             evaluator: Evaluator(context: EngineTestTables.context())), [0])
    }
}
