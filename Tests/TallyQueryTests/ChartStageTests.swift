// The `chart` stage as the engine reports it: on the statement result, and in `explain`.
import TallyQuery
import TallyStore
import XCTest

final class ChartStageTests: XCTestCase {
    private func results(_ text: String) -> [StatementEvent] {
        let session = Session()
        var events: [StatementEvent] = []
        session.run(SourceText(origin: "<test>", text: text), stopOnError: true) { events.append($0) }
        return events
    }

    private static let data = "let t = values (day: date, n: int) [(2024-03-01, 1), (2024-03-02, 3)]\n"

    func test_chart_attachedToResultAndRowsUnchanged() throws {
        let events = results(Self.data + "t | chart bar title: \"N\"")
        guard case .result(let result) = events.last, case .table(let table) = result.output else {
            return XCTFail("expected a table, got \(events)")
        }
        XCTAssertEqual(result.chart, ChartSpec(kind: .bar, x: "day", y: ["n"], title: "N"))
        XCTAssertEqual(table.rowCount, 2)
        XCTAssertEqual(table.names, ["day", "n"])
    }

    func test_noChartStage_noSpec() {
        guard case .result(let result) = results(Self.data + "t | take 1").last else { return XCTFail() }
        XCTAssertNil(result.chart)
    }

    func test_explain_showsChartNode() {
        guard case .result(let result) = results(Self.data + "explain t | chart line").last,
              case .message(let outline) = result.output else { return XCTFail() }
        XCTAssertEqual(outline, "chart line x: day, y: n -> (day: date, n: int)\n  scan t -> (day: date, n: int)")
    }
}
