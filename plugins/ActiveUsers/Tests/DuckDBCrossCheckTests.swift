// Every number of every active-users metric against DuckDB SQL on the same generated log.
import ActiveUsersPlugin
import Foundation
import TallyPluginAPI
import TallyStore
import TallyTestSupport
import XCTest

final class DuckDBCrossCheckTests: XCTestCase {
    static let script = "plugins/ActiveUsers/crosscheck/active_users.py"

    /// The forms compared, by the key the script prints them under.
    let forms: [(key: String, plugin: any Plugin, arguments: [String: ArgumentValue])] = [
        ("dau", DailyActiveUsersPlugin(), [:]),
        ("wau", RollingActiveUsersPlugin.weekly, [:]),
        ("mau", RollingActiveUsersPlugin.monthly, [:]),
        ("active_week", ActivePeriodUsersPlugin(), ["period": .period(.week)]),
        ("active_month", ActivePeriodUsersPlugin(), ["period": .period(.month)]),
        ("stickiness", StickinessPlugin(), [:]),
        ("days_of_week", StickinessPlugin(), ["days_of": .choice("week")]),
        ("days_of_month", StickinessPlugin(), ["days_of": .choice("month")]),
    ]

    func test_utc_30kEvents() throws {
        try crossCheck(events: 30_000, seed: 11, zone: "UTC")
    }

    func test_newYork_30kEvents() throws {
        try crossCheck(events: 30_000, seed: 12, zone: "America/New_York")
    }

    private func crossCheck(events: Int, seed: UInt64, zone zoneName: String) throws {
        let path = try GeneratedEvents.csvPath(events: events, seed: seed)
        let input = try GeneratedEvents.table(events: events, seed: seed)
        let zone = try XCTUnwrap(ZoneCalendar(identifier: zoneName))
        let output = try PythonPeer.run(Self.script, arguments: [path, zoneName])
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: output) as? [String: [[Any]]])
        for form in forms {
            let table = try compute(form.plugin, input, form.arguments, zone: zone)
            let peer = try XCTUnwrap(expected[form.key], "the script printed no \(form.key)")
            XCTAssertGreaterThan(table.rowCount, 3, form.key)
            XCTAssertEqual(table.rowCount, peer.count, "\(form.key) (\(zoneName)): row count")
            for (row, peerRow) in zip(0..<table.rowCount, peer) {
                let mismatch = zip(table.row(row), peerRow).contains { !Self.equal($0, $1) }
                if mismatch {
                    XCTFail("\(form.key) (\(zoneName)) row \(row): Tally \(table.row(row)), DuckDB \(peerRow)")
                    break
                }
            }
        }
        try crossCheckGroups(input: input, zone: zone, peer: expected)
    }

    /// Grouped forms: the engine runs the plugin once per group with the whole input as
    /// `wholeInput`; the script orders groups by channel name.
    let groupedForms: [(key: String, plugin: any Plugin, arguments: [String: ArgumentValue])] = [
        ("mau_by_channel", RollingActiveUsersPlugin.monthly, [:]),
        ("active_week_by_channel", ActivePeriodUsersPlugin(), ["period": .period(.week)]),
    ]

    private func crossCheckGroups(input: Table, zone: ZoneCalendar, peer expected: [String: [[Any]]]) throws {
        let channels = try XCTUnwrap(input.column(named: "channel"))
        var rowsOf: [String: [Int]] = [:]
        for row in 0..<input.rowCount {
            if case .string(let channel) = channels.value(at: row) { rowsOf[channel, default: []].append(row) }
        }
        for form in groupedForms {
            let peer = try XCTUnwrap(expected[form.key], "the script printed no \(form.key)")
            var tallyRows: [[Value]] = []
            for channel in rowsOf.keys.sorted() {
                let table = try compute(form.plugin, input.gathered(rowsOf[channel]!), form.arguments, zone: zone,
                                        wholeInput: input)
                tallyRows += (0..<table.rowCount).map { [.string(channel)] + table.row($0) }
            }
            XCTAssertGreaterThan(tallyRows.count, 20, form.key)
            XCTAssertEqual(tallyRows.count, peer.count, "\(form.key): row count")
            for (tally, duck) in zip(tallyRows, peer) where zip(tally, duck).contains(where: { !Self.equal($0, $1) }) {
                XCTFail("\(form.key): Tally \(tally), DuckDB \(duck)")
                break
            }
        }
    }

    /// Exact equality of a Tally value and a JSON value (dates as ISO text, floats as text, bit for bit).
    private static func equal(_ value: Value, _ json: Any) -> Bool {
        switch value {
        case .null: return json is NSNull
        case .string(let text): return json as? String == text
        case .int(let int): return (json as? NSNumber)?.int64Value == int && (json as? NSNumber)?.doubleValue == Double(int)
        // Floats come as text: JSONSerialization may read numbers through Decimal and round them.
        case .float(let float): return (json as? String).flatMap(Double.init) == float
        case .date(let days): return json as? String == CivilTime.format(micros: days * CivilTime.microsPerDay, dateOnly: true)
        default: return false
        }
    }
}
