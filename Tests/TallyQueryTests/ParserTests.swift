// Parser edge cases: precedence, statement forms, plugin-style stage calls.
import XCTest
import TallyStore
@testable import TallyQuery

final class ParserTests: XCTestCase {
    private func parse(_ text: String) throws -> [Statement] {
        try Parser.parse(SourceText(origin: "<test>", text: text))
    }

    /// The expression of `t | where EXPR`, drawn as a fully parenthesised string.
    private func shape(_ expression: String) throws -> String {
        let statements = try parse("t | where " + expression)
        guard case .pipeline(let pipeline) = statements[0].kind, case .filter(let e) = pipeline.stages[0].kind else {
            XCTFail("not a where stage")
            return ""
        }
        return draw(e)
    }

    private func draw(_ e: ParsedExpression) -> String {
        switch e.kind {
        case .literal(let value): return ValueFormatter().format(value)
        case .column(let name): return name
        case .binary(let op, let l, let r): return "(\(draw(l)) \(op.rawValue) \(draw(r)))"
        case .not(let inner): return "(not \(draw(inner)))"
        case .negate(let inner): return "(-\(draw(inner)))"
        case .between(let v, let l, let h, let negated): return "(\(draw(v)) \(negated ? "not " : "")between \(draw(l)) and \(draw(h)))"
        case .inList(let v, let items, let negated): return "(\(draw(v)) \(negated ? "not " : "")in [\(items.map(draw).joined(separator: ", "))])"
        case .isNull(let v, let negated): return "(\(draw(v)) is \(negated ? "not " : "")null)"
        case .call(let name, _, let args): return "\(name)(\(args.map { ($0.name.map { $0 + ": " } ?? "") + draw($0.value) }.joined(separator: ", ")))"
        case .negatedMatch(let op, let l, let r): return "(\(draw(l)) not \(op.rawValue) \(draw(r)))"
        case .list(let items): return "[\(items.map(draw).joined(separator: ", "))]"
        case .caseWhen: return "case"
        }
    }

    func test_parser_precedence() throws {
        XCTAssertEqual(try shape("a + b * c == d or e and not f"), "(((a + (b * c)) == d) or (e and (not f)))")
        XCTAssertEqual(try shape("a - b - c"), "((a - b) - c)")
        XCTAssertEqual(try shape("-a * b"), "((-a) * b)")
        XCTAssertEqual(try shape("x between 1 and 2 and y"), "((x between 1 and 2) and y)")
        XCTAssertEqual(try shape("x not in (1, 2) or x is not null"), "((x not in [1, 2]) or (x is not null))")
        XCTAssertEqual(try shape("not a == b"), "(not (a == b))")
        XCTAssertEqual(try shape("s not like \"a%\""), "(s not like a%)")
        XCTAssertEqual(try shape("-3 + 1"), "(-3 + 1)")
    }

    func test_parser_pluginStageWithNamedArgumentsAndBy() throws {
        let statements = try parse(#"events | funnel(steps: ["view", "buy"], within: 7d) by channel, day(ts)"#)
        guard case .pipeline(let pipeline) = statements[0].kind,
              case .call(let name, _, let arguments, let by) = pipeline.stages[0].kind else { return XCTFail("not a call stage") }
        XCTAssertEqual(name, "funnel")
        XCTAssertEqual(arguments.map(\.name), ["steps", "within"])
        XCTAssertEqual(draw(arguments[0].value), "[view, buy]")
        XCTAssertEqual(draw(arguments[1].value), "7d")
        XCTAssertEqual(by.map { draw($0.expression) }, ["channel", "day(ts)"])
    }

    func test_parser_statementForms() throws {
        let statements = try parse("""
            load "x.csv" as t with (amount: float, n: int) skip_errors
            set timezone = "Asia/Shanghai"; set week_start = monday
            def f(a, b) = | where x > a | take 3
            let u = t | count
            """)
        XCTAssertEqual(statements.count, 5)
        guard case .load(let path, let name, let types, let skip) = statements[0].kind else { return XCTFail("load") }
        XCTAssertEqual(path, "x.csv")
        XCTAssertEqual(name, "t")
        XCTAssertEqual(types.map(\.0), ["amount", "n"])
        XCTAssertEqual(types.map(\.1), [.float, .int])
        XCTAssertTrue(skip)
        guard case .setting(let key, _, let value, _) = statements[2].kind else { return XCTFail("set") }
        XCTAssertEqual([key, value], ["week_start", "monday"])
        guard case .definition(let defName, let parameters, let stages) = statements[3].kind else { return XCTFail("def") }
        XCTAssertEqual(defName, "f")
        XCTAssertEqual(parameters, ["a", "b"])
        XCTAssertEqual(stages.count, 2)
    }

    func test_parser_statementSpansCoverTheirText() throws {
        let source = SourceText(origin: "<test>", text: "t | count;  u | take 1\n")
        let statements = try Parser.parse(source)
        XCTAssertEqual(statements.map { source.slice($0.span) }, ["t | count", "u | take 1"])
    }

    func test_parser_emptyProgramHasNoStatements() throws {
        XCTAssertEqual(try parse("  \n # only a comment\n;;").count, 0)
    }
}
