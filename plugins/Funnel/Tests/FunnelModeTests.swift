// Hand-computed levels for every mode and the equal-time, multi-step and null rules of DESIGN §7.
import XCTest

final class FunnelModeTests: XCTestCase {
    private let a: Set<String> = ["a"], b: Set<String> = ["b"], c: Set<String> = ["c"]

    private func level(_ rows: [FunnelRow], _ steps: [Set<String>], within: Int64 = 100,
                       mode: Set<String> = []) throws -> Int64? {
        try FunnelFixture.levels(rows, steps, within: within, mode: mode)["u"]
    }

    private func u(_ second: Int64, _ event: String?) -> FunnelRow { FunnelRow("u", second, event) }

    func test_funnel_designExample_strictIncreaseKeepsOnlyNewestChain() throws {
        let rows = [u(0, "a"), u(5, "a"), u(5, "b")]
        XCTAssertEqual(try level(rows, [a, b], within: 10, mode: ["strict_increase"]), 1)
        XCTAssertEqual(try level(rows, [a, b], within: 10), 2)
        // strict_once keeps every chain, so the chain started at 0 still converts.
        XCTAssertEqual(try level(rows, [a, b], within: 10, mode: ["strict_increase", "strict_once"]), 2)
    }

    func test_funnel_rowMatchingSeveralSteps() throws {
        let rows = [u(0, "ab")]
        let steps: [Set<String>] = [["a", "ab"], ["b", "ab"]]
        XCTAssertEqual(try level(rows, steps), 2)
        XCTAssertEqual(try level(rows, steps, mode: ["strict_increase"]), 1)
        XCTAssertEqual(try level(rows, steps, mode: ["strict_once"]), 1)
        // A second such row lets strict_once use one row per step.
        XCTAssertEqual(try level([u(0, "ab"), u(1, "ab")], steps, mode: ["strict_once"]), 2)
        // Non-consecutive steps from one row: step 1 and step 3 on the row, step 2 elsewhere.
        XCTAssertEqual(try level([u(0, "ac"), u(1, "b")], [["a", "ac"], b, ["c", "ac"]]), 2)
    }

    func test_funnel_equalTimes_sortByStepNotInputOrder() throws {
        XCTAssertEqual(try level([u(3, "b"), u(3, "a")], [a, b]), 2)
        XCTAssertEqual(try level([u(3, "b"), u(3, "a")], [a, b], mode: ["strict_increase"]), 1)
    }

    func test_funnel_usersWhoNeverReachStepOne() throws {
        let rows = [FunnelRow("v", 0, "b"), FunnelRow("v", 1, "c"), FunnelRow("u", 2, "a")]
        XCTAssertEqual(try FunnelFixture.levels(rows, [a, b, c]), ["v": 0, "u": 1])
    }

    func test_funnel_strictOrder_stopsOnUnmatchedRowAfterStepOne() throws {
        XCTAssertEqual(try level([u(0, "a"), u(1, "x"), u(2, "b")], [a, b], mode: ["strict_order"]), 1)
        XCTAssertEqual(try level([u(0, "a"), u(1, "x"), u(2, "b")], [a, b]), 2)
        // Before any step-1 item an unmatched row is skipped.
        XCTAssertEqual(try level([u(0, "x"), u(1, "a"), u(2, "b")], [a, b], mode: ["strict_order"]), 2)
        // At equal times the step-0 item comes first.
        XCTAssertEqual(try level([u(0, "a"), u(1, "b"), u(1, "x")], [a, b], mode: ["strict_order"]), 1)
    }

    func test_funnel_strictOrder_stopsOnSkippedStep_allowReentrySkipsIt() throws {
        let rows = [u(0, "a"), u(1, "c"), u(2, "b"), u(3, "c")]
        XCTAssertEqual(try level(rows, [a, b, c]), 3)
        XCTAssertEqual(try level(rows, [a, b, c], mode: ["strict_order"]), 1)
        XCTAssertEqual(try level(rows, [a, b, c], mode: ["strict_order", "allow_reentry"]), 3)
        // A later step before any step 1 does not stop the scan.
        XCTAssertEqual(try level([u(0, "c"), u(1, "a"), u(2, "b")], [a, b, c], mode: ["strict_order"]), 2)
    }

    func test_funnel_strictDeduplication_stopsOnRepeatedStep() throws {
        XCTAssertEqual(try level([u(0, "a"), u(1, "b"), u(2, "b"), u(3, "c")], [a, b, c], mode: ["strict_deduplication"]), 2)
        XCTAssertEqual(try level([u(0, "a"), u(1, "b"), u(2, "b"), u(3, "c")], [a, b, c]), 3)
        // A repeated step 1 only restarts.
        XCTAssertEqual(try level([u(0, "a"), u(1, "a"), u(2, "b"), u(3, "c")], [a, b, c], mode: ["strict_deduplication"]), 3)
        XCTAssertEqual(try level([u(0, "a"), u(1, "b"), u(2, "a"), u(3, "b"), u(4, "c")], [a, b, c],
                                 mode: ["strict_deduplication"]), 2)
    }

    func test_funnel_within_isInclusive() throws {
        XCTAssertEqual(try level([u(0, "a"), u(10, "b")], [a, b], within: 10), 2)
        XCTAssertEqual(try level([u(0, "a"), u(11, "b")], [a, b], within: 10), 1)
        XCTAssertEqual(try level([u(0, "a"), u(0, "b")], [a, b], within: 0), 2)
        // The window runs from the chain's step-1 time, not from its last step.
        XCTAssertEqual(try level([u(0, "a"), u(6, "b"), u(12, "c")], [a, b, c], within: 10), 2)
    }

    func test_funnel_nullPredicateRowsAreIgnoredEntirely() throws {
        let rows = [u(0, "a"), u(1, nil), u(2, "b")]
        XCTAssertEqual(try level(rows, [a, b], mode: ["strict_order"]), 2)
        // Null user or null time: the row is ignored too (here it would otherwise stop strict_order).
        let withNulls = [u(0, "a"), FunnelRow("u", nil, "x"), FunnelRow(nil, 1, "x"), u(2, "b")]
        XCTAssertEqual(try FunnelFixture.levels(withNulls, [a, b], mode: ["strict_order"]), ["u": 2])
        // A user whose rows are all ignored is absent.
        XCTAssertEqual(try FunnelFixture.levels([FunnelRow("w", 0, nil), u(0, "a")], [a, b]), ["u": 1])
    }

    func test_funnel_singleStep() throws {
        XCTAssertEqual(try FunnelFixture.levels([FunnelRow("v", 0, "b"), u(1, "a")], [a]), ["v": 0, "u": 1])
        XCTAssertEqual(try level([u(0, "a"), u(1, "x")], [a], mode: ["strict_order"]), 1)
    }

    func test_funnel_strictOnceWithDeduplication_stopsOnSecondStepTwoItem() throws {
        // Two step-2 rows at time 1: the first extends, the second stops the scan before step 3.
        let steps: [Set<String>] = [a, ["b", "ab"], c]
        XCTAssertEqual(try level([u(0, "a"), u(1, "b"), u(1, "ab"), u(2, "c")], steps,
                                 mode: ["strict_once", "strict_deduplication"]), 2)
        XCTAssertEqual(try level([u(0, "a"), u(1, "b"), u(2, "c")], steps, mode: ["strict_once", "strict_deduplication"]), 3)
    }

    func test_funnel_strictOnce_manyMatchesInOneWindowStayFast() throws {
        // 100 interleaved rounds of a, b, c, d inside one window and no e: strict_once keeps every
        // chain, and without folding chains that can no longer differ it would hold ~100^4 / 24.
        var rows: [FunnelRow] = []
        for round in 0..<Int64(100) {
            for (offset, event) in ["a", "b", "c", "d"].enumerated() { rows.append(u(round * 4 + Int64(offset), event)) }
        }
        let steps: [Set<String>] = [a, b, c, ["d"], ["e"]]
        let started = ContinuousClock.now
        XCTAssertEqual(try level(rows, steps, within: 10_000, mode: ["strict_once"]), 4)
        XCTAssertEqual(try level(rows, steps, within: 10_000, mode: ["strict_once", "strict_increase"]), 4)
        XCTAssertLessThan(ContinuousClock.now - started, .seconds(10))
    }
}
