// Statement events from a session become report blocks: tables keep their chart request.
import TallyNotebook
import TallyQuery
import TallyStore
import XCTest

final class ReportBlockTests: XCTestCase {
    func test_eventsToBlocks() {
        let session = Session()
        var blocks: [ReportBlock] = []
        let program = """
            let t = values (day: date, n: int) [(2024-03-01, 1), (2024-03-02, 2)]
            def twice() = extend n2 = n * 2
            t | chart bar
            t | where nope > 1
            """
        session.run(SourceText(origin: "<test>", text: program), stopOnError: false) { event in
            if let block = ReportBlock(event) { blocks.append(block) }
        }
        XCTAssertEqual(blocks.count, 3, "def shows nothing: \(blocks)")
        guard case .text(let message) = blocks[0] else { return XCTFail("\(blocks[0])") }
        XCTAssertEqual(message, "t: 2 rows")
        guard case .table(let table, let chart) = blocks[1] else { return XCTFail("\(blocks[1])") }
        XCTAssertEqual(table.rowCount, 2)
        XCTAssertEqual(chart, ChartSpec(kind: .bar, x: "day", y: ["n"]))
        guard case .error(let error) = blocks[2] else { return XCTFail("\(blocks[2])") }
        XCTAssertTrue(error.hasPrefix("error: unknown column `nope`\n --> <test>:4:11"), error)
    }
}
