// RFM against independent engines: cut points and scores against ClickHouse (chDB) on thousands of
// random value sets, and every user's values, scores and segments against DuckDB SQL on a generated log.
import RFMPlugin
import TallyPluginAPI
import TallyStore
import TallyTestSupport
import XCTest

final class RFMCrossCheckTests: XCTestCase {
    private struct ClickHouseSet: Decodable {
        var bins: Int
        var values: [Double]
        var cuts: [Double]
        var scores: [Int]
    }

    private struct DuckDBUser: Decodable {
        var user_id: String
        var recency_days: Int64
        var frequency: Int64
        var monetary: Double
        var r_score: Int64
        var f_score: Int64
        var m_score: Int64
        var segment: String
        var value_segment: String
    }

    private struct DuckDBSegment: Decodable {
        var segment: String
        var users: Int64
        var share: Double
        var monetary: Double
        var avg_monetary: Double
    }

    private struct DuckDBResult: Decodable {
        var users: [String: [DuckDBUser]]
        var summary: [DuckDBSegment]
    }

    func test_cutPointsAndScores_matchClickHouseQuantilesExact() throws {
        let sets = try PythonPeer.json([ClickHouseSet].self, "plugins/RFM/crosscheck/quantiles_chdb.py",
                                       arguments: ["20240101", "3000"])
        XCTAssertGreaterThan(sets.count, 3000)
        var mismatches = 0
        for (index, set) in sets.enumerated() {
            let cuts = QuantileScores.cutPoints(set.values, bins: set.bins)
            let scores = QuantileScores.scores(set.values, bins: set.bins)
            // Whole-number sets also go through the Int64 path that recency and frequency use.
            if set.values.allSatisfy({ $0.rounded() == $0 }) {
                let integers = set.values.map { Int64($0) }
                XCTAssertEqual(QuantileScores.cutPoints(integers, bins: set.bins).map(Double.init), set.cuts, "set \(index)")
                XCTAssertEqual(QuantileScores.scores(integers, bins: set.bins), set.scores, "set \(index)")
            }
            if cuts != set.cuts || scores != set.scores {
                mismatches += 1
                if mismatches <= 5 {
                    XCTFail("set \(index) (bins \(set.bins), n \(set.values.count)): Tally cuts \(cuts) scores \(scores), "
                            + "ClickHouse cuts \(set.cuts) scores \(set.scores)")
                }
            }
        }
        XCTAssertEqual(mismatches, 0)
        // DESIGN's example is among the fixed sets: bins 10, values 1…90, the 7th cut point is sorted[62] = 63.
        XCTAssertEqual(sets[0].cuts[6], 63)
    }

    func test_rfm_matchesDuckDB_onGeneratedPurchases() throws {
        let path = try GeneratedEvents.csvPath(events: 300_000, seed: 11)
        let expected = try PythonPeer.json(DuckDBResult.self, "plugins/RFM/crosscheck/rfm_duckdb.py",
                                           arguments: [path, "UTC", "5", "10", "3"])
        let purchases = try Self.purchases(GeneratedEvents.table(events: 300_000, seed: 11))
        XCTAssertGreaterThan(purchases.rowCount, 5_000)
        for bins in [5, 10, 3] {
            try compareUsers(purchases, bins: bins, context: PluginContext(),
                             peer: try XCTUnwrap(expected.users[String(bins)]), label: "UTC bins \(bins)")
        }
        // The summary for bins 5, against DuckDB's aggregation of its own per-user segments.
        let summary = try RFMPlugin().run(purchases, arguments: BoundArguments([
            "amount": .column("amount"), "bins": .integer(5), "summary": .boolean(true),
        ]), context: PluginContext())
        XCTAssertEqual(summary.rowCount, expected.summary.count)
        let bySegment = Dictionary(uniqueKeysWithValues: expected.summary.map { ($0.segment, $0) })
        for row in 0..<summary.rowCount {
            let cells = summary.row(row)
            guard case .string(let name) = cells[0], let other = bySegment[name],
                  case .float(let share) = cells[2], case .float(let monetary) = cells[3],
                  case .float(let average) = cells[4]
            else { XCTFail("summary row \(cells)"); continue }
            XCTAssertEqual(cells[1], .int(other.users), name)
            XCTAssertEqual(share, other.share, accuracy: 1e-12, name)
            XCTAssertEqual(monetary, other.monetary, accuracy: 1e-9 * max(1, abs(other.monetary)), name)
            XCTAssertEqual(average, other.avg_monetary, accuracy: 1e-9 * max(1, abs(other.avg_monetary)), name)
        }
        // Segments come out in the rule table's order.
        let order = (0..<summary.rowCount).compactMap { row -> Int? in
            guard case .string(let name) = summary.row(row)[0] else { return nil }
            return RFMSegments.rules.firstIndex { $0.name == name }
        }
        XCTAssertEqual(order, order.sorted())
    }

    func test_rfm_matchesDuckDB_inZoneWithDaylightSaving() throws {
        // New York changes its clocks during the generated log (2024-03-10), and its local days
        // differ from UTC days for evening events: recency must follow the session zone's calendar.
        let path = try GeneratedEvents.csvPath(events: 300_000, seed: 11)
        let expected = try PythonPeer.json(DuckDBResult.self, "plugins/RFM/crosscheck/rfm_duckdb.py",
                                           arguments: [path, "America/New_York", "5"])
        let purchases = try Self.purchases(GeneratedEvents.table(events: 300_000, seed: 11))
        let zone = try XCTUnwrap(ZoneCalendar(identifier: "America/New_York"))
        try compareUsers(purchases, bins: 5, context: PluginContext(zone: zone),
                         peer: try XCTUnwrap(expected.users["5"]), label: "New York")
    }

    /// Runs rfm with `bins` in `context` and compares every user's row with DuckDB's.
    private func compareUsers(_ purchases: Table, bins: Int, context: PluginContext, peer: [DuckDBUser],
                              label: String) throws {
        let result = try RFMPlugin().run(purchases, arguments: BoundArguments([
            "amount": .column("amount"), "bins": .integer(Int64(bins)), "summary": .boolean(false),
        ]), context: context)
        XCTAssertEqual(result.rowCount, peer.count, "\(label): users")
        XCTAssertGreaterThan(peer.count, 1_000)
        let byUser = Dictionary(uniqueKeysWithValues: peer.map { ($0.user_id, $0) })
        var mismatches = 0
        for row in 0..<result.rowCount {
            let cells = result.row(row)
            guard case .string(let user) = cells[0], let other = byUser[user] else {
                XCTFail("\(label): user \(cells[0]) missing in DuckDB"); continue
            }
            guard case .float(let monetary) = cells[3] else { XCTFail("monetary type"); continue }
            let same = cells[1] == .int(other.recency_days) && cells[2] == .int(other.frequency)
                && abs(monetary - other.monetary) <= 1e-9
                && cells[4] == .int(other.r_score) && cells[5] == .int(other.f_score) && cells[6] == .int(other.m_score)
                && cells[8] == .string(other.segment) && cells[9] == .string(other.value_segment)
            if !same {
                mismatches += 1
                if mismatches <= 5 { XCTFail("\(label), \(user): Tally \(cells), DuckDB \(other)") }
            }
        }
        XCTAssertEqual(mismatches, 0, label)
    }

    /// The `purchase` rows of a generated log.
    static func purchases(_ table: Table) throws -> Table {
        let events = try XCTUnwrap(table.column(named: "event"))
        let codes = try XCTUnwrap(events.codes)
        let purchase = try XCTUnwrap(events.dictionary?.code(of: "purchase"))
        return table.gathered((0..<table.rowCount).filter { !events.isNull($0) && Int(codes[$0]) == purchase })
    }
}
