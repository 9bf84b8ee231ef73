// Every cell of `retention` against an independent DuckDB SQL computation on a generated log.
import Foundation
import RetentionPlugin
import TallyPluginAPI
import TallyStore
import TallyTestSupport
import XCTest

final class RetentionCrossCheckTests: XCTestCase {
    /// One output row as the peer writes it.
    private struct PeerRow: Decodable, Equatable {
        var cohort: String?
        var period: Int64
        var users: Int64
        var retained: Int64?
        var rate: Double?
        var is_average: Bool
    }

    private struct Config: Encodable {
        var name: String
        var start: String?
        var `return`: String?
        var period: String
        var horizon: Int64
        var mode: String
        var cohort: String
    }

    private struct Request: Encodable {
        var csv: String
        var configs: [Config]
    }

    /// 30k events over ~14 weeks (UTC, Monday weeks); start/return pairs × periods × modes × cohorts.
    func test_matchesDuckDB_everyCell() throws {
        let events = 30_000, seed: UInt64 = 11
        let path = try GeneratedEvents.csvPath(events: events, seed: seed)
        let table = try GeneratedEvents.table(events: events, seed: seed)
        let pairs: [(String?, String?)] = [("signup", "purchase"), ("signup", nil), (nil, nil), ("purchase", "purchase")]
        let horizons: [CalendarPeriod: Int64] = [.day: 10, .week: 6, .month: 3]
        var configs: [Config] = []
        for (start, returnEvent) in pairs {
            for period in CalendarPeriod.allCases {
                for mode in RetentionMode.allCases {
                    for cohort in RetentionCohortKind.allCases {
                        let name = "\(start ?? "any")→\(returnEvent ?? "any") \(period) \(mode) \(cohort)"
                        configs.append(Config(name: name, start: start, return: returnEvent, period: period.rawValue,
                                              horizon: horizons[period]!, mode: mode.rawValue, cohort: cohort.rawValue))
                    }
                }
            }
        }
        let request = try JSONEncoder().encode(Request(csv: path, configs: configs))
        let peer = try PythonPeer.json([String: [PeerRow]].self, "plugins/Retention/crosscheck/retention.py",
                                       input: request)
        // A fixed shuffle of the rows too: the answer must not depend on row order.
        var generator = SplitMix(seed: 5)
        let shuffled = table.gathered(Array(0..<table.rowCount).shuffled(using: &generator))
        var cellsCompared = 0, nullCells = 0
        for config in configs {
            let expected = try XCTUnwrap(peer[config.name], config.name)
            XCTAssertGreaterThan(expected.count, Int(config.horizon + 1), config.name)
            // Row order is checked on the any-event configurations only, to keep the test quick.
            for input in config.start == nil ? [table, shuffled] : [table] {
                let result = try runRetention(input, start: config.start, return: config.return,
                                              period: CalendarPeriod(rawValue: config.period)!, horizon: config.horizon,
                                              mode: config.mode, cohort: config.cohort)
                let actual = rows(of: result)
                XCTAssertEqual(actual.count, expected.count, config.name)
                for (got, want) in zip(actual, expected) where got != want {
                    XCTFail("\(config.name): Tally \(got) ≠ DuckDB \(want)")
                }
                cellsCompared += actual.count * 5
                nullCells += actual.filter { $0.retained == nil }.count
            }
        }
        // The log must exercise the nulls past the end of the data, not just the filled cells.
        XCTAssertGreaterThan(nullCells, 100)
        XCTAssertGreaterThan(cellsCompared, 10_000)
    }

    private func rows(of table: Table) -> [PeerRow] {
        (0..<table.rowCount).map { row in
            let cells = table.row(row)
            var peerRow = PeerRow(cohort: nil, period: 0, users: 0, retained: nil, rate: nil, is_average: false)
            if case .date(let day) = cells[0] {
                peerRow.cohort = CivilTime.format(micros: day * CivilTime.microsPerDay, dateOnly: true)
            }
            if case .int(let k) = cells[1] { peerRow.period = k }
            if case .int(let users) = cells[2] { peerRow.users = users }
            if case .int(let retained) = cells[3] { peerRow.retained = retained }
            if case .float(let rate) = cells[4] { peerRow.rate = rate }
            if case .bool(let isAverage) = cells[5] { peerRow.is_average = isAverage }
            return peerRow
        }
    }
}
