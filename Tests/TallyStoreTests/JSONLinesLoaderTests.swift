// Test plan: JSON Lines — flattening, arrays, escapes, nulls and absent keys, type conflicts,
// timestamps in strings, overrides, syntax errors with line and column, skipErrors.

import XCTest
@testable import TallyStore

final class JSONLinesLoaderTests: XCTestCase {
    func test_flatObjects_unionOfKeys_inFirstSeenOrder() throws {
        let text = """
            {"user": "u1", "n": 1, "ok": true}

            {"n": 2, "extra": null, "user": "u2", "score": 1.5}
            {"user": "u3"}
            """
        let (table, _) = try loadText(text, name: "e.jsonl")
        XCTAssertEqual(schema(table), ["user:string", "n:int", "ok:bool", "extra:string", "score:float"])
        XCTAssertEqual(rows(table), [
            [.string("u1"), .int(1), .bool(true), .null, .null],
            [.string("u2"), .int(2), .null, .null, .float(1.5)],
            [.string("u3"), .null, .null, .null, .null],
        ])
    }

    func test_nestedObjects_flatten_arraysStayText() throws {
        let text = #"{"id": 1, "properties": {"plan": "pro", "seats": {"max": 5}}, "tags": ["a", "b]"], "m": [] }"#
        let (table, _) = try loadText(text, name: "e.ndjson")
        XCTAssertEqual(schema(table), ["id:int", "properties.plan:string", "properties.seats.max:int", "tags:string", "m:string"])
        XCTAssertEqual(rows(table), [[.int(1), .string("pro"), .int(5), .string(#"["a", "b]"]"#), .string("[]")]])
    }

    func test_stringEscapes_includingSurrogatePairs() throws {
        let text = #"{"s": "q\"b\\s\/n\nt\tu\u00e9\ud83d\ude00", "k\u0031": 1}"#
        let (table, _) = try loadText(text, name: "e.json")
        XCTAssertEqual(table.names, ["s", "k1"])
        XCTAssertEqual(rows(table), [[.string("q\"b\\s/n\nt\tué😀"), .int(1)]])
    }

    func test_typeConflicts_widenOrFallBackToText() throws {
        let text = """
            {"a": 1, "b": 1, "c": "2024-03-01T10:00:00Z", "d": "2024-03-01", "e": true}
            {"a": 2.5, "b": "x", "c": "2024-03-02", "d": "2024-03-05", "e": 3}
            {"a": 1e2, "b": 1.50, "c": null, "e": false}
            """
        let (table, _) = try loadText(text, name: "e.jsonl")
        XCTAssertEqual(schema(table), ["a:float", "b:string", "c:timestamp", "d:date", "e:string"])
        XCTAssertEqual(rows(table), [
            [.float(1), .string("1"), .timestamp(micros(2024, 3, 1, 10)), .date(CivilTime.days(year: 2024, month: 3, day: 1)), .string("true")],
            [.float(2.5), .string("x"), .timestamp(micros(2024, 3, 2)), .date(CivilTime.days(year: 2024, month: 3, day: 5)), .string("3")],
            [.float(100), .string("1.50"), .null, .null, .string("false")],
        ])
    }

    func test_numericStrings_stayStrings() throws {
        let (table, _) = try loadText("{\"zip\": \"01234\"}\n", name: "e.jsonl")
        XCTAssertEqual(rows(table), [[.string("01234")]])
    }

    func test_override_andBadValue() throws {
        let options = LoadOptions(typeOverrides: ["ts": .timestamp])
        let (table, _) = try loadText("{\"ts\": 1700000000}\n{\"ts\": \"2024-03-01\"}\n", name: "e.jsonl", options: options)
        XCTAssertEqual(rows(table), [[.timestamp(1_700_000_000_000_000)], [.timestamp(micros(2024, 3, 1))]])
        XCTAssertEqual(loadError("{\"ts\": 1}\n{\"ts\": \"abc\"}\n", name: "e.jsonl", options: options)?.description,
                       "e.jsonl:2:8: expected timestamp, found `abc`")
    }

    func test_syntaxErrors_haveLineAndColumn() {
        let cases: [(String, String)] = [
            ("{\"a\": 1}\n{\"a\" 2}\n", "e.jsonl:2:6: expected `:` after an object key, found `2`"),
            ("{\"a\": 1,}\n", "e.jsonl:1:9: expected a string key, found `}`"),
            ("{\"a\": 1\n", "e.jsonl:1:8: expected `,` or `}` in an object, found the end of the line"),
            ("[1, 2]\n", "e.jsonl:1:1: expected a JSON object, found `[`"),
            ("{\"a\": \"open}\n", "e.jsonl:1:7: unterminated string"),
            ("{\"a\": tru}\n", "e.jsonl:1:7: expected a JSON value, found `t`"),
            ("{\"a\": 1} x\n", "e.jsonl:1:10: expected the end of the line after the object, found `x`"),
            ("{\"a\": \"\\q\"}\n", "e.jsonl:1:8: expected a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u), found `\\q`"),
            ("{\"a\": \"\\ud83d\"}\n", "e.jsonl:1:8: expected a low surrogate `\\uDC00`…`\\uDFFF` after a high surrogate"),
            ("{\"a\": 1.2.3}\n", "e.jsonl:1:7: expected a number, found `1`"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(loadError(text, name: "e.jsonl")?.description, expected, text)
        }
    }

    func test_invalidUTF8_inString() {
        let bytes = Array("{\"a\": \"x".utf8) + [0xC3] + Array("\"}\n".utf8)
        XCTAssertThrowsError(try loadBytes(bytes, name: "e.jsonl")) { error in
            XCTAssertEqual("\(error)", "e.jsonl:1:9: expected UTF-8 text, found invalid byte 0xC3")
        }
    }

    func test_skipErrors_countsBadLines() throws {
        let text = "{\"a\": 1}\n{\"a\": }\n{\"a\": 3}\n{oops}\n"
        let (table, report) = try loadText(text, name: "e.jsonl", options: LoadOptions(skipErrors: true))
        XCTAssertEqual(rows(table), [[.int(1)], [.int(3)]])
        XCTAssertEqual(report.skippedRows, 2)
        XCTAssertEqual(report.firstSkipped?.description, "e.jsonl:2:7: expected a JSON value, found `}`")
    }

    func test_overrideErrors_underSkipErrors_dropWholeRows() throws {
        let options = LoadOptions(typeOverrides: ["n": .int], skipErrors: true)
        let text = "{\"n\": 1, \"s\": \"a\"}\n{\"n\": 1.5, \"s\": \"b\"}\n{\"n\": \"7\", \"s\": \"c\"}\n"
        let (table, report) = try loadText(text, name: "e.jsonl", options: options)
        XCTAssertEqual(rows(table), [[.int(1), .string("a")], [.int(7), .string("c")]])
        XCTAssertEqual(report.skippedRows, 1)
        XCTAssertEqual(report.firstSkipped?.description, "e.jsonl:2:7: expected int, found `1.5`")
    }

    func test_crlfLines_andBOM() throws {
        let (table, _) = try loadBytes([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}\r\n{\"a\": 2}\r\n".utf8), name: "e.jsonl")
        XCTAssertEqual(rows(table), [[.int(1)], [.int(2)]])
    }

    func test_sameInput_loadsIdentically() throws {
        let text = (0..<500).map { "{\"u\": \"u\($0 % 37)\", \"n\": \($0), \"p\": {\"k\": \"v\($0 % 3)\"}}" }.joined(separator: "\n")
        let (first, _) = try loadText(text, name: "e.jsonl")
        let (second, _) = try loadText(text, name: "e.jsonl")
        assertIdentical(first, second)
        XCTAssertEqual(first.columns[2].dictionary?.strings, ["v0", "v1", "v2"])
    }

    func test_formatChosenByContent_forStdin() throws {
        let (table, _) = try loadText("\n  {\"a\": 1}\n", name: "<stdin>")
        XCTAssertEqual(schema(table), ["a:int"])
    }
}
