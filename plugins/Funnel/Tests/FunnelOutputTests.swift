// Hand-computed per-step and per-user tables, measured chains, empty input and argument errors.
@testable import FunnelPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class FunnelOutputTests: XCTestCase {
    private let a: Set<String> = ["a"], b: Set<String> = ["b"], c: Set<String> = ["c"]
    private let second = FunnelFixture.second

    private func rows(_ table: Table) -> [[Value]] { (0..<table.rowCount).map(table.row) }

    func test_funnel_stepTable_handComputed() throws {
        let events = [
            FunnelRow("u1", 0, "a"), FunnelRow("u1", 10, "b"), FunnelRow("u1", 30, "c"),
            FunnelRow("u2", 0, "a"), FunnelRow("u2", 20, "b"),
            FunnelRow("u3", 5, "a"),
            FunnelRow("u4", 1, "b"),
        ]
        let table = try FunnelFixture.run(events, [a, b, c], within: 1000)
        XCTAssertEqual(table.names, ["step", "name", "users", "conversion_from_previous", "conversion_from_first",
                                     "drop_off", "median_time_from_previous", "mean_time_from_previous"])
        XCTAssertEqual(rows(table), [
            [.int(1), .string("a"), .int(3), .null, .float(1), .null, .null, .null],
            [.int(2), .string("b"), .int(2), .float(2.0 / 3), .float(2.0 / 3), .int(1), .duration(15 * second), .duration(15 * second)],
            [.int(3), .string("c"), .int(1), .float(0.5), .float(1.0 / 3), .int(1), .duration(20 * second), .duration(20 * second)],
        ])
    }

    func test_funnel_stepTable_nobodyEnters_conversionsNull() throws {
        let table = try FunnelFixture.run([FunnelRow("u", 0, "b")], [a, b])
        XCTAssertEqual(rows(table), [
            [.int(1), .string("a"), .int(0), .null, .null, .null, .null, .null],
            [.int(2), .string("b"), .int(0), .null, .null, .int(0), .null, .null],
        ])
    }

    func test_funnel_times_firstCompleteChain() throws {
        // The scan ends at the first chain reaching the last step: a@0 → b@3.
        let table = try FunnelFixture.run([FunnelRow("u", 0, "a"), FunnelRow("u", 3, "b"), FunnelRow("u", 4, "a"),
                                           FunnelRow("u", 5, "b")], [a, b])
        XCTAssertEqual(table.row(1)[6], .duration(3 * second))
    }

    func test_funnel_times_belowLastStep_newestKeptChain() throws {
        // Level 2 of 3: the kept level-2 chain is the newest, a@4 → b@5.
        let table = try FunnelFixture.run([FunnelRow("u", 0, "a"), FunnelRow("u", 2, "b"), FunnelRow("u", 4, "a"),
                                           FunnelRow("u", 5, "b")], [a, b, c])
        XCTAssertEqual(table.row(1)[6], .duration(1 * second))
        XCTAssertEqual(table.row(2)[2], .int(0))
    }

    func test_funnel_times_strictOnce_tieGoesToEarliestStart() throws {
        // b@6 extends the chains started at 0 and at 5 at once; the measured one starts at 0.
        let events = [FunnelRow("u", 0, "a"), FunnelRow("u", 5, "a"), FunnelRow("u", 6, "b")]
        XCTAssertEqual(try FunnelFixture.run(events, [a, b, c], mode: ["strict_once"]).row(1)[6], .duration(6 * second))
        XCTAssertEqual(try FunnelFixture.run(events, [a, b, c]).row(1)[6], .duration(1 * second))
    }

    func test_funnel_medianAndMean_rounding() {
        XCTAssertEqual(FunnelStepTable.medianOfSorted([1, 2]), 2)
        XCTAssertEqual(FunnelStepTable.medianOfSorted([1, 2, 10]), 2)
        XCTAssertEqual(FunnelStepTable.medianOfSorted([1, 3, 8, 10]), 6)
        XCTAssertEqual(FunnelStepTable.roundedMean([1, 1, 2]), 1)
        XCTAssertEqual(FunnelStepTable.roundedMean([1, 2]), 2)
        XCTAssertEqual(FunnelStepTable.roundedMean([Int64.max, Int64.max]), Int64.max)
    }

    func test_funnel_perUser_stringAndIntUsers() throws {
        let events = [FunnelRow("v", 0, "b"), FunnelRow("u", 1, "a"), FunnelRow("u", 2, "b"), FunnelRow("w", 3, "a")]
        let table = try FunnelFixture.run(events, [a, b], perUser: true)
        XCTAssertEqual(table.fields, [Field(name: "user", type: .string), Field(name: "level", type: .int)])
        XCTAssertEqual(rows(table), [[.string("v"), .int(0)], [.string("u"), .int(2)], [.string("w"), .int(1)]])

        let ints = try Table([("uid", Column.int([7, 7, 3])), ("at", Column.date([0, 1, 2])),
                              ("event", Column.string(["a", "b", "b"]))])
        let steps = BoundArguments(["steps": .list([.predicate(Column.bool([true, false, false]), label: "a"),
                                                    .predicate(Column.bool([false, true, true]), label: "b")]),
                                    "within": .duration(86_400 * second), "per_user": .boolean(true),
                                    "user": .column("uid"), "time": .column("at")])
        let result = try FunnelPlugin().run(ints, arguments: steps, context: PluginContext())
        XCTAssertEqual(rows(result), [[.int(7), .int(2)], [.int(3), .int(0)]])
    }

    func test_funnel_dateTimes_withinInDays() throws {
        let table = try Table([("user_id", Column.string(["u", "u", "v", "v"])), ("ts", Column.date([0, 1, 0, 2])),
                               ("event", Column.string(["a", "b", "a", "b"]))])
        let arguments = BoundArguments(["steps": .list([.predicate(Column.bool([true, false, true, false]), label: "a"),
                                                        .predicate(Column.bool([false, true, false, true]), label: "b")]),
                                        "within": .duration(86_400 * second)])
        let result = try FunnelPlugin().run(table, arguments: arguments, context: PluginContext())
        XCTAssertEqual(result.row(1)[2], .int(1))
        XCTAssertEqual(result.row(1)[6], .duration(86_400 * second))
    }

    func test_funnel_emptyInput_emptyWellTypedResult() throws {
        let table = try FunnelFixture.run([], [a, b])
        XCTAssertEqual(table.rowCount, 0)
        XCTAssertEqual(table.fields.map(\.type), [.int, .string, .int, .float, .float, .int, .duration, .duration])
        let perUser = try FunnelFixture.run([], [a, b], perUser: true)
        XCTAssertEqual(perUser.rowCount, 0)
        XCTAssertEqual(perUser.fields, [Field(name: "user", type: .string), Field(name: "level", type: .int)])
        let fields = try FunnelPlugin().outputFields(arguments: FunnelFixture.arguments([a], over: [], perUser: true),
                                                     input: FunnelFixture.table([]).fields)
        XCTAssertEqual(fields, perUser.fields)
        // Typing the output does not need evaluated predicates, but still checks the modes.
        let unevaluated = BoundArguments(["steps": .list([.string("a"), .string("b")]), "mode": .flags(["allow_reentry"])])
        XCTAssertThrowsError(try FunnelPlugin().outputFields(arguments: unevaluated, input: FunnelFixture.table([]).fields)) {
            XCTAssertEqual(($0 as? PluginError)?.parameter, "mode")
        }
        let stepsOnly = BoundArguments(["steps": .list([.string("a"), .string("b")])])
        XCTAssertEqual(try FunnelPlugin().outputFields(arguments: stepsOnly, input: FunnelFixture.table([]).fields).count, 8)
    }

    func test_funnel_stepNames_stringLiteralsLoseQuotes() {
        XCTAssertEqual(FunnelOptions.stepName(#""signup""#), "signup")
        XCTAssertEqual(FunnelOptions.stepName(#"event == "purchase" and amount > 50"#), #"event == "purchase" and amount > 50"#)
        XCTAssertEqual(FunnelOptions.stepName(#""a" or "b""#), #""a" or "b""#)
        XCTAssertEqual(FunnelOptions.stepName("paid"), "paid")
    }

    func test_funnel_cancellation() {
        let rows = [FunnelRow("u", 0, "a"), FunnelRow("v", 1, "b")]
        XCTAssertThrowsError(try FunnelPlugin().run(FunnelFixture.table(rows), arguments: FunnelFixture.arguments([a, b], over: rows),
                                                    context: PluginContext(isCancelled: { true }))) { error in
            XCTAssertEqual((error as? PluginError)?.isCancellation, true)
        }
    }

    func test_funnel_errors() {
        let events = [FunnelRow("u", 0, "a")]
        XCTAssertThrowsError(try FunnelFixture.run(events, [a, b], mode: ["allow_reentry"])) { error in
            XCTAssertEqual(error as? PluginError, PluginError("`allow_reentry` requires `strict_order`", parameter: "mode",
                                                              hints: ["write `mode: [strict_order, allow_reentry]`"]))
        }
        XCTAssertThrowsError(try FunnelFixture.run(events, [])) { error in
            XCTAssertEqual((error as? PluginError)?.message, "`steps` needs 1 to 32 steps, got 0")
            XCTAssertEqual((error as? PluginError)?.parameter, "steps")
        }
        XCTAssertThrowsError(try FunnelFixture.run(events, Array(repeating: a, count: 33))) { error in
            XCTAssertEqual((error as? PluginError)?.message, "`steps` needs 1 to 32 steps, got 33")
        }
        XCTAssertThrowsError(try FunnelFixture.run(events, [a], within: -1)) { error in
            XCTAssertEqual(error as? PluginError, PluginError("`within` must not be negative", parameter: "within"))
        }
        XCTAssertNoThrow(try FunnelFixture.run(events, Array(repeating: a, count: 32)))
    }
}
