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
