// Hand-computed NPS cases: classes, shares, score, Wald and adjusted-Wald intervals, invalid scores, empties.
import NPSPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class NPSPluginTests: XCTestCase {
    private func assertFloat(_ value: Value?, _ expected: Double, _ name: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        guard case .float(let actual) = value else { return XCTFail("\(name) is \(String(describing: value))", file: file, line: line) }
        XCTAssertEqual(actual, expected, accuracy: 1e-12, name, file: file, line: line)
    }

    func test_nps_mixed_wald() throws {
        // Promoters 10, 9, 10, 9; passives 8, 7; detractors 6, 0, 3, 5: n = 10, p = d = 0.4.
        let result = try NPSTestSupport.run(NPSTestSupport.intScores([10, 9, 8, 7, 6, 0, 10, 3, 9, 5]))
        XCTAssertEqual(result.names, ["responses", "promoters", "passives", "detractors", "promoters_pct", "passives_pct",
                                      "detractors_pct", "nps", "margin_of_error", "ci_low", "ci_high", "skipped"])
        let row = NPSTestSupport.row(result)
        XCTAssertEqual([row["responses"], row["promoters"], row["passives"], row["detractors"], row["skipped"]],
                       [.int(10), .int(4), .int(2), .int(4), .int(0)])
        assertFloat(row["promoters_pct"], 40, "promoters_pct")
        assertFloat(row["passives_pct"], 20, "passives_pct")
        assertFloat(row["detractors_pct"], 40, "detractors_pct")
        assertFloat(row["nps"], 0, "nps")
        // 1.96 · √((0.8 − 0) / 10) · 100 = 196 · √0.08.
        assertFloat(row["margin_of_error"], 55.43717164502532, "margin_of_error")
        assertFloat(row["ci_low"], -55.43717164502532, "ci_low")
        assertFloat(row["ci_high"], 55.43717164502532, "ci_high")
    }

    func test_nps_mixed_adjustedWald() throws {
        // n' = 13, p' = d' = 4.75/13: margin = 196 · √((9.5/13)/13).
        let row = NPSTestSupport.row(try NPSTestSupport.run(NPSTestSupport.intScores([10, 9, 8, 7, 6, 0, 10, 3, 9, 5]),
                                                            NPSTestSupport.arguments(interval: "adjusted_wald")))
        assertFloat(row["nps"], 0, "nps")
        assertFloat(row["margin_of_error"], 46.470197868535365, "margin_of_error")
        assertFloat(row["ci_low"], -46.470197868535365, "ci_low")
        assertFloat(row["ci_high"], 46.470197868535365, "ci_high")
    }

    func test_nps_allPromoters() throws {
        let wald = NPSTestSupport.row(try NPSTestSupport.run(NPSTestSupport.intScores([9, 10, 10])))
        assertFloat(wald["nps"], 100, "nps")
        assertFloat(wald["margin_of_error"], 0, "margin_of_error")
        assertFloat(wald["ci_low"], 100, "ci_low")
        assertFloat(wald["ci_high"], 100, "ci_high")
        // Adjusted: n' = 6, p' = 3.75/6, d' = 0.75/6, centre 50, margin 196 · √(0.5/6); the top end clamps to 100.
        let adjusted = NPSTestSupport.row(try NPSTestSupport.run(NPSTestSupport.intScores([9, 10, 10]),
                                                                 NPSTestSupport.arguments(interval: "adjusted_wald")))
        assertFloat(adjusted["nps"], 100, "nps")
        assertFloat(adjusted["margin_of_error"], 56.58032638058332, "margin_of_error")
        assertFloat(adjusted["ci_low"], -6.5803263805833225, "ci_low")
        assertFloat(adjusted["ci_high"], 100, "ci_high")
    }

    func test_nps_clampsInterval() throws {
        // p = 2/3, d = 1/3: nps 33.33…, margin 196 · √((1 − 1/9)/3) = 106.69 → the top clamps to 100.
        let wald = NPSTestSupport.row(try NPSTestSupport.run(NPSTestSupport.intScores([10, 10, 0])))
        assertFloat(wald["nps"], 100.0 / 3, "nps")
        assertFloat(wald["margin_of_error"], 106.68888657455621, "margin_of_error")
        assertFloat(wald["ci_low"], -73.35555324122288, "ci_low")
        assertFloat(wald["ci_high"], 100, "ci_high")
        let adjusted = NPSTestSupport.row(try NPSTestSupport.run(NPSTestSupport.intScores([10, 10, 0]),
                                                                 NPSTestSupport.arguments(interval: "adjusted_wald")))
        assertFloat(adjusted["nps"], 100.0 / 3, "nps")
        assertFloat(adjusted["margin_of_error"], 68.00108931589368, "margin_of_error")
        assertFloat(adjusted["ci_low"], -51.334422649227015, "ci_low")
        assertFloat(adjusted["ci_high"], 84.66775598256035, "ci_high")
    }

    func test_nps_singleResponse() throws {
        let row = NPSTestSupport.row(try NPSTestSupport.run(NPSTestSupport.intScores([6])))
        XCTAssertEqual(row["detractors"], .int(1))
        assertFloat(row["nps"], -100, "nps")
        assertFloat(row["margin_of_error"], 0, "margin_of_error")
        assertFloat(row["ci_low"], -100, "ci_low")
        assertFloat(row["ci_high"], -100, "ci_high")
    }

    func test_nps_emptyInput_noRows() throws {
        let result = try NPSTestSupport.run(NPSTestSupport.intScores([]))
        XCTAssertEqual(result.rowCount, 0)
        XCTAssertEqual(result.fields, try NPSPlugin().outputFields(arguments: NPSTestSupport.arguments(),
                                                                    input: result.fields.isEmpty ? [] : NPSTestSupport.intScores([]).fields))
    }

    func test_nps_onlyNulls_zeroCountsNullScore() throws {
        let row = NPSTestSupport.row(try NPSTestSupport.run(NPSTestSupport.intScores([nil, nil])))
        XCTAssertEqual([row["responses"], row["promoters"], row["passives"], row["detractors"], row["skipped"]],
                       [.int(0), .int(0), .int(0), .int(0), .int(0)])
        for name in ["promoters_pct", "passives_pct", "detractors_pct", "nps", "margin_of_error", "ci_low", "ci_high"] {
            XCTAssertEqual(row[name], .null, name)
        }
    }

    func test_nps_outOfRange_namesRow() {
        XCTAssertThrowsError(try NPSTestSupport.run(NPSTestSupport.intScores([9, nil, 11, -1]))) { error in
            XCTAssertEqual(error as? PluginError, PluginError(
                "`score` must be an integer from 0 to 10; this row has 11", parameter: "score", row: 2,
                hints: ["use `invalid: skip` to leave such rows out and count them"]))
        }
    }

    func test_nps_nonIntegerFloat_namesRow() {
        XCTAssertThrowsError(try NPSTestSupport.run(NPSTestSupport.floatScores([9, 8.5]))) { error in
            XCTAssertEqual((error as? PluginError)?.message, "`score` must be an integer from 0 to 10; this row has 8.5")
            XCTAssertEqual((error as? PluginError)?.row, 1)
        }
    }

    func test_nps_wholeFloats_accepted() throws {
        let row = NPSTestSupport.row(try NPSTestSupport.run(NPSTestSupport.floatScores([9, 10, 7, 0])))
        XCTAssertEqual([row["promoters"], row["passives"], row["detractors"]], [.int(2), .int(1), .int(1)])
        assertFloat(row["nps"], 25, "nps")
    }

    func test_nps_skipInvalid_countsSkipped() throws {
        let row = NPSTestSupport.row(try NPSTestSupport.run(NPSTestSupport.intScores([9, 11, -1, 7, nil]),
                                                            NPSTestSupport.arguments(invalid: "skip")))
        XCTAssertEqual([row["responses"], row["promoters"], row["passives"], row["detractors"], row["skipped"]],
                       [.int(2), .int(1), .int(1), .int(0), .int(2)])
        assertFloat(row["nps"], 50, "nps")
        let floats = NPSTestSupport.row(try NPSTestSupport.run(NPSTestSupport.floatScores([9.5, 10, .nan]),
                                                               NPSTestSupport.arguments(invalid: "skip")))
        XCTAssertEqual([floats["responses"], floats["skipped"]], [.int(1), .int(2)])
    }

    func test_nps_stringColumn_isRejected() {
        let input = try! Table([("score", Column.string(["9"]))])
        XCTAssertThrowsError(try NPSTestSupport.run(input)) { error in
            XCTAssertEqual(error as? PluginError,
                           PluginError("the score column `score` is string, expected int or float", parameter: "score"))
        }
    }
}
