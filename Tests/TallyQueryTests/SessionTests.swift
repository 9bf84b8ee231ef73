// Session behaviour outside golden files: completeness, rendering options, state on failure.
import XCTest
import TallyStore
import TallyPluginAPI
@testable import TallyQuery

final class SessionTests: XCTestCase {
    func test_isComplete() {
        let session = Session()
        XCTAssertEqual(session.isComplete("events | count"), .complete)
        XCTAssertEqual(session.isComplete("events |"), .needsMore)
        XCTAssertEqual(session.isComplete("events |   # comment"), .needsMore)
        XCTAssertEqual(session.isComplete("events | where x in (1,"), .needsMore)
        XCTAssertEqual(session.isComplete("values (a: int) [(1)"), .needsMore)
        XCTAssertEqual(session.isComplete("events | where s == \"abc"), .needsMore)
        XCTAssertEqual(session.isComplete("events | where s == \"a|\""), .complete)
        XCTAssertEqual(session.isComplete("events | where s == \"(\""), .complete)
        XCTAssertEqual(session.isComplete("events | where s == 'it\\'s'"), .complete)
        XCTAssertEqual(session.isComplete(""), .complete)
        // Unbalanced closing brackets are complete: the parser reports them.
        XCTAssertEqual(session.isComplete("events )"), .complete)
    }

    func test_render_respectsFirstLineAndColor() {
        let source = SourceText(origin: "notes.tally", text: "t | count\nt | where zz", firstLine: 10)
        let diagnostic = Diagnostic(kind: .semantic, message: "unknown column `zz`", span: SourceSpan(start: 20, end: 22),
                                    source: source, hints: ["did you mean `z`?"])
        XCTAssertEqual(DiagnosticRenderer.render(diagnostic), """
            error: unknown column `zz`
              --> notes.tally:11:11
               |
            11 | t | where zz
               |           ^^
            hint: did you mean `z`?
            """)
        let colored = DiagnosticRenderer.render(diagnostic, color: true)
        XCTAssertTrue(colored.hasPrefix("\u{1B}[1;31merror\u{1B}[0m"))
        XCTAssertTrue(colored.contains("\u{1B}[1;31m^^\u{1B}[0m"))
    }

    func test_render_withoutSource() {
        XCTAssertEqual(DiagnosticRenderer.render(Diagnostic(kind: .runtime, message: "boom")), "error: boom")
    }

    private func run(_ session: Session, _ text: String) -> [StatementEvent] {
        var events: [StatementEvent] = []
        session.run(SourceText(origin: "<test>", text: text), stopOnError: false) { events.append($0) }
        return events
    }

    func test_failedLoad_isBadInputAndRegistersNothing() {
        let session = Session()
        let events = run(session, "load \"/nonexistent/x.csv\" as x")
        guard case .failure(let diagnostic)? = events.first else { return XCTFail("expected a failure") }
        XCTAssertEqual(diagnostic.kind, .badInput)
        XCTAssertEqual(diagnostic.loadError?.file, "/nonexistent/x.csv")
        XCTAssertNil(session.table(named: "x"))
    }

    func test_messagesAndTables() throws {
        let session = Session()
        let events = run(session, """
            let t = values (a: int) [(1), (2), (3)]
            set timezone = "Asia/Shanghai"
            def two = take 2
            t | two
            """)
        XCTAssertEqual(events.count, 4)
        var messages: [String] = []
        for event in events {
            guard case .result(let result) = event else { return XCTFail("unexpected failure") }
            switch result.output {
            case .message(let text): messages.append(text)
            case .none: messages.append("(none)")
            case .table(let table): messages.append("table \(table.rowCount)")
            }
        }
        XCTAssertEqual(messages, ["t: 3 rows", "timezone = Asia/Shanghai", "(none)", "table 2"])
        XCTAssertEqual(session.settings.zone.identifier, "Asia/Shanghai")
        XCTAssertEqual(session.stageNames.suffix(1), ["two"])
        XCTAssertTrue(session.functionNames.contains("dcount"))
    }

    func test_stopOnError_stopsAtFirstFailure() {
        let session = Session()
        var events: [StatementEvent] = []
        let succeeded = session.run(SourceText(origin: "<test>", text: "nope | count\nlet t = values (a: int) [(1)]"),
                                    stopOnError: true) { events.append($0) }
        XCTAssertFalse(succeeded)
        XCTAssertEqual(events.count, 1)
        XCTAssertNil(session.table(named: "t"))
    }

    func test_registeredPluginIsAKnownStage() throws {
        var registry = PluginRegistry()
        try registry.register(ScriptPlugin(name: "retention", summary: "cohort retention", source: "", path: "test"))
        let session = Session(registry: registry)
        session.register(try Table([("a", .int([1]))]), as: "t")
        XCTAssertTrue(session.stageNames.contains("retention"))
        let events = run(session, "t | retentoin(period: week)")
        guard case .failure(let diagnostic)? = events.first else { return XCTFail("expected a failure") }
        XCTAssertEqual(diagnostic.message, "unknown stage `retentoin`")
        XCTAssertEqual(diagnostic.hints, ["did you mean `retention`?"])
    }

    func test_cancellation() throws {
        let session = Session()
        session.register(try Table([("a", .int(Array(0..<1000)))]), as: "t")
        let statements = try Parser.parse(SourceText(origin: "<test>", text: "t | count"))
        session.cancellation.cancel()
        XCTAssertThrowsError(try session.execute(statements[0], in: SourceText(origin: "<test>", text: "t | count"))) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .cancelled)
        }
    }

    func test_planOutline() throws {
        let session = Session()
        session.register(try Table([("a", .int([1, 2])), ("s", .string(["x", "y"]))]), as: "t")
        let plan = try session.plan(SourceText(origin: "<test>", text: "t | where a > 1 | summarize n = count() by s"))
        XCTAssertEqual(plan.outline, """
            aggregate count by s -> (s: string, n: int)
              filter -> (a: int, s: string)
                scan t -> (a: int, s: string)
            """)
    }
}

extension SessionTests {
    func test_explain_showsThePlanWithoutRunning() throws {
        let session = Session()
        session.register(try Table([("a", .int([1, 2])), ("s", .string(["x", "y"]))]), as: "t")
        var messages: [String] = []
        session.run(SourceText(origin: "<test>", text: "explain t | sort by a | take 1 | join kind=left (t | count) on a == count")) { event in
            if case .result(let result) = event, case .message(let text) = result.output { messages.append(text) }
        }
        XCTAssertEqual(messages, ["""
            join left -> (a: int, s: string, count: int)
              limit 1 -> (a: int, s: string)
                sort -> (a: int, s: string)
                  scan t -> (a: int, s: string)
              count -> (count: int)
                scan t -> (a: int, s: string)
            """])
    }
}

extension SessionTests {
    func test_parseBindExecute_stepByStep() throws {
        let session = Session()
        session.register(try Table([("a", .int([3, 1, 2]))]), as: "t")
        let source = SourceText(origin: "<test>", text: "t | where a > 1 | sort by a")
        XCTAssertEqual(try Parser.parse(source).count, 1)
        let plan = try session.plan(source)
        XCTAssertEqual(plan.schema, [Field(name: "a", type: .int)])
        let table = try session.execute(plan)
        XCTAssertEqual((0..<table.rowCount).map { table.row($0) }, [[.int(2)], [.int(3)]])
    }
}
