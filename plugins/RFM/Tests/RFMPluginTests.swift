// Hand-computed RFM cases: values, scores with ties, segments, as_of, empty input, summary.
import RFMPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class RFMPluginTests: XCTestCase {
    func test_rfm_fourUsers_defaultAsOf() throws {
        let result = try RFMTestData.run(RFMTestData.fourUsers, RFMTestData.arguments())
        XCTAssertEqual(result.names, ["user_id", "recency_days", "frequency", "monetary", "r_score", "f_score",
                                      "m_score", "rfm", "segment", "value_segment", "value_segment_zh"])
        // as_of = 2024-03-07 (the day after the last event, 03-06 23:00). Cut indices for n = 4: 0, 1, 2, 3.
        XCTAssertEqual(RFMTestData.rows(result), [
            ["a", "2", "2", "30.0", "3", "3", "3", "333", "loyal", "general value", "一般价值客户"],
            ["b", "4", "1", "5.0", "2", "1", "1", "211", "hibernating", "general retention", "一般挽留客户"],
            ["c", "1", "3", "102.0", "4", "4", "4", "444", "champions", "important value", "重要价值客户"],
            ["d", "6", "1", "5.0", "1", "1", "1", "111", "lost", "general retention", "一般挽留客户"],
        ])
    }

    func test_rfm_summary() throws {
        let result = try RFMTestData.run(RFMTestData.fourUsers, RFMTestData.arguments(summary: true))
        XCTAssertEqual(result.names, ["segment", "users", "share", "monetary", "avg_monetary"])
        XCTAssertEqual(RFMTestData.rows(result), [
            ["champions", "1", "0.25", "102.0", "102.0"],
            ["loyal", "1", "0.25", "30.0", "30.0"],
            ["hibernating", "1", "0.25", "5.0", "5.0"],
            ["lost", "1", "0.25", "5.0", "5.0"],
        ])
    }

    func test_rfm_summary_groupsUsers() throws {
        // Three equal users tie on everything: every score 1, all "lost", one summary row.
        let input = RFMTestData.table([("x", RFMTestData.micros(2024, 1, 1), 2), ("y", RFMTestData.micros(2024, 1, 1), 2),
                                       ("z", RFMTestData.micros(2024, 1, 1, 5), 2)])
        let result = try RFMTestData.run(input, RFMTestData.arguments(summary: true))
        XCTAssertEqual(RFMTestData.rows(result), [["lost", "3", "1.0", "6.0", "2.0"]])
    }

    func test_rfm_explicitAsOf() throws {
        let result = try RFMTestData.run(RFMTestData.fourUsers,
                                         RFMTestData.arguments(asOf: RFMTestData.micros(2024, 3, 10, 12)))
        XCTAssertEqual(RFMTestData.rows(result).map { [$0[0], $0[1], $0[4]] },
                       [["a", "5", "3"], ["b", "7", "2"], ["c", "4", "4"], ["d", "9", "1"]])
    }

    func test_rfm_bins2_explicitAsOf_matchesGolden() throws {
        // bins 2: one cut at sorted[⌊0.5·4⌋] = the third value; only values strictly above it score 2.
        let result = try RFMTestData.run(RFMTestData.fourUsers,
                                         RFMTestData.arguments(asOf: RFMTestData.micros(2024, 3, 10), bins: 2))
        XCTAssertEqual(RFMTestData.rows(result).map { [$0[0], $0[1], $0[7]] },
                       [["a", "5", "111"], ["b", "7", "111"], ["c", "4", "222"], ["d", "9", "111"]])
    }

    func test_rfm_asOfSameDay_recencyZero() throws {
        let result = try RFMTestData.run(RFMTestData.fourUsers,
                                         RFMTestData.arguments(asOf: RFMTestData.micros(2024, 3, 6, 23)))
        XCTAssertEqual(RFMTestData.rows(result).map { $0[1] }, ["1", "3", "0", "5"])
    }

    func test_rfm_eventAfterAsOf_isAnError() {
        XCTAssertThrowsError(try RFMTestData.run(RFMTestData.fourUsers,
                                                 RFMTestData.arguments(asOf: RFMTestData.micros(2024, 3, 4, 12)))) { error in
            XCTAssertEqual(error as? PluginError, PluginError(
                "this row's time 2024-03-05 09:00:00 is after `as_of` 2024-03-04 12:00:00", parameter: "as_of", row: 4,
                hints: ["filter the rows up to `as_of` first, or move `as_of` later"]))
        }
    }

    func test_rfm_recencyCountsLocalDays() throws {
        // 2024-03-05 20:00 UTC is 03-06 04:00 in Shanghai; as_of 03-07 12:00 local (04:00 UTC).
        let input = RFMTestData.table([("a", RFMTestData.micros(2024, 3, 5, 20), 1),
                                       ("b", RFMTestData.micros(2024, 3, 5, 15), 1)])
        let shanghai = try XCTUnwrap(ZoneCalendar(identifier: "Asia/Shanghai"))
        let explicit = try RFMTestData.run(input, RFMTestData.arguments(asOf: RFMTestData.micros(2024, 3, 7, 4)),
                                           context: PluginContext(zone: shanghai))
        XCTAssertEqual(RFMTestData.rows(explicit).map { $0[1] }, ["1", "2"])
        let utc = try RFMTestData.run(input, RFMTestData.arguments(asOf: RFMTestData.micros(2024, 3, 7, 4)))
        XCTAssertEqual(RFMTestData.rows(utc).map { $0[1] }, ["2", "2"])
        // Default as_of in Shanghai: the day after 03-06 local, so a and b (03-05 23:00 local) get 1 and 2.
        let byDefault = try RFMTestData.run(input, RFMTestData.arguments(), context: PluginContext(zone: shanghai))
        XCTAssertEqual(RFMTestData.rows(byDefault).map { $0[1] }, ["1", "2"])
    }

    func test_rfm_defaultAsOf_comesFromWholeInputUnderBy() throws {
        let group = RFMTestData.table([("a", RFMTestData.micros(2024, 3, 1, 10), 1)])
        let context = PluginContext(wholeInput: RFMTestData.fourUsers)
        let result = try RFMTestData.run(group, RFMTestData.arguments(), context: context)
        XCTAssertEqual(RFMTestData.rows(result).map { $0[1] }, ["6"])
    }

    func test_rfm_singleUser_allScoresOne() throws {
        let input = RFMTestData.table([("solo", RFMTestData.micros(2024, 5, 1), 9), ("solo", RFMTestData.micros(2024, 5, 3), 1)])
        XCTAssertEqual(RFMTestData.rows(try RFMTestData.run(input, RFMTestData.arguments())),
                       [["solo", "1", "2", "10.0", "1", "1", "1", "111", "lost", "general retention", "一般挽留客户"]])
    }

    func test_rfm_nullsAreIgnoredOrZero() throws {
        // Null user and null time rows are left out; a null amount is a row that adds 0. The default
        // as_of still comes from every non-null time (the null user's 03-09), so it is 03-10.
        let input = RFMTestData.table([("a", RFMTestData.micros(2024, 3, 1), nil), (nil, RFMTestData.micros(2024, 3, 9), 50),
                                       ("b", nil, 70), ("a", RFMTestData.micros(2024, 3, 2), 4),
                                       ("c", RFMTestData.micros(2024, 3, 2), nil)])
        let result = try RFMTestData.run(input, RFMTestData.arguments())
        XCTAssertEqual(RFMTestData.rows(result).map { Array($0[0...3]) },
                       [["a", "8", "2", "4.0"], ["c", "8", "1", "0.0"]])
    }

    func test_rfm_emptyInput_isEmptyAndTyped() throws {
        let result = try RFMTestData.run(RFMTestData.table([]), RFMTestData.arguments())
        XCTAssertEqual(result.rowCount, 0)
        XCTAssertEqual(result.fields, try RFMPlugin().outputFields(arguments: RFMTestData.arguments(),
                                                                    input: RFMTestData.fourUsers.fields))
        let summary = try RFMTestData.run(RFMTestData.table([]), RFMTestData.arguments(summary: true))
        XCTAssertEqual(summary.rowCount, 0)
        XCTAssertEqual(summary.names, ["segment", "users", "share", "monetary", "avg_monetary"])
    }

    func test_rfm_intUserColumn_keepsType() throws {
        let input = try Table([("customer_id", Column.int([7, 1_000_000_000_000, 7])),
                               ("created_at", Column.timestamp([0, CivilTime.microsPerDay, 3 * CivilTime.microsPerDay])),
                               ("paid", Column.int([3, 4, 5]))])
        let result = try RFMTestData.run(input, RFMTestData.arguments(amount: "paid"))
        XCTAssertEqual(result.fields.first, Field(name: "customer_id", type: .int))
        XCTAssertEqual(RFMTestData.rows(result).map { Array($0[0...3]) },
                       [["7", "1", "2", "8.0"], ["1000000000000", "3", "1", "4.0"]])
    }

    func test_rfm_compactIntUsers_andDateTimeColumn() throws {
        // Small int ids take the array path; a date column's values are the days themselves.
        let input = try Table([("user", Column.int([3, 1, 3, 2])), ("time", Column.date([10, 12, 15, 15])),
                               ("amount", Column.float([1, 2, 3, 4]))])
        let result = try RFMTestData.run(input, RFMTestData.arguments())
        XCTAssertEqual(RFMTestData.rows(result).map { Array($0[0...3]) },
                       [["3", "1", "2", "4.0"], ["1", "4", "1", "2.0"], ["2", "1", "1", "4.0"]])
    }

    func test_rfm_bins10_n90_usesClickHouseIndex() throws {
        XCTAssertEqual(QuantileScores.cutIndices(count: 90, bins: 10), [9, 18, 27, 36, 45, 54, 62, 72, 81])
        // 90 users spending 1…90: the 7th cut point is sorted[62] = 63, so 63 scores 7 and 64 scores 8.
        let rows = (1...90).map { ("u\($0)", RFMTestData.micros(2024, 1, 1), Double($0)) as (String?, Int64?, Double?) }
        let result = try RFMTestData.run(RFMTestData.table(rows), RFMTestData.arguments(bins: 10))
        let mScores = RFMTestData.rows(result).map { $0[6] }
        XCTAssertEqual(mScores[62], "7")
        XCTAssertEqual(mScores[63], "8")
        XCTAssertEqual(RFMTestData.rows(result)[89][7], "1-1-10")
        XCTAssertEqual(mScores.filter { $0 == "7" }.count, 8)
    }

    func test_rfm_badAmountColumn() {
        let input = try! Table([("user_id", Column.string(["a"])), ("ts", Column.timestamp([0])),
                                ("amount", Column.string(["x"]))])
        XCTAssertThrowsError(try RFMTestData.run(input, RFMTestData.arguments())) { error in
            XCTAssertEqual(error as? PluginError,
                           PluginError("the amount column `amount` is string, expected int or float", parameter: "amount"))
        }
    }
}

/// `rfm` names the columns it reads, so a `where` before it gathers only those.
final class RFMInputColumnsTests: XCTestCase {
    private let fields = [Field(name: "channel", type: .string), Field(name: "user_id", type: .string),
                          Field(name: "spent", type: .float), Field(name: "ts", type: .timestamp),
                          Field(name: "buyer", type: .string), Field(name: "at", type: .timestamp)]

    func test_inputColumns_rolesResolvedByName() {
        XCTAssertEqual(RFMPlugin().inputColumns(arguments: RFMTestData.arguments(amount: "spent"), input: fields),
                       ["user_id", "ts", "spent"])
    }

    func test_inputColumns_explicitUserAndTime() {
        let arguments = BoundArguments(["amount": .column("spent"), "user": .column("buyer"), "time": .column("at")])
        XCTAssertEqual(RFMPlugin().inputColumns(arguments: arguments, input: fields), ["buyer", "at", "spent"])
    }

    func test_inputColumns_unresolvedAmount_keepsEveryColumn() {
        XCTAssertNil(RFMPlugin().inputColumns(arguments: RFMTestData.arguments(amount: "nope"), input: fields))
    }
}
