// Test plan: exact error text (file:line:column: message) for every CSV fault, and skipErrors.

import XCTest
@testable import TallyStore

final class CSVErrorTests: XCTestCase {
    func test_raggedRow_namesExpectedAndFoundCounts() {
        XCTAssertEqual(loadError("a,b,c,d,e\n1,2,3,4,5\n1,2,3,4\n")?.description, "t.csv:3:1: expected 5 fields, found 4")
        XCTAssertEqual(loadError("a,b\n1,2,3\n")?.description, "t.csv:2:1: expected 2 fields, found 3")
    }

    func test_lineNumbers_countNewlinesInsideQuotes() {
        let text = "id,note\n1,\"x\ny\nz\"\n2,ok\n3\n"
        XCTAssertEqual(loadError(text)?.description, "t.csv:6:1: expected 2 fields, found 1")
    }

    func test_unterminatedQuote() {
        let error = loadError("a,b\n1,ok\n2,\"never closed\n3,x\n")
        XCTAssertEqual(error?.description, "t.csv:3:3: unterminated quoted field starting at line 3")
    }

    func test_junkAfterClosingQuote() {
        XCTAssertEqual(loadError("a,b\n1,\"x\"y\n")?.description,
                       "t.csv:2:6: expected a delimiter or line end after a closing quote, found `y`")
    }

    func test_invalidUTF8_inStringField() {
        let bytes = Array("a,b\n1,ok\n2,ab".utf8) + [0xFF] + Array("c\n".utf8)
        do {
            _ = try loadBytes(bytes)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual("\(error)", "t.csv:3:5: expected UTF-8 text, found invalid byte 0xFF")
        }
    }

    func test_validMultibyteUTF8_loads() throws {
        let (table, _) = try loadText("city\nZürich\n北京\n🙂\n")
        XCTAssertEqual(rows(table), [[.string("Zürich")], [.string("北京")], [.string("🙂")]])
    }

    func test_badValueUnderOverride() {
        let options = LoadOptions(typeOverrides: ["ts": .timestamp])
        XCTAssertEqual(loadError("id,ts\n1,2024-03-01\n2,abc\n", options: options)?.description,
                       "t.csv:3:3: expected timestamp, found `abc`")
        XCTAssertEqual(loadError("id,ts\n1,2024-02-30\n", options: options)?.description,
                       "t.csv:2:3: expected timestamp, found `2024-02-30`")
        XCTAssertEqual(loadError("n\n1\n\"x\"\n", options: LoadOptions(typeOverrides: ["n": .int]))?.description,
                       "t.csv:3:1: expected int, found `x`")
    }

    func test_emptyInput_andMissingFile() {
        XCTAssertEqual(loadError("")?.description, "t.csv:1:1: expected a header row, found an empty input")
        XCTAssertThrowsError(try TableLoader.load(path: "/nonexistent/dir/x.csv")) { error in
            XCTAssertEqual("\(error)", "/nonexistent/dir/x.csv:0:0: cannot open: No such file or directory")
        }
    }

    func test_nonRegularFile_isRead_notMapped() {
        // /dev/null is a character device: it cannot be mapped, so it is read (and is empty).
        XCTAssertThrowsError(try TableLoader.load(path: "/dev/null")) { error in
            XCTAssertEqual("\(error)", "/dev/null:1:1: expected a header row, found an empty input")
        }
    }

    func test_directory_isRejected() {
        XCTAssertThrowsError(try TableLoader.load(path: "/tmp")) { error in
            XCTAssertEqual("\(error)", "/tmp:0:0: cannot open: Is a directory")
        }
    }

    func test_skipErrors_countsRows_andKeepsFirstError() throws {
        let options = LoadOptions(typeOverrides: ["n": .int], skipErrors: true)
        let text = "n,s\n1,a\n2\nx,b\n4,\"q\"z\n5,e\n"
        let (table, report) = try loadText(text, options: options)
        XCTAssertEqual(rows(table), [[.int(1), .string("a")], [.int(5), .string("e")]])
        XCTAssertEqual(report.skippedRows, 3)
        XCTAssertEqual(report.firstSkipped?.description, "t.csv:3:1: expected 2 fields, found 1")
        XCTAssertEqual(table.columns[1].dictionary?.strings, ["a", "e"])
    }

    func test_skipErrors_withReinference_skipsSameRows() throws {
        var text = "n,m\n"
        for row in 0..<CSVLoader.sampleRows { text += "\(row),\(row)\n" }
        text += "1.5,2,3\n2.5,7\n"
        let (table, report) = try loadText(text, options: LoadOptions(skipErrors: true))
        XCTAssertEqual(report.skippedRows, 1)
        XCTAssertEqual(schema(table), ["n:float", "m:int"])
        XCTAssertEqual(table.row(CSVLoader.sampleRows), [.float(2.5), .int(7)])
    }
}
