// The golden file reader/writer keeps files byte for byte, so update mode only touches outputs.
import XCTest

final class GoldenFileTests: XCTestCase {
    func test_goldenFile_roundTripsEveryFile() throws {
        let enumerator = FileManager.default.enumerator(at: GoldenTests.goldenDirectory, includingPropertiesForKeys: nil)
        var checked = 0
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "test" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertEqual(try GoldenFile(text: text).text, text, url.lastPathComponent)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
    }

    func test_goldenFile_readsRecords() throws {
        let file = try GoldenFile(text: "# c\n\nquery sorted\na\n| b\n----\nx\ty\n1\t2\n\nerror\nz\n----\nerror: no\n")
        let records = file.chunks.compactMap { chunk -> GoldenFile.GoldenRecord? in
            if case .record(let record) = chunk { return record }
            return nil
        }
        XCTAssertEqual(records.map(\.kind), ["query", "error"])
        XCTAssertEqual(records.map(\.isSorted), [true, false])
        XCTAssertEqual(records[0].program, ["a", "| b"])
        XCTAssertEqual(records[0].expected, ["x\ty", "1\t2"])
        XCTAssertEqual(records[1].line, 10)
    }

    func test_goldenFile_missingSeparatorIsAnError() {
        XCTAssertThrowsError(try GoldenFile(text: "query\nt | count\n"))
    }
}
