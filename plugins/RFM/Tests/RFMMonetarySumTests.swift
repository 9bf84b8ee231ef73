// Equal spend, equal monetary value and score, whatever the order the amounts were added in.
import RFMPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class RFMMonetarySumTests: XCTestCase {
    /// The benchmark's reproduction: a, b and c all spent 31.98; a plain running sum gives a
    /// 31.980000000000004, just above the m cut point 31.98, and a higher m_score than b and c.
    func test_rfm_equalSpend_equalMonetaryAndScore() throws {
        let day = RFMTestData.micros(2024, 3, 1)
        let input = RFMTestData.table([
            ("a", day, 23.00), ("a", day, 3.99), ("a", day, 4.99),
            ("b", day, 12.99), ("b", day, 2.99), ("b", day, 16.00),
            ("c", day, 31.98), ("d", day, 1.00), ("e", day, 100.00),
        ])
        let rows = RFMTestData.rows(try RFMTestData.run(input, RFMTestData.arguments()))
        let monetary = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[3]) })
        let mScore = Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[6]) })
        XCTAssertEqual([monetary["a"], monetary["b"], monetary["c"]], ["31.98", "31.98", "31.98"])
        XCTAssertEqual(mScore["a"], mScore["b"])
        XCTAssertEqual(mScore["a"], mScore["c"])
        // Cut points for n = 5 are sorted[1…4] = 31.98, 31.98, 31.98, 100: e exceeds three.
        XCTAssertEqual([mScore["a"], mScore["d"], mScore["e"]], ["1", "1", "4"])
    }
}
