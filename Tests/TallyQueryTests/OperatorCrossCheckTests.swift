// Operators checked against naive row-at-a-time computations on seeded random tables.
import XCTest
import TallyStore
@testable import TallyQuery

final class OperatorCrossCheckTests: XCTestCase {
    /// A deterministic table: user (string, 500 users, some null), day offset (int), amount (float, some null).
    func randomTable(rows: Int, seed: UInt64) throws -> (Table, [(String?, Int64, Double?)]) {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var rowsOut: [(String?, Int64, Double?)] = []
        var users = ColumnBuilder(type: .string), days = ColumnBuilder(type: .int), amounts = ColumnBuilder(type: .float)
        for _ in 0..<rows {
            let user: String? = next() % 50 == 0 ? nil : "u\(next() % 500)"
            let day = Int64(next() % 40)
            let amount: Double? = next() % 10 == 0 ? nil : Double(next() % 1000) / 10
            rowsOut.append((user, day, amount))
            if let user { users.append(string: user) } else { users.appendNull() }
            days.append(int64: day)
            if let amount { amounts.append(float: amount) } else { amounts.appendNull() }
        }
        return (try Table([("user", users.finish()), ("day", days.finish()), ("amount", amounts.finish())]), rowsOut)
    }

    func query(_ session: Session, _ text: String) throws -> Table {
        var table: Table?
        var failure: Diagnostic?
        session.run(SourceText(origin: "<test>", text: text)) { event in
            switch event {
            case .result(let result): if case .table(let t) = result.output { table = t }
            case .failure(let diagnostic): failure = diagnostic
            }
        }
        if let failure { throw failure }
        return try XCTUnwrap(table)
    }

    func test_summarize_matchesNaiveGrouping() throws {
        let (table, rows) = try randomTable(rows: 20_000, seed: 7)
        let session = Session()
        session.register(table, as: "t")
        let result = try query(session, "t | summarize users = dcount(user), n = count(), total = sum(amount), p = percentile(amount, 25) by day | sort by day")
        XCTAssertEqual(result.rowCount, 40)
        for index in 0..<result.rowCount {
            guard case .int(let day) = result.row(index)[0] else { return XCTFail("day") }
            let group = rows.filter { $0.1 == day }
            let users = Set(group.compactMap(\.0)).count
            let amounts = group.compactMap(\.2).sorted()
            let total = amounts.reduce(0, +)
            let position = 0.25 * Double(amounts.count - 1)
            let lower = Int(position.rounded(.down)), upper = min(amounts.count - 1, lower + 1)
            let p = amounts[lower] + (amounts[upper] - amounts[lower]) * (position - Double(lower))
            XCTAssertEqual(result.row(index)[1], .int(Int64(users)), "dcount day \(day)")
            XCTAssertEqual(result.row(index)[2], .int(Int64(group.count)), "count day \(day)")
            guard case .float(let sum) = result.row(index)[3], case .float(let percentile) = result.row(index)[4] else {
                return XCTFail("float results")
            }
            XCTAssertEqual(sum, total, accuracy: 1e-6)
            XCTAssertEqual(percentile, p, accuracy: 1e-9)
        }
    }

    func test_dcountByTwoKeys_matchesNaive() throws {
        let (table, rows) = try randomTable(rows: 5_000, seed: 11)
        let session = Session()
        session.register(table, as: "t")
        let result = try query(session, "t | summarize n = dcount(amount) by user, odd = day % 2 == 1")
        var expected: [String: Set<Double>] = [:]
        for row in rows {
            let key = (row.0 ?? "null") + "|" + String(row.1 % 2 == 1)
            expected[key, default: []].formUnion(row.2.map { [$0] } ?? [])
        }
        XCTAssertEqual(result.rowCount, expected.count)
        let formatter = ValueFormatter()
        for index in 0..<result.rowCount {
            let row = result.row(index)
            let key = formatter.format(row[0]) + "|" + formatter.format(row[1])
            XCTAssertEqual(row[2], .int(Int64(expected[key]?.count ?? -1)), key)
        }
    }

    func test_sort_matchesNaiveOrder() throws {
        let (table, rows) = try randomTable(rows: 3_000, seed: 3)
        let session = Session()
        session.register(table, as: "t")
        let result = try query(session, "t | extend i = 0 | sort by user desc, amount")
        // Naive: user descending (nulls last), then amount ascending (nulls last), then input order.
        let order = rows.indices.sorted { a, b in
            let (ua, ub) = (rows[a].0, rows[b].0)
            if ua != ub {
                guard let ua else { return false }
                guard let ub else { return true }
                return ua > ub
            }
            let (xa, xb) = (rows[a].2, rows[b].2)
            if xa != xb {
                guard let xa else { return false }
                guard let xb else { return true }
                return xa < xb
            }
            return a < b
        }
        let expectedDays = order.map { Value.int(rows[$0].1) }
        let actualDays = (0..<result.rowCount).map { result.row($0)[1] }
        XCTAssertEqual(actualDays, expectedDays)
    }

    func test_join_matchesNaivePairs() throws {
        let (table, rows) = try randomTable(rows: 2_000, seed: 5)
        let session = Session()
        session.register(table, as: "t")
        let result = try query(session, "t | where day < 3 | join kind=left (t | where day > 37 | select user, late = day) on user")
        let left = rows.filter { $0.1 < 3 }, right = rows.filter { $0.1 > 37 }
        var expected = 0
        for row in left {
            let matches = row.0 == nil ? 0 : right.filter { $0.0 == row.0 }.count
            expected += max(1, matches)
        }
        XCTAssertEqual(result.rowCount, expected)
    }
}

extension OperatorCrossCheckTests {
    func test_sortThenTake_equalsPrefixOfFullSort() throws {
        let (table, _) = try randomTable(rows: 4_000, seed: 9)
        let session = Session()
        session.register(table, as: "t")
        let full = try query(session, "t | extend row = day * 0 | sort by amount desc, user | take 4000")
        for n in [0, 1, 7, 100, 499] {
            let top = try query(session, "t | extend row = day * 0 | sort by amount desc, user | take \(n)")
            XCTAssertEqual((0..<top.rowCount).map { top.row($0) }, (0..<n).map { full.row($0) }, "take \(n)")
            let viaTop = try query(session, "t | top \(n) by amount")
            XCTAssertEqual((0..<viaTop.rowCount).map { viaTop.row($0)[2] }, (0..<n).map { full.row($0)[2] }, "top \(n)")
        }
    }
}

extension OperatorCrossCheckTests {
    /// Many groups × many values takes the hashed (group, value) path instead of the bitset.
    func test_dcount_manyGroupsAndValues_matchesNaive() throws {
        let rows = 60_000
        let groups = (0..<rows).map { Int64($0 % 20_000) }
        let values = (0..<rows).map { Int64(($0 * 7_919) % 25_000) }
        let session = Session()
        session.register(try Table([("g", .int(groups)), ("v", .int(values))]), as: "t")
        let result = try query(session, "t | summarize n = dcount(v) by g")
        XCTAssertEqual(result.rowCount, 20_000)
        var expected: [Int64: Set<Int64>] = [:]
        for (g, v) in zip(groups, values) { expected[g, default: []].insert(v) }
        for index in 0..<result.rowCount {
            guard case .int(let g) = result.row(index)[0] else { return XCTFail("group") }
            XCTAssertEqual(result.row(index)[1], .int(Int64(expected[g]!.count)), "group \(g)")
        }
    }
}
