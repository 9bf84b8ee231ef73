// `$name` parameters: substituted as literals while lexing.
//
// Test plan
//   param-1  a parameter stands where a literal of its type may: take, comparisons, durations, strings
//   param-2  with no parameters set, `$x` is an error whose hint says how to set one
//   param-3  tokens keep the `$name` text and span
import TallyQuery
import TallyStore
import XCTest

final class ParameterTests: XCTestCase {
    func rows(_ session: Session, _ text: String) throws -> [[Value]] {
        var tables: [Table] = []
        var failures: [Diagnostic] = []
        session.run(SourceText(origin: "t", text: text)) { event in
            switch event {
            case .result(let result): if case .table(let table) = result.output { tables.append(table) }
            case .failure(let diagnostic): failures.append(diagnostic)
            }
        }
        XCTAssertEqual(failures, [])
        let table = try XCTUnwrap(tables.last)
        return (0..<table.rowCount).map { row in table.columns.map { $0.value(at: row) } }
    }

    func test_param1_literalsOfEveryKind() throws {
        let session = Session()
        session.parameters = ["n": .int(2), "who": .string("b"), "gap": .duration(60_000_000), "flag": .bool(true)]
        let source = "values (k: string, d: duration) [(\"a\", 30s), (\"b\", 2m), (\"c\", 1h)]"
        XCTAssertEqual(try rows(session, source + " | take $n | select k"), [[.string("a")], [.string("b")]])
        XCTAssertEqual(try rows(session, source + " | where k == $who | select k"), [[.string("b")]])
        XCTAssertEqual(try rows(session, source + " | where d > $gap and $flag | select k"), [[.string("b")], [.string("c")]])
        XCTAssertEqual(try rows(session, source + " | where d < $n * $gap | select k"), [[.string("a")]])
    }

    func test_param2_unknownWithoutParameters() {
        var failures: [String] = []
        Session().run(SourceText(origin: "t", text: "values (a: int) [(1)] | take $n")) { event in
            if case .failure(let diagnostic) = event { failures.append(DiagnosticRenderer.render(diagnostic)) }
        }
        XCTAssertEqual(failures, ["""
            error: unknown parameter `$n`
             --> t:1:30
              |
            1 | values (a: int) [(1)] | take $n
              |                              ^^
            hint: no parameters are set: give them with `--param NAME=VALUE` or in a notebook's `params:`
            """])
    }

    func test_param3_tokenKeepsText() throws {
        let tokens = try Lexer.tokenize(SourceText(origin: "t", text: "take $n"), parameters: ["n": .int(5)])
        XCTAssertEqual(tokens[1].kind, .integer(5))
        XCTAssertEqual(tokens[1].text, "$n")
        XCTAssertEqual(tokens[1].span, SourceSpan(start: 5, end: 7))
    }
}
