// A `where` followed by `select`/`extend` or a plugin gathers only the columns read later; the results must
// equal those of the same pipeline with every column gathered (a `take` in between keeps them all).
import XCTest
import TallyStore
import TallyPluginAPI
import TallyBuiltins
@testable import TallyQuery

final class EnginePruningTests: XCTestCase {
    private func assertSameResult(_ pruned: String, _ full: String, over table: Table,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let registry = try BuiltinPlugins.registry()
        let a = try EngineTestTables.query(pruned, over: table, registry: registry)
        let b = try EngineTestTables.query(full, over: table, registry: registry)
        XCTAssertEqual(a.fields, b.fields, pruned, file: file, line: line)
        XCTAssertEqual(EngineTestTables.cells(a), EngineTestTables.cells(b), pruned, file: file, line: line)
    }

    func test_whereThenSelect_matchesFullGather() throws {
        let table = try EngineTestTables.table(rows: 30_000, seed: 31, withNulls: true)
        for condition in ["small == \"a2\"", "small == \"absent\"", "score > 7", "mid in (\"m3\", \"m4\") or small is null"] {
            try assertSameResult("t | where \(condition) | select mid, twice = score * 2, small",
                                 "t | where \(condition) | take 1000000 | select mid, twice = score * 2, small", over: table)
            try assertSameResult("t | where \(condition) | select k = 1",
                                 "t | where \(condition) | take 1000000 | select k = 1", over: table)
            try assertSameResult("t | where \(condition) | extend k = amount + 1",
                                 "t | where \(condition) | take 1000000 | extend k = amount + 1", over: table)
        }
    }

    func test_whereThenNPS_matchesFullGather() throws {
        for withNulls in [false, true] {
            let table = try EngineTestTables.table(rows: 40_000, seed: withNulls ? 41 : 43, withNulls: withNulls)
            for condition in ["small == \"a3\"", "small != \"a3\"", "big == \"b5\"", "small == \"absent\"", "score >= 0"] {
                for by in ["", " by channel", " by small, channel", " by mid"] {
                    try assertSameResult("t | where \(condition) | nps(score: score)\(by)",
                                         "t | where \(condition) | take 1000000 | nps(score: score)\(by)", over: table)
                }
            }
        }
    }

    func test_whereThenNPS_invalidScore_reportsInputRow() throws {
        let table = try Table([("event", Column.string(["a", "s", "s", "b", "s"])), ("other", Column.int([1, 2, 3, 4, 5])),
                               ("score", Column.int([1, 9, 12, 3, 4]))])
        let registry = try BuiltinPlugins.registry()
        for text in ["t | where event == \"s\" | nps(score: score)", "t | where event == \"s\" | take 9 | nps(score: score)"] {
            XCTAssertThrowsError(try EngineTestTables.query(text, over: table, registry: registry)) { error in
                XCTAssertEqual((error as? Diagnostic)?.message,
                               "`score` must be an integer from 0 to 10; this row has 12 (row 2)", text)
            }
        }
    }

    func test_npsPlugin_readsOnlyItsScoreColumn() {
        let fields = [Field(name: "event", type: .string), Field(name: "rating", type: .int)]
        XCTAssertEqual(BuiltinPluginsProbe.nps.inputColumns(arguments: BoundArguments(["score": .column("rating")]), input: fields),
                       ["rating"])
    }
}

/// The registered `nps` plugin, looked up the way the binder does.
private enum BuiltinPluginsProbe {
    static var nps: any Plugin { try! BuiltinPlugins.registry().plugin(named: "nps")! }
}
