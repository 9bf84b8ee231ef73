// Test plan: table(options) holds exactly the rows write() emits; the demo table's shape.
import XCTest
import TallyGen
import TallyStore

final class EventGeneratorTableTests: XCTestCase {
    func test_table_equalsWrittenRows() throws {
        let options = EventGenerator.Options(events: 8_000, seed: 13)
        let rows = try GeneratedLog(options).rows
        let table = EventGenerator.table(options)
        XCTAssertEqual(table.names, ["ts", "user_id", "event", "channel", "country", "platform", "amount", "score"])
        XCTAssertEqual(table.fields.map(\.type), [.timestamp, .string, .string, .string, .string, .string, .float, .int])
        XCTAssertEqual(table.rowCount, rows.count)
        for (index, row) in rows.enumerated() {
            XCTAssertEqual(Self.text(of: table.row(index)), row.fields.map(String.init), "row \(index)")
        }
    }

    func test_table_stringColumnsAreDictionaryEncoded() {
        let table = EventGenerator.table(.init(events: 5_000, seed: 1))
        XCTAssertEqual(table.column(named: "event")?.dictionary?.count, 8)
        XCTAssertEqual(table.column(named: "channel")?.dictionary?.count, 5)
        let users = Set((0..<table.rowCount).map { table.row($0)[1] })
        XCTAssertEqual(table.column(named: "user_id")?.dictionary?.count, users.count)
    }

    func test_demoTable_isAbout100kEvents_fromJanuary2024() throws {
        let demo = EventGenerator.demoTable()
        XCTAssertEqual(demo.rowCount, 100_000)
        XCTAssertEqual(demo.row(0)[2], .string("signup"))
        let timestamps = try XCTUnwrap(demo.column(named: "ts")?.int64Values)
        XCTAssertEqual(CivilTime.format(micros: timestamps[0], dateOnly: true), "2024-01-01")
        XCTAssertEqual(timestamps, timestamps.sorted())
    }

    /// A row's values as the CSV writer prints them.
    static func text(of values: [Value]) -> [String] {
        values.map { value in
            switch value {
            case .null: return ""
            case .timestamp(let micros):
                return CivilTime.format(micros: micros).replacingOccurrences(of: " ", with: "T") + "Z"
            case .string(let text): return text
            case .int(let number): return String(number)
            case .float(let number):
                let cents = Int((number * 100).rounded())
                return "\(cents / 100)." + (cents % 100 < 10 ? "0" : "") + "\(cents % 100)"
            default: return "unexpected \(value)"
            }
        }
    }
}
