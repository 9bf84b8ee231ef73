// Plugin stages outside golden files: the plan as data, cancellation, per-group inputs, demo-size data.
import XCTest
import TallyStore
import TallyPluginAPI
import TallyGen
@testable import TallyQuery

final class PluginStageTests: XCTestCase {
    private func session() throws -> Session {
        let session = Session(registry: TestPlugins.registry())
        let table = try Table([
            ("user_id", .string(["u1", "u2", "u1", "u3"])),
            ("event", .string(["signup", "signup", "purchase", "purchase"])),
            ("amount", .float([0, 0, 10, 150])),
        ])
        session.register(table, as: "events")
        return session
    }

    func test_plan_keepsNameArgumentsAndKeysAsData() throws {
        let session = try session()
        let plan = try session.plan(SourceText(origin: "<test>", text: #"events | probe(start: "signup", steps: ["signup", amount > 100], mode: unbounded) by user_id"#))
        XCTAssertEqual(plan.outline, """
            plugin probe(horizon, mode, options, period, start, steps, summary, within) by user_id -> (user_id: string, parameter: string, value: string)
              scan events -> (user_id: string, event: string, amount: float)
            """)
        guard case .plugin(_, let call) = plan.operation else { return XCTFail("not a plugin node") }
        XCTAssertEqual(call.name, "probe")
        guard case .predicate(let start, let label)? = call.arguments["start"] else { return XCTFail("start") }
        XCTAssertEqual(label, "signup")
        // `"signup"` became `event == "signup"` over input column 1, still an expression.
        guard case .comparison(.equal, let left, let right) = start.kind, case .column(1) = left.kind,
              case .literal(.string("signup")) = right.kind else { return XCTFail("start is \(start.kind)") }
        guard case .list(let steps)? = call.arguments["steps"], steps.count == 2,
              case .predicate(_, let second) = steps[1] else { return XCTFail("steps") }
        XCTAssertEqual(second, "amount > 100")
        guard case .value(.choice("unbounded"))? = call.arguments["mode"] else { return XCTFail("mode") }
        XCTAssertEqual(call.keys.map(\.0), ["user_id"])
    }

    func test_cancellation_reachesThePlugin() throws {
        let session = try session()
        let plan = try session.plan(SourceText(origin: "<test>", text: "events | rowcount"))
        session.cancellation.cancel()
        XCTAssertThrowsError(try session.execute(plan)) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .cancelled)
        }
        session.cancellation.reset()
        XCTAssertEqual(try session.execute(plan).rowCount, 1)
    }

    func test_pluginCancellationError_isCancelledKind() throws {
        var registry = PluginRegistry()
        try registry.register(CancelsPlugin())
        let session = Session(registry: registry)
        session.register(try Table([("a", .int([1, 2]))]), as: "t")
        var failure: Diagnostic?
        session.run(SourceText(origin: "<test>", text: "t | cancels by a")) { if case .failure(let d) = $0 { failure = d } }
        XCTAssertEqual(failure?.kind, .cancelled)
        XCTAssertEqual(failure?.message, "query cancelled")
    }

    func test_grouping_rowsByGroupInFirstAppearanceOrder() {
        let grouping = KeyEncoder.group([.string(["b", "a", "b", nil, "a"])], rowCount: 5)
        XCTAssertEqual(Executor.rowsByGroup(grouping), [[0, 2], [1, 4], [3]])
    }

    func test_groupedRun_seesItsRowsAndTheWholeInput() throws {
        let session = try session()
        var table: Table?
        session.run(SourceText(origin: "<test>", text: #"events | rowcount(where: amount > 5) by user_id"#)) {
            if case .result(let result) = $0, case .table(let t) = result.output { table = t }
        }
        let result = try XCTUnwrap(table)
        XCTAssertEqual(result.names, ["user_id", "rows", "whole", "matched"])
        XCTAssertEqual((0..<result.rowCount).map { result.row($0) }, [
            [.string("u1"), .int(2), .int(4), .int(1)],
            [.string("u2"), .int(1), .int(4), .int(0)],
            [.string("u3"), .int(1), .int(4), .int(1)],
        ])
    }

    func test_expressionText_normalisesPredicates() throws {
        let cases = [
            (#"event == "a" and (amount > 1 or amount < -2)"#, #"event == "a" and (amount > 1 or amount < -2)"#),
            (#"not (a == 1)  and   b in (1,2)"#, #"not a == 1 and b in (1, 2)"#),
            ("(a + b) * 2 >= 3.5", "(a + b) * 2 >= 3.5"),
            (#"`odd name` is not null"#, #"`odd name` is not null"#),
            (#"s contains "x\"y""#, #"s contains "x\"y""#),
        ]
        for (input, expected) in cases {
            let statements = try Parser.parse(SourceText(origin: "<test>", text: "t | where " + input))
            guard case .pipeline(let pipeline) = statements[0].kind, case .filter(let condition) = pipeline.stages[0].kind else {
                return XCTFail("not a filter")
            }
            XCTAssertEqual(condition.text, expected)
        }
    }

    /// Demo-sized input through a plugin stage: binding and grouping stay cheap.
    func test_groupedPlugin_onGeneratedEvents() throws {
        let session = Session(registry: TestPlugins.registry())
        let events = EventGenerator.table(EventGenerator.Options(events: 20_000, seed: 7))
        session.register(events, as: "events")
        var table: Table?
        session.run(SourceText(origin: "<test>", text: #"events | rowcount(where: "purchase") by channel"#)) {
            if case .result(let result) = $0, case .table(let t) = result.output { table = t }
        }
        let result = try XCTUnwrap(table)
        let rows = result.column(named: "rows")!.int64Values!
        XCTAssertEqual(rows.reduce(0, +), Int64(events.rowCount))
        let purchases = (0..<events.rowCount).filter { events.column(named: "event")!.value(at: $0) == .string("purchase") }.count
        XCTAssertEqual(result.column(named: "matched")!.int64Values!.reduce(0, +), Int64(purchases))
        XCTAssertTrue(result.column(named: "whole")!.int64Values!.allSatisfy { $0 == Int64(events.rowCount) })
    }
}

/// Reports cancellation from inside `run`, as a long plugin loop would.
private struct CancelsPlugin: Plugin {
    let descriptor = PluginDescriptor(name: "cancels", summary: "Cancels", discussion: "", parameters: [], examples: [],
                                      outputColumns: [])
    func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] { [Field(name: "x", type: .int)] }
    func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        throw PluginError.cancelled
    }
}
