// The plugin against a plain reference (dictionaries, full sorts, a per-user compensated sum) on
// random purchase logs with ties, nulls, unsorted times, int users and date times: every cell equal.
@testable import RFMPlugin
import TallyPluginAPI
import TallyStore
import TallyTestSupport
import XCTest

final class RFMReferenceTests: XCTestCase {
    private struct Row {
        var user: Int?
        var time: Int64?
        var amount: Double?
    }

    /// What the plugin must give per user, computed the obvious way.
    private struct Expected: Equatable {
        var user: Int
        var recency: Int64
        var frequency: Int64
        var monetary: Double
        var scores: [Int]
    }

    private static func reference(_ rows: [Row], bins: Int, isDateTime: Bool) -> [Expected] {
        var order: [Int] = []
        var last: [Int: Int64] = [:], count: [Int: Int64] = [:], sum: [Int: Double] = [:], lost: [Int: Double] = [:]
        for row in rows {
            guard let user = row.user else { continue }
            if count[user] == nil {
                order.append(user)
                count[user] = 0
            }
            guard let time = row.time else { continue }
            last[user] = max(last[user] ?? .min, time)
            count[user]! += 1
            guard let amount = row.amount else { continue }
            let running = sum[user] ?? 0, total = running + amount
            lost[user, default: 0] += abs(running) >= abs(amount) ? (running - total) + amount : (amount - total) + running
            sum[user] = total
        }
        let users = order.filter { count[$0]! > 0 }
        guard let latest = users.map({ last[$0]! }).max() else { return [] }
        // Times are not negative here, so division is the floor; UTC days.
        func day(_ time: Int64) -> Int64 { isDateTime ? time : time / CivilTime.microsPerDay }
        let asOf = day(latest) + 1
        let recency = users.map { asOf - day(last[$0]!) }
        let frequency = users.map { count[$0]! }
        let monetary = users.map { user -> Double in
            let lostPart = lost[user] ?? 0
            return lostPart != 0 ? (sum[user] ?? 0) + lostPart : (sum[user] ?? 0)
        }
        func scores<Value: Comparable>(_ values: [Value]) -> [Int] {
            let sorted = values.sorted()
            let cuts = (1..<bins).map { sorted[Int((Double($0) / Double(bins) * Double(values.count)).rounded(.down))] }
            return values.map { value in 1 + cuts.filter { $0 < value }.count }
        }
        let r = scores(recency.map { -$0 }), f = scores(frequency), m = scores(monetary)
        return users.indices.map {
            Expected(user: users[$0], recency: recency[$0], frequency: frequency[$0], monetary: monetary[$0],
                     scores: [r[$0], f[$0], m[$0]])
        }
    }

    private static func randomRows(_ count: Int, users: Int, days: Int64, nulls: Bool, sorted: Bool,
                                   using random: inout SplitMix) -> [Row] {
        var rows = (0..<count).map { _ -> Row in
            // Prices with cents, often repeated, so sums tie and rounding matters.
            let cents = [199, 399, 499, 2300, 1250, 5, 100_000].randomElement(using: &random)!
            return Row(user: Int.random(in: 0..<users, using: &random),
                       time: Int64.random(in: 0..<(days * 86_400), using: &random) * 1_000_000,
                       amount: Double(cents) / 100)
        }
        if sorted { rows.sort { $0.time! < $1.time! } }
        if nulls {
            for index in rows.indices where Int.random(in: 0..<9, using: &random) == 0 {
                switch Int.random(in: 0..<3, using: &random) {
                case 0: rows[index].user = nil
                case 1: rows[index].time = nil
                default: rows[index].amount = nil
                }
            }
        }
        return rows
    }

    private func table(_ rows: [Row], intUsers: Bool, dates: Bool) throws -> Table {
        let users = intUsers ? Column.int(rows.map { Int64($0.user ?? 0) }, validity: validity(rows.map { $0.user != nil }))
            : Column.string(rows.map { $0.user.map { "u\($0)" } })
        var times = ColumnBuilder(type: dates ? .date : .timestamp, capacity: rows.count)
        for row in rows {
            if let time = row.time { times.append(int64: dates ? time / 1_000_000 / 86_400 : time) } else { times.appendNull() }
        }
        var amounts = ColumnBuilder(type: .float, capacity: rows.count)
        for row in rows {
            if let amount = row.amount { amounts.append(float: amount) } else { amounts.appendNull() }
        }
        return try Table([("user_id", users), ("ts", times.finish()), ("amount", amounts.finish())])
    }

    private func validity(_ valid: [Bool]) -> ValidityBitmap {
        var bitmap = ValidityBitmap()
        for flag in valid { bitmap.append(flag) }
        return bitmap
    }

    private func actual(_ table: Table, bins: Int) throws -> [Expected] {
        let arguments = BoundArguments(["amount": .column("amount"), "summary": .boolean(false), "bins": .integer(Int64(bins))])
        let result = try RFMPlugin().run(table, arguments: arguments, context: PluginContext())
        return (0..<result.rowCount).map { index in
            let row = result.row(index)
            let user: Int
            switch row[0] {
            case .int(let value): user = Int(value)
            case .string(let text): user = Int(text.dropFirst())!
            default: user = -1
            }
            func int(_ value: Value) -> Int64 { if case .int(let number) = value { return number } else { return -1 } }
            func float(_ value: Value) -> Double { if case .float(let number) = value { return number } else { return .nan } }
            return Expected(user: user, recency: int(row[1]), frequency: int(row[2]), monetary: float(row[3]),
                            scores: [Int(int(row[4])), Int(int(row[5])), Int(int(row[6]))])
        }
    }

    func test_rfm_randomLogs_equalReference() throws {
        var random = SplitMix(seed: 2024)
        for round in 0..<48 {
            let intUsers = round % 2 == 1, dates = round % 3 == 2, nulls = round % 4 >= 2, sorted = round % 5 != 4
            let bins = [5, 2, 3, 10][round % 4]
            let rows = Self.randomRows(Int.random(in: 1...2_000, using: &random), users: Int.random(in: 1...300, using: &random),
                                       days: Int64.random(in: 1...60, using: &random), nulls: nulls, sorted: sorted,
                                       using: &random)
            let table = try table(rows, intUsers: intUsers, dates: dates)
            var referenceRows = rows
            if dates {
                for index in referenceRows.indices { referenceRows[index].time = referenceRows[index].time.map { $0 / 1_000_000 / 86_400 } }
            }
            let expected = Self.reference(referenceRows, bins: bins, isDateTime: dates)
            XCTAssertEqual(try actual(table, bins: bins), expected, "round \(round)")
        }
    }

    func test_quantileScores_countedIntegerCutsEqualSortedCuts() {
        var random = SplitMix(seed: 5)
        for round in 0..<200 {
            let count = Int.random(in: 1...500, using: &random)
            // Narrow ranges are counted; a few wide ones (and negatives) are selected.
            let width: Int64 = round % 10 == 0 ? 1 << 40 : Int64.random(in: 0...50, using: &random)
            let values = (0..<count).map { _ in Int64.random(in: -width...width, using: &random) }
            let bins = Int.random(in: 2...12, using: &random)
            let sorted = values.sorted()
            let cuts = QuantileScores.cutIndices(count: count, bins: bins).map { sorted[$0] }
            XCTAssertEqual(QuantileScores.cutPoints(values, bins: bins), cuts)
            XCTAssertEqual(QuantileScores.scores(values, bins: bins), values.map { value in 1 + cuts.filter { $0 < value }.count })
        }
    }
}
