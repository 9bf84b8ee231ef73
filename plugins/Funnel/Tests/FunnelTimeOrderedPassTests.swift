// The one-pass funnel over time-ordered rows (TimeOrderedFunnel) against the regrouping path on
// random tables with ties, multi-step rows, nulls, unsorted rows, int users and date times.
@testable import FunnelPlugin
import TallyStore
import TallyTestSupport
import XCTest

final class FunnelTimeOrderedPassTests: XCTestCase {
    /// Events of the random tables; "ab" matches the steps that list it too, "x" none.
    private static let events = ["a", "b", "c", "d", "ab", "x"]
    private static let stepSets: [[Set<String>]] = [
        [["a"]],
        [["a"], ["b", "ab"]],
        [["a", "ab"], ["b", "ab"], ["c"]],
        [["a"], ["b"], ["c"], ["d"]],
        [["a", "ab"], ["ab", "b"], ["c"], ["a"], ["d"], ["b"]],
    ]

    private struct RandomTable {
        var users: [String?]
        var times: [Int64?]
        var events: [String?]
    }

    /// Rows in time order with many equal times (seconds drawn from a small range, then sorted).
    /// `tick`: microseconds per time step (a second unless given).
    private func randomTable(rows: Int, users: Int, seconds: Int64, nullEvery: Int?, tick: Int64 = 1_000_000,
                             using random: inout SplitMix) -> RandomTable {
        var times = (0..<rows).map { _ in Int64.random(in: 0...seconds, using: &random) * tick }
        times.sort()
        var table = RandomTable(users: [], times: times.map { $0 }, events: [])
        for row in 0..<rows {
            table.users.append("u\(Int.random(in: 0..<users, using: &random))")
            table.events.append(Self.events.randomElement(using: &random))
            if let nullEvery, row % nullEvery == nullEvery - 1 {
                switch Int.random(in: 0..<3, using: &random) {
                case 0: table.users[row] = nil
                case 1: table.times[row] = nil
                default: table.events[row] = nil
                }
            }
        }
        return table
    }

    private func options(_ table: Table, _ events: [String?], steps: [Set<String>], within: Int64,
                         userColumn: String = "user_id") throws -> FunnelOptions {
        let predicates = steps.map { set -> Column in
            var builder = ColumnBuilder(type: .bool, capacity: events.count)
            for event in events {
                if let event { builder.append(bool: set.contains(event)) } else { builder.appendNull() }
            }
            return builder.finish()
        }
        return FunnelOptions(steps: predicates, labels: steps.map { $0.sorted().joined(separator: "|") },
                             within: within * 1_000_000, userColumn: try XCTUnwrap(table.index(of: userColumn)),
                             timeColumn: try XCTUnwrap(table.index(of: "ts")))
    }

    private func table(_ random: RandomTable, timeType: DataType = .timestamp) throws -> Table {
        var times = ColumnBuilder(type: timeType, capacity: random.times.count)
        for time in random.times {
            if let time { times.append(int64: timeType == .date ? time / 1_000_000 : time) } else { times.appendNull() }
        }
        return try Table([("user_id", Column.string(random.users)), ("ts", times.finish()),
                          ("event", Column.string(random.events))])
    }

    private func rows(_ table: Table) -> [[Value]] { (0..<table.rowCount).map(table.row) }

    /// Runs both paths; returns whether the one-pass path took the input.
    @discardableResult
    private func assertPathsAgree(_ table: Table, _ options: FunnelOptions, workers: Int,
                                  file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        let general = try FunnelComputation.run(table, options: options, workers: workers, allowsTimeOrderedPass: false)
        let automatic = try FunnelComputation.run(table, options: options, workers: workers, allowsTimeOrderedPass: true)
        XCTAssertEqual(rows(automatic), rows(general), file: file, line: line)
        guard let tally = try TimeOrderedFunnel.tally(table, options: options, workers: workers, isCancelled: { false }) else {
            return false
        }
        XCTAssertEqual(rows(FunnelStepTable.build(tally, labels: options.labels)), rows(general), file: file, line: line)
        // Small chunks: step rows of one user split over chunks and over the sorting workers' shares;
        // and 64-bit slots where 32-bit ones would be taken.
        for chunkRows in [1, 2, 7, 64, TimeOrderedFunnel.defaultChunkRows] {
            for narrow in [true, false] {
                let chunked = try XCTUnwrap(TimeOrderedFunnel.tally(table, options: options, workers: workers,
                                                                    chunkRows: chunkRows, allowsNarrowSlots: narrow,
                                                                    isCancelled: { false }), file: file, line: line)
                XCTAssertEqual(rows(FunnelStepTable.build(chunked, labels: options.labels)), rows(general),
                               "chunkRows \(chunkRows), narrow \(narrow)", file: file, line: line)
            }
        }
        return true
    }

    func test_timeOrderedPass_randomSortedTables_equalRegroupingPath() throws {
        var random = SplitMix(seed: 42)
        var taken = 0, cases = 0
        for round in 0..<60 {
            let steps = Self.stepSets[round % Self.stepSets.count]
            let generated = randomTable(rows: Int.random(in: 1...400, using: &random), users: Int.random(in: 1...30, using: &random),
                                        seconds: Int64.random(in: 0...300, using: &random), nullEvery: nil, using: &random)
            let table = try table(generated)
            for within in [0, 5, 60, 100_000] as [Int64] {
                let options = try options(table, generated.events, steps: steps, within: within)
                for workers in [1, 2, 4] {
                    cases += 1
                    if try assertPathsAgree(table, options, workers: workers) { taken += 1 }
                }
            }
        }
        // Equal times with a lower step after a higher one for the same user send some tables to
        // the regrouping path; most are taken.
        XCTAssertGreaterThan(taken, cases / 3)
    }

    func test_timeOrderedPass_declinesUnsortedNullsAndIntUsers() throws {
        var random = SplitMix(seed: 7)
        let steps = Self.stepSets[3]
        for _ in 0..<10 {
            let generated = randomTable(rows: 300, users: 12, seconds: 200, nullEvery: nil, using: &random)
            // Unsorted: the same rows, shuffled.
            var order = Array(0..<300)
            order.shuffle(using: &random)
            let shuffled = RandomTable(users: order.map { generated.users[$0] }, times: order.map { generated.times[$0] },
                                       events: order.map { generated.events[$0] })
            let unsorted = try table(shuffled)
            XCTAssertFalse(try assertPathsAgree(unsorted, try options(unsorted, shuffled.events, steps: steps, within: 50),
                                                workers: 2))
            // Nulls in the user, time or event column.
            let withNulls = randomTable(rows: 300, users: 12, seconds: 200, nullEvery: 7, using: &random)
            let nullTable = try table(withNulls)
            XCTAssertFalse(try assertPathsAgree(nullTable, try options(nullTable, withNulls.events, steps: steps, within: 50),
                                                workers: 2))
            // Int users.
            let base = try table(generated)
            let intUsers = Column.int(generated.users.map { Int64($0!.dropFirst())! })
            let intTable = try Table([("user_id", intUsers), ("ts", try XCTUnwrap(base.column(named: "ts"))),
                                      ("event", try XCTUnwrap(base.column(named: "event")))])
            XCTAssertFalse(try assertPathsAgree(intTable, try options(intTable, generated.events, steps: steps, within: 50),
                                                workers: 1))
        }
    }

    /// Times that are not whole seconds (32-bit slots give way to 64-bit ones mid-pass), windows
    /// that are not whole seconds over whole-second times (rounded down in 32-bit slots), and a
    /// span too long for 32-bit seconds.
    func test_timeOrderedPass_subsecondTimesOddWindowsAndLongSpans_equalRegroupingPath() throws {
        var random = SplitMix(seed: 11)
        var taken = 0
        for round in 0..<30 {
            let tick: Int64 = [250_000, 1_000_000, 1_000_000 * 50_000_000, 1][round % 4]
            let generated = randomTable(rows: Int.random(in: 1...300, using: &random), users: 10, seconds: 120,
                                        nullEvery: nil, tick: tick, using: &random)
            let table = try table(generated)
            for within in [0, 999_999, 1_000_000, 2_500_000, 7_000_001, 50_000_000 * 1_000_000] as [Int64] {
                var options = try options(table, generated.events, steps: Self.stepSets[round % Self.stepSets.count],
                                          within: 0)
                options.within = within
                for workers in [1, 2] where try assertPathsAgree(table, options, workers: workers) { taken += 1 }
            }
        }
        XCTAssertGreaterThan(taken, 60)
    }

    func test_timeOrderedPass_dateTimes() throws {
        var random = SplitMix(seed: 3)
        var taken = 0
        for round in 0..<20 {
            // The random seconds 0…40 become days 0…40; `within` is 3 days.
            let generated = randomTable(rows: 200, users: 8, seconds: 40, nullEvery: nil, using: &random)
            let dates = try table(generated, timeType: .date)
            let options = try options(dates, generated.events, steps: Self.stepSets[round % 4], within: 3 * 86_400)
            if try assertPathsAgree(dates, options, workers: 2) { taken += 1 }
        }
        XCTAssertGreaterThan(taken, 0)
    }

    func test_timeOrderedPass_lowerStepAfterHigherAtSameTime_declines() throws {
        // b then a at second 3: the scan order is a, b (level 2); row order would give level 1.
        let rows = [FunnelRow("u", 1, "x"), FunnelRow("u", 3, "b"), FunnelRow("u", 3, "a")]
        let table = FunnelFixture.table(rows)
        let steps: [Set<String>] = [["a"], ["b"]]
        let options = try options(table, rows.map(\.event), steps: steps, within: 10)
        XCTAssertNil(try TimeOrderedFunnel.tally(table, options: options, workers: 1, isCancelled: { false }))
        XCTAssertEqual(try FunnelComputation.run(table, options: options).columns[2].int64Values, [1, 1])
        // a then b (and the same step twice) at one time is row order already.
        let ordered = [FunnelRow("u", 3, "a"), FunnelRow("u", 3, "a"), FunnelRow("u", 3, "b"), FunnelRow("u", 3, "b")]
        let orderedTable = FunnelFixture.table(ordered)
        let orderedOptions = try self.options(orderedTable, ordered.map(\.event), steps: steps, within: 10)
        let tally = try XCTUnwrap(TimeOrderedFunnel.tally(orderedTable, options: orderedOptions, workers: 1,
                                                          isCancelled: { false }))
        XCTAssertEqual(tally.usersAtLevel, [0, 0, 1])
        XCTAssertEqual(tally.gaps, [[], [0]])
    }

    /// Thousands of short histories of one or two users, ties everywhere: finds order and
    /// finishing-step cases that big random tables rarely hit.
    func test_timeOrderedPass_manyShortHistories() throws {
        var random = SplitMix(seed: 99)
        var taken = 0
        for round in 0..<3000 {
            let steps = Self.stepSets[1 + round % 2]
            var rows: [FunnelRow] = []
            var second: Int64 = 0
            for _ in 0..<Int.random(in: 1...7, using: &random) {
                second += Int64.random(in: 0...2, using: &random)
                rows.append(FunnelRow(Bool.random(using: &random) ? "u" : "v", second, Self.events.randomElement(using: &random)))
            }
            let table = FunnelFixture.table(rows)
            if try assertPathsAgree(table, try options(table, rows.map(\.event), steps: steps, within: 2), workers: 1) {
                taken += 1
            }
        }
        XCTAssertGreaterThan(taken, 1000)
    }

    func test_medianBySelection_equalsMedianOfSorted() {
        var random = SplitMix(seed: 11)
        for round in 0..<300 {
            let count = Int.random(in: 1...(round % 3 == 0 ? 5_000 : 60), using: &random)
            let spread = Int64([1, 3, 1_000, 1 << 40][round % 4])
            var values = (0..<count).map { _ in Int64.random(in: -spread...spread, using: &random) }
            if round % 7 == 0 { values.sort() }
            let expected = FunnelStepTable.medianOfSorted(values.sorted())
            XCTAssertEqual(FunnelStepTable.medianBySelection(&values), expected, "round \(round)")
        }
    }

    func test_timeOrderedPass_generatedLog_fourSteps() throws {
        let table = try GeneratedEvents.table(events: 60_000, seed: 5)
        let events = try XCTUnwrap(table.column(named: "event"))
        let names = (0..<table.rowCount).map { row -> String? in
            guard case .string(let name) = events.value(at: row) else { return nil }
            return name
        }
        let steps: [Set<String>] = [["view_item"], ["add_to_cart"], ["checkout"], ["purchase"]]
        for workers in [1, 2] {
            XCTAssertTrue(try assertPathsAgree(table, try options(table, names, steps: steps, within: 7 * 86_400),
                                               workers: workers))
        }
    }
}
