// The `where` fast path (one decision per dictionary value, then a scan of the codes) against the
// general path (the condition evaluated per row), on random tables with nulls and every code width.
import XCTest
import TallyStore
@testable import TallyQuery

final class EngineSelectionTests: XCTestCase {
    /// Conditions on one string column, with `C` standing for the column and `V`/`W` for values in it.
    private let singleColumnConditions = [
        "C == \"V\"", "\"V\" == C", "C != \"V\"", "C == \"absent\"", "C != \"absent\"", "C == \"\"",
        "C in (\"V\", \"W\")", "C not in (\"V\", \"W\")", "C in (\"absent\", \"V\")", "C < \"V\"", "C >= \"W\"",
        "C startswith \"V\"", "C contains \"1\"", "C like \"%2%\"", "C is null", "C is not null",
        "not (C == \"V\")", "C == \"V\" or C is null", "C == \"V\" or C == \"W\"", "C == \"V\" and C != \"W\"",
        "C == C",
    ]

    private func general(_ condition: BoundExpression, _ table: Table) throws -> [Int] {
        let evaluator = Evaluator(context: EngineTestTables.context())
        return RowSelection.trueRows(try evaluator.evaluate(condition, over: table))
    }

    /// The conditions that compare whole strings (cheap enough for a 66,000-value dictionary in a debug build).
    private var equalityConditions: [String] {
        singleColumnConditions.filter { !["<", ">=", "startswith", "contains", "like", "C == C"].contains(where: $0.contains) }
    }

    private func assertFastPathMatches(_ table: Table, column: String, values: (String, String), withNulls: Bool,
                                       conditions: [String]? = nil,
                                       file: StaticString = #filePath, line: UInt = #line) throws {
        let evaluator = Evaluator(context: EngineTestTables.context())
        for template in conditions ?? singleColumnConditions {
            let text = template.replacingOccurrences(of: "C", with: column)
                .replacingOccurrences(of: "V", with: values.0).replacingOccurrences(of: "W", with: values.1)
            let condition = try EngineTestTables.condition(text, over: table)
            let predicate = try DictionaryPredicate.make(condition, columns: table.columns, rowCount: table.rowCount,
                                                         evaluator: evaluator)
            let fast = try XCTUnwrap(predicate, "no fast path for \(text)", file: file, line: line)
            let expected = try general(condition, table)
            let index = try XCTUnwrap(table.index(of: column))
            // Parts of 1000 rows cross many part boundaries; the default part size is one part here.
            for partSize in [1000, CodeScan.defaultPartSize] {
                XCTAssertEqual(CodeScan.rows(table.columns[index], fast, partSize: partSize), expected,
                               "\(text), nulls: \(withNulls), part size \(partSize)", file: file, line: line)
                XCTAssertEqual(CodeScan.count(table.columns[index], fast, partSize: partSize), expected.count,
                               "count: \(text), nulls: \(withNulls), part size \(partSize)", file: file, line: line)
            }
            XCTAssertEqual(try RowSelection.rows(condition, columns: table.columns, rowCount: table.rowCount,
                                                 evaluator: evaluator), expected, text, file: file, line: line)
            XCTAssertEqual(try RowSelection.count(condition, columns: table.columns, rowCount: table.rowCount,
                                                  evaluator: evaluator), expected.count, text, file: file, line: line)
        }
    }

    func test_selection_u8Codes_matchesGeneralPath() throws {
        for withNulls in [false, true] {
            let table = try EngineTestTables.table(rows: 20_003, seed: 3, withNulls: withNulls)
            guard case .u8 = table.column(named: "small")!.codes! else { return XCTFail("small is not u8") }
            try assertFastPathMatches(table, column: "small", values: ("a1", "a4"), withNulls: withNulls)
        }
    }

    func test_selection_u16Codes_matchesGeneralPath() throws {
        for withNulls in [false, true] {
            let table = try EngineTestTables.table(rows: 20_005, seed: 5, withNulls: withNulls)
            guard case .u16 = table.column(named: "mid")!.codes! else { return XCTFail("mid is not u16") }
            try assertFastPathMatches(table, column: "mid", values: ("m17", "m250"), withNulls: withNulls)
        }
    }

    func test_selection_u32Codes_matchesGeneralPath() throws {
        for withNulls in [false, true] {
            let table = try EngineTestTables.table(rows: 70_001, seed: 9, withNulls: withNulls)
            guard case .u32 = table.column(named: "big")!.codes! else { return XCTFail("big is not u32") }
            try assertFastPathMatches(table, column: "big", values: ("b65599", "b12"), withNulls: withNulls,
                                      conditions: equalityConditions)
        }
    }

    func test_selection_knownRows_exactIndices() throws {
        let table = try Table([("e", Column.string(["x", "y", nil, "x", "z", "x", nil]))])
        let evaluator = Evaluator(context: EngineTestTables.context())
        func rows(_ text: String) throws -> [Int] {
            try RowSelection.rows(try EngineTestTables.condition(text, over: table), columns: table.columns,
                                  rowCount: table.rowCount, evaluator: evaluator)
        }
        XCTAssertEqual(try rows("e == \"x\""), [0, 3, 5])
        // A null row is neither equal nor unequal.
        XCTAssertEqual(try rows("e != \"x\""), [1, 4])
        XCTAssertEqual(try rows("e is null"), [2, 6])
        XCTAssertEqual(try rows("e == \"nowhere\""), [])
        XCTAssertEqual(try rows("e in (\"y\", \"z\")"), [1, 4])
        XCTAssertEqual(try rows("not (e in (\"y\", \"z\"))"), [0, 3, 5])
    }

    func test_selection_otherConditions_takeGeneralPath() throws {
        let table = try EngineTestTables.table(rows: 5_000, seed: 21, withNulls: true)
        let evaluator = Evaluator(context: EngineTestTables.context())
        for text in ["small == \"a1\" and score > 3", "small == mid", "length(small) == 2", "score > 5", "small == \"a1\" or amount > 100"] {
            let condition = try EngineTestTables.condition(text, over: table)
            XCTAssertNil(try DictionaryPredicate.make(condition, columns: table.columns, rowCount: table.rowCount,
                                                      evaluator: evaluator), text)
            XCTAssertEqual(try RowSelection.rows(condition, columns: table.columns, rowCount: table.rowCount,
                                                 evaluator: evaluator), try general(condition, table), text)
        }
    }

    func test_selection_emptyTable_selectsNothing() throws {
        let table = try Table([("e", Column.string([]))])
        let condition = try EngineTestTables.condition("e == \"x\"", over: table)
        XCTAssertEqual(try RowSelection.rows(condition, columns: table.columns, rowCount: 0,
                                             evaluator: Evaluator(context: EngineTestTables.context())), [])
    }
}
