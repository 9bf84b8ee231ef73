// Test plan: RFC 4180 syntax — quotes, doubled quotes, embedded newlines, CRLF, BOM, delimiters,
// blank lines, nulls versus quoted empty strings, header names.

import XCTest
@testable import TallyStore

final class CSVSyntaxTests: XCTestCase {
    func test_quotedFields_holdDelimitersQuotesAndNewlines() throws {
        let text = "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n"
        let (table, report) = try loadText(text)
        XCTAssertEqual(schema(table), ["id:int", "note:string"])
        XCTAssertEqual(rows(table), [
            [.int(1), .string("a, b")],
            [.int(2), .string("say \"hi\"")],
            [.int(3), .string("two\nlines")],
            [.int(4), .string("plain")],
        ])
        XCTAssertEqual(report, LoadReport())
    }

    func test_crlf_lineEndings_areStripped() throws {
        let (table, _) = try loadText("a,b\r\n1,x\r\n2,\"y\"\r\n3,\r\n")
        XCTAssertEqual(rows(table), [[.int(1), .string("x")], [.int(2), .string("y")], [.int(3), .null]])
    }

    func test_bom_isSkipped() throws {
        let (table, _) = try loadBytes([0xEF, 0xBB, 0xBF] + Array("name,n\nx,1\n".utf8))
        XCTAssertEqual(table.names, ["name", "n"])
        XCTAssertEqual(rows(table), [[.string("x"), .int(1)]])
    }

    func test_lastLine_withoutNewline_andBlankLines_skipped() throws {
        let (table, _) = try loadText("a,b\n\n1,2\n\r\n3,4")
        XCTAssertEqual(rows(table), [[.int(1), .int(2)], [.int(3), .int(4)]])
    }

    func test_eachDelimiter_isSniffed() throws {
        for delimiter in [",", ";", "\t", "|"] {
            let text = ["id", "name", "score"].joined(separator: delimiter) + "\n"
                + ["1", "Ann, Jr", "2.5"].joined(separator: delimiter) + "\n"
                + ["2", "Bob", "3"].joined(separator: delimiter) + "\n"
            // The comma inside a field makes `,` inconsistent for the other delimiters.
            let source = delimiter == "," ? text.replacingOccurrences(of: "Ann, Jr", with: "\"Ann, Jr\"") : text
            let (table, _) = try loadText(source)
            XCTAssertEqual(schema(table), ["id:int", "name:string", "score:float"], "delimiter \(delimiter)")
            XCTAssertEqual(rows(table)[0], [.int(1), .string("Ann, Jr"), .float(2.5)], "delimiter \(delimiter)")
        }
    }

    func test_delimiterOption_overridesSniffing() throws {
        let (table, _) = try loadText("a;b,c\n1;2,3\n", options: LoadOptions(delimiter: UInt8(ascii: ",")))
        XCTAssertEqual(table.names, ["a;b", "c"])
        XCTAssertEqual(rows(table), [[.string("1;2"), .int(3)]])
    }

    func test_singleColumn_defaultsToComma() throws {
        let (table, _) = try loadText("name\nann\nbob\n")
        XCTAssertEqual(schema(table), ["name:string"])
        XCTAssertEqual(table.rowCount, 2)
    }

    func test_emptyField_isNull_quotedEmpty_isEmptyString() throws {
        let (table, _) = try loadText("s,n\n\"\",\"\"\n,\nx,5\n")
        XCTAssertEqual(schema(table), ["s:string", "n:int"])
        XCTAssertEqual(rows(table), [[.string(""), .null], [.null, .null], [.string("x"), .int(5)]])
    }

    func test_headerNames_emptyAndDuplicates() throws {
        let (table, _) = try loadText("id,,id,id_2,id\n1,2,3,4,5\n")
        XCTAssertEqual(table.names, ["id", "column2", "id_2", "id_2_2", "id_3"])
    }

    func test_quotedHeader_withDoubledQuote() throws {
        let (table, _) = try loadText("\"a \"\"b\"\"\",c\n1,2\n")
        XCTAssertEqual(table.names, ["a \"b\"", "c"])
    }

    func test_headerOnly_givesEmptyStringColumns() throws {
        let (table, _) = try loadText("a,b\n")
        XCTAssertEqual(schema(table), ["a:string", "b:string"])
        XCTAssertEqual(table.rowCount, 0)
    }

    func test_fileLoad_throughMemoryMap_andFormatByContent() throws {
        let path = try writeTemporaryFile(Array("user,n\nu1,1\nu2,2\n".utf8), suffix: ".data")
        let (table, _) = try TableLoader.load(path: path)
        XCTAssertEqual(rows(table), [[.string("u1"), .int(1)], [.string("u2"), .int(2)]])
        let jsonPath = try writeTemporaryFile(Array("  {\"a\": 1}\n".utf8), suffix: ".data")
        let (json, _) = try TableLoader.load(path: jsonPath)
        XCTAssertEqual(schema(json), ["a:int"])
    }

    func test_stringDictionary_isFirstSeenOrder() throws {
        let (table, _) = try loadText("e\nview\nbuy\nview\nadd\nbuy\n")
        XCTAssertEqual(table.columns[0].dictionary?.strings, ["view", "buy", "add"])
        XCTAssertEqual(table.columns[0].codes, .u8([0, 1, 0, 2, 1]))
    }
}
