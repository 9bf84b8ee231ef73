// Cross-check (b): the 4-step funnel on a generated log against chDB's windowFunnel (users per step,
// several modes) and DuckDB (median and mean time from the previous step).
import FunnelPlugin
import TallyPluginAPI
import TallyStore
import TallyTestSupport
import XCTest

final class FunnelLogCrossCheckTests: XCTestCase {
    private struct Peer: Decodable {
        struct Gaps: Decodable {
            var count: Int
            var median: Double
            var sum: Int64
        }
        var users: [Int64]
        var users_by_mode: [String: [Int64]]
        var gaps: [String: Gaps]
    }

    private let steps = ["view_item", "add_to_cart", "checkout", "purchase"]

    func test_funnel_generatedLog_matchesClickHouseAndDuckDB() throws {
        let path = try GeneratedEvents.csvPath(events: 30_000, seed: 7)
        let table = try GeneratedEvents.table(events: 30_000, seed: 7)
        let peer = try PythonPeer.json(Peer.self, "plugins/Funnel/crosscheck/funnel_log.py", arguments: [path])

        let result = try run(table, mode: [])
        XCTAssertEqual(result.rowCount, 4)
        XCTAssertEqual(result.columns[2].int64Values, peer.users)
        XCTAssertGreaterThan(peer.users[3], 0)
        for step in 0..<4 {
            let row = result.row(step)
            XCTAssertEqual(row[0], .int(Int64(step + 1)))
            XCTAssertEqual(row[1], .string(steps[step]))
            XCTAssertEqual(row[4], .float(Double(peer.users[step]) / Double(peer.users[0])))
            guard step > 0 else { continue }
            XCTAssertEqual(row[3], .float(Double(peer.users[step]) / Double(peer.users[step - 1])))
            XCTAssertEqual(row[5], .int(peer.users[step - 1] - peer.users[step]))
            let gaps = try XCTUnwrap(peer.gaps[String(step + 1)])
            XCTAssertEqual(Int64(gaps.count), peer.users[step])
            // Tally rounds half a microsecond up; DuckDB's median is the exact mean of the middle two.
            XCTAssertEqual(row[6], .duration(Int64((gaps.median + 0.5).rounded(.down))), "median, step \(step + 1)")
            let count = Int64(gaps.count)
            XCTAssertEqual(row[7], .duration((2 * gaps.sum + count) / (2 * count)), "mean, step \(step + 1)")
        }

        for (modeText, expected) in peer.users_by_mode {
            let mode = Set(modeText.split(separator: ",").map(String.init))
            XCTAssertEqual(try run(table, mode: mode).columns[2].int64Values, expected, "mode \(modeText)")
        }
        XCTAssertEqual(peer.users_by_mode.count, 7)
    }

    private func run(_ table: Table, mode: Set<String>) throws -> Table {
        let events = try XCTUnwrap(table.column(named: "event"))
        let codes = try XCTUnwrap(events.codes)
        let dictionary = try XCTUnwrap(events.dictionary)
        let predicates = steps.map { name -> ArgumentValue in
            let code = dictionary.code(of: name).map(UInt32.init)
            return .predicate(Column.bool((0..<table.rowCount).map { codes[$0] == code }), label: name)
        }
        let arguments = BoundArguments(["steps": .list(predicates), "mode": .flags(mode)])
        return try FunnelPlugin().run(table, arguments: arguments, context: PluginContext())
    }
}

final class FunnelParallelTests: XCTestCase {
    /// Splitting rows and users over threads changes nothing: per-user levels and the step table
    /// (times included) equal the single-threaded run.
    func test_funnel_parallelEqualsSingleThreaded() throws {
        let table = try GeneratedEvents.table(events: 150_000, seed: 11)
        let events = try XCTUnwrap(table.column(named: "event"))
        let codes = try XCTUnwrap(events.codes)
        let dictionary = try XCTUnwrap(events.dictionary)
        let names = ["view_item", "add_to_cart", "checkout", "purchase"]
        let steps = names.map { name -> Column in
            let code = dictionary.code(of: name).map(UInt32.init)
            return Column.bool((0..<table.rowCount).map { codes[$0] == code })
        }
        let user = try XCTUnwrap(table.index(of: "user_id")), time = try XCTUnwrap(table.index(of: "ts"))
        for mode in [FunnelMode(), [.strictOrder, .strictIncrease], [.strictOnce, .strictDeduplication]] as [FunnelMode] {
            for perUser in [false, true] {
                let options = FunnelOptions(steps: steps, labels: names, mode: mode, perUser: perUser,
                                            userColumn: user, timeColumn: time)
                let single = try FunnelComputation.run(table, options: options, workers: 1)
                let parallel = try FunnelComputation.run(table, options: options, workers: 2)
                XCTAssertGreaterThan(single.rowCount, 0)
                XCTAssertEqual((0..<single.rowCount).map(single.row), (0..<parallel.rowCount).map(parallel.row))
            }
        }
    }
}
