// NPS against DuckDB SQL on the nps_survey rows of a generated log, overall and per channel, both intervals.
import NPSPlugin
import TallyPluginAPI
import TallyStore
import TallyTestSupport
import XCTest

final class NPSCrossCheckTests: XCTestCase {
    func test_nps_matchesDuckDB_overallAndPerChannel() throws {
        let path = try GeneratedEvents.csvPath(events: 300_000, seed: 11)
        let expected = try PythonPeer.json([String: [String: [String: Double]]].self,
                                           "plugins/NPS/crosscheck/nps_duckdb.py", arguments: [path])
        let table = try GeneratedEvents.table(events: 300_000, seed: 11)
        let surveys = try Self.rows(of: table, where: "event", is: "nps_survey")
        XCTAssertGreaterThan(surveys.rowCount, 1_000)
        // The groups, as `by channel` would run them: one plugin call per channel's rows.
        let channels = try XCTUnwrap(surveys.column(named: "channel")?.dictionary?.strings)
        var groups: [(String, Table)] = [("*", surveys)]
        for channel in channels {
            let rows = try Self.rows(of: surveys, where: "channel", is: channel)
            if rows.rowCount > 0 { groups.append((channel, rows)) }
        }
        XCTAssertGreaterThanOrEqual(groups.count, 4)
        for interval in ["wald", "adjusted_wald"] {
            let peer = try XCTUnwrap(expected[interval])
            XCTAssertEqual(Set(peer.keys), Set(groups.map(\.0)), interval)
            for (name, rows) in groups {
                let result = try NPSPlugin().run(rows, arguments: BoundArguments([
                    "score": .column("score"), "invalid": .choice("error"), "interval": .choice(interval),
                ]), context: PluginContext())
                let other = try XCTUnwrap(peer[name], "\(interval) \(name)")
                XCTAssertEqual(result.rowCount, 1)
                for (column, value) in zip(result.names, result.row(0)) where column != "skipped" {
                    let expectedValue = try XCTUnwrap(other[column], "\(interval) \(name) \(column)")
                    switch value {
                    case .int(let count): XCTAssertEqual(Double(count), expectedValue, "\(interval) \(name) \(column)")
                    case .float(let number):
                        XCTAssertEqual(number, expectedValue, accuracy: 1e-9, "\(interval) \(name) \(column)")
                    default: XCTFail("\(interval) \(name) \(column) is \(value)")
                    }
                }
                XCTAssertEqual(result.row(0).last, .int(0))
            }
        }
    }

    /// The rows whose string column `name` equals `value`.
    static func rows(of table: Table, where name: String, is value: String) throws -> Table {
        let column = try XCTUnwrap(table.column(named: name))
        let codes = try XCTUnwrap(column.codes)
        guard let code = column.dictionary?.code(of: value) else { return table.gathered([]) }
        return table.gathered((0..<table.rowCount).filter { !column.isNull($0) && Int(codes[$0]) == code })
    }
}
