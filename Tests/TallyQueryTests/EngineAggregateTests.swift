// `summarize` fast paths (no keys: folds without group ids; `count() by` a string column: a code
// histogram) against the grouped path, which a constant key forces.
import XCTest
import TallyStore
@testable import TallyQuery

final class EngineAggregateTests: XCTestCase {
    /// The table plus int/timestamp/float columns with NaN, ±0 and nulls, long enough for two workers.
    private func table(rows: Int, seed: UInt64, withNulls: Bool) throws -> Table {
        let base = try EngineTestTables.table(rows: rows, seed: seed, withNulls: withNulls)
        var random = EngineTestTables.Generator(state: seed &+ 1)
        var ints = ColumnBuilder(type: .int), stamps = ColumnBuilder(type: .timestamp), floats = ColumnBuilder(type: .float)
        for row in 0..<rows {
            if withNulls, random.next(9) == 0 { ints.appendNull() } else { ints.append(int64: Int64(random.next(2_000_001)) - 1_000_000) }
            if withNulls, row == 0 || random.next(13) == 0 { stamps.appendNull() } else { stamps.append(.timestamp(Int64(random.next(1 << 30)))) }
            switch random.next(40) {
            case 0 where withNulls: floats.appendNull()
            case 1: floats.append(float: .nan)
            case 2: floats.append(float: -0.0)
            case 3: floats.append(float: 0.0)
            default: floats.append(float: Double(random.next(100_000)) / 7 - 5_000)
            }
        }
        return try Table(zip(base.names, base.columns).map { ($0, $1) }
                         + [("i", ints.finish()), ("ts", stamps.finish()), ("f", floats.finish())])
    }

    private func assertSame(_ fast: String, _ general: String, over table: Table, file: StaticString = #filePath, line: UInt = #line) throws {
        let a = try EngineTestTables.query(fast, over: table), b = try EngineTestTables.query(general, over: table)
        XCTAssertEqual(a.fields, b.fields, fast, file: file, line: line)
        XCTAssertEqual(EngineTestTables.cells(a), EngineTestTables.cells(b), fast, file: file, line: line)
    }

    private let folds = "n = count(), c = count(score), ci = countif(score > 5), s = sum(i), si = sum(score), sf = sum(f), "
        + "a = avg(i), af = avg(f), lo = min(i), hi = max(i), t0 = min(ts), t1 = max(ts), f0 = min(f), f1 = max(f), "
        + "d = min(small), u = dcount(mid)"

    func test_summarizeWithoutKeys_matchesGroupedPath() throws {
        for withNulls in [false, true] {
            for rows in [0, 1, 1_000, 20_000] {
                let table = try table(rows: rows, seed: UInt64(rows) + 7, withNulls: withNulls)
                // `by k = 1` forces the grouped path; it adds a key column, dropped again by `select`.
                let names = "n, c, ci, s, si, sf, a, af, lo, hi, t0, t1, f0, f1, d, u"
                try assertSame("t | summarize \(folds)",
                               rows == 0 ? "t | summarize \(folds)" : "t | summarize \(folds) by k = 1 | select \(names)",
                               over: table)
                try assertSame("t | where small == \"a2\" | summarize \(folds)",
                               "t | where small == \"a2\" | take 100000000 | summarize \(folds)", over: table)
            }
        }
    }

    func test_summarizeWithoutKeys_knownValues() throws {
        let table = try Table([("x", Column.float([.nan, 3, -1])), ("y", Column.int([5, 2, 9])),
                               ("z", Column.int([0, 0, 0], validity: ValidityBitmap(count: 3, allValid: false)))])
        let result = try EngineTestTables.query("t | summarize a = min(x), b = max(x), c = min(y), d = max(y), e = sum(z), f = count(z), g = count()", over: table)
        // A leading NaN is kept (nothing compares less or greater than it); an all-null sum is null.
        XCTAssertEqual(EngineTestTables.cells(result), [["a", "b", "c", "d", "e", "f", "g"], ["nan", "nan", "2", "9", "null", "0", "3"]])
    }

    func test_countByStringColumn_matchesGroupedPath() throws {
        for withNulls in [false, true] {
            for rows in [0, 5, 3_000] {
                let table = try EngineTestTables.table(rows: rows, seed: UInt64(rows) + 3, withNulls: withNulls)
                for column in ["small", "mid", "channel"] {
                    // A second key (always 1) forces the grouped path without changing the groups.
                    try assertSame("t | summarize n = count(), m = count() by \(column)",
                                   "t | summarize n = count(), m = count() by \(column), k = 1 | select \(column), n, m", over: table)
                    try assertSame("t | where score > 4 | summarize n = count() by c = \(column)",
                                   "t | where score > 4 | summarize n = count() by c = \(column), k = 1 | select c, n", over: table)
                }
            }
        }
    }

    func test_countByStringColumn_firstAppearanceOrder() throws {
        let table = try Table([("e", Column.string(["b", nil, "a", "b", nil, "c", "a", "b"]))])
        let result = try EngineTestTables.query("t | summarize n = count() by e", over: table)
        XCTAssertEqual(EngineTestTables.cells(result), [["e", "n"], ["b", "3"], ["null", "2"], ["a", "2"], ["c", "1"]])
    }

    func test_parallelParts_matchSinglePass() throws {
        for withNulls in [false, true] {
            let table = try table(rows: 20_011, seed: 77, withNulls: withNulls)
            for column in ["small", "mid", "big", "channel"] {
                let whole = CountsByCode(table.column(named: column)!)
                // Each part has its own counters per dictionary value: few parts for the big dictionary.
                for partSize in column == "big" ? [5_000] : [1, 257, 5_000] {
                    let parts = CountsByCode(table.column(named: column)!, partSize: partSize)
                    XCTAssertEqual(parts.firstRows, whole.firstRows, "\(column), parts of \(partSize)")
                    XCTAssertEqual(parts.counts, whole.counts, "\(column), parts of \(partSize)")
                }
            }
            for function in [AggregateFunction.min, .max] {
                for column in ["i", "ts", "score"] {
                    let argument = table.column(named: column)!
                    let aggregate = BoundAggregate(function: function, argument: nil, parameter: 0, type: argument.type)
                    let single = WholeTableAggregates.compute(aggregate, argument: argument, rowCount: table.rowCount)!
                    let halves = WholeTableAggregates.compute(aggregate, argument: argument, rowCount: table.rowCount,
                                                              parallelCount: 100)!
                    XCTAssertEqual(halves.value(at: 0), single.value(at: 0), "\(function) \(column)")
                    XCTAssertNotEqual(single.value(at: 0), .null)
                }
            }
            for column in ["i", "ts", "score"] {
                let argument = table.column(named: column)!
                let both = [WholeTableAggregates.extremes(argument), WholeTableAggregates.extremes(argument, parallelCount: 100)]
                guard !argument.hasNulls else {
                    XCTAssertNil(both[0], "nulls take the separate folds")
                    continue
                }
                let values = argument.int64Values!
                for pair in both {
                    XCTAssertEqual(pair?.min.value(at: 0), argument.value(at: values.firstIndex(of: values.min()!)!), column)
                    XCTAssertEqual(pair?.max.value(at: 0), argument.value(at: values.firstIndex(of: values.max()!)!), column)
                    XCTAssertEqual(pair?.min.type, argument.type)
                }
            }
        }
    }
}
