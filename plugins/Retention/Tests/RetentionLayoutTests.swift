// Which counting layout a call gets: bitsets normally, per-user groups when bitsets would be huge.
@testable import RetentionPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class RetentionLayoutTests: XCTestCase {
    private func events(_ table: Table, period: CalendarPeriod) throws -> EventPeriods {
        var numbering = PeriodNumbering(period: period, zone: .utc, weekStart: 0)
        let times = table.column(named: "ts")!
        return try EventPeriods(users: DenseUserIDs(table.column(named: "user_id")!), times: times, timesAreDays: false,
                                isStart: nil, isReturn: nil, numbering: &numbering,
                                endOfData: numbering.index(ofUTC: utc(2024, 3, 5)), context: PluginContext())
    }

    /// 100k users over a century of days: bitsets would need 2 × 36,5xx × 1,563 words, so the
    /// call counts per user instead, and gets the hand-computed answer.
    func test_longSpanManyUsers_usesGroups() throws {
        var rows = [EventRow("old", utc(1924, 3, 4), "signup"), EventRow("old", utc(1924, 3, 5), "signup")]
        for user in 0..<100_000 { rows.append(EventRow("u\(user)", utc(2024, 3, 4), "signup")) }
        rows.append(EventRow("u7", utc(2024, 3, 5), "app_open"))
        let table = eventTable(rows)
        XCTAssertFalse(PeriodUserBitsets.fits(try events(table, period: .day), horizon: 1))
        XCTAssertTrue(PeriodUserBitsets.fits(try events(table, period: .month), horizon: 1))
        let result = try RetentionPlugin().run(table, arguments: BoundArguments(["period": .period(.day), "horizon": .integer(1)]),
                                               context: PluginContext())
        let lines = compactRows(result)
        XCTAssertEqual(lines.first, "1924-03-04 0 1 1")
        XCTAssertEqual(lines[1], "1924-03-04 1 1 1")
        XCTAssertEqual(Array(lines.suffix(4)), ["2024-03-04 0 100000 100000", "2024-03-04 1 100000 1",
                                                "avg 0 100001 100001", "avg 1 100001 2"])
    }

    func test_smallInput_usesBitsets() throws {
        let table = eventTable([EventRow("a", utc(2024, 3, 4), "signup")])
        XCTAssertTrue(PeriodUserBitsets.fits(try events(table, period: .day), horizon: 10_000))
    }
}

final class RetentionDenseUserTests: XCTestCase {
    /// A `by` group holds a few rows of a column whose dictionary has 100k users: ids are
    /// renumbered densely for the group (nulls stay -1).
    func test_smallGroupOfLargeDictionary_renumbered() {
        let whole = Column.string((0..<100_000).map { "u\($0)" })
        let group = whole.gathered([99_999, 5, 99_999])
        let ids = DenseUserIDs(group)
        XCTAssertEqual(ids.ids, [0, 1, 0])
        XCTAssertEqual(ids.count, 2)
        let withNull = Column.string(["a", nil, "b", "a"])
        XCTAssertEqual(DenseUserIDs(withNull).ids, [0, -1, 1, 0])
    }
}
