// The README documents exactly what the descriptor and the segment table say, so the docs cannot drift.
import Foundation
import RFMPlugin
import TallyPluginAPI
import TallyStore
import TallyTestSupport
import XCTest

final class RFMReadmeTests: XCTestCase {
    private func readmeRows() throws -> [[String]] { try PluginReadme.tableRows(folder: "RFM") }

    func test_readme_listsEveryParameterWithTypeAndDefault() throws {
        let rows = try readmeRows()
        for spec in RFMPlugin().descriptor.parameters {
            let row = rows.first { $0.first == "`\(spec.name)`" }
            XCTAssertEqual(row.map { Array($0.prefix(3)) }, PluginReadme.parameterCells(spec), spec.name)
        }
    }

    func test_readme_listsEveryOutputColumn() throws {
        let rows = try readmeRows()
        let fields = [Field(name: "user_id", type: .string), Field(name: "ts", type: .timestamp),
                      Field(name: "amount", type: .float)]
        XCTAssertEqual(RFMPlugin().descriptor.outputColumns.map(\.name), try RFMPlugin().outputFields(
            arguments: BoundArguments(["amount": .column("amount")]), input: fields).map(\.name))
        for column in RFMPlugin().descriptor.outputColumns {
            XCTAssertEqual(rows.first { $0.first == "`\(column.name)`" }?[1], column.type.description, column.name)
        }
    }

    func test_readme_segmentTableIsTheCodeTable() throws {
        let rows = try readmeRows()
        for (index, rule) in RFMSegments.rules.enumerated() {
            let recency = rule.recency.count == 1 ? "\(rule.recency.lowerBound)"
                : "\(rule.recency.lowerBound)–\(rule.recency.upperBound)"
            let row = rows.first { $0.first == "\(index + 1)" }
            XCTAssertEqual(row, ["\(index + 1)", rule.name, recency, "\(rule.minimumFrequencyPlusMonetary / 2)"])
        }
        for group in RFMSegments.valueGroups {
            XCTAssertNotNil(rows.first { $0.count > 1 && $0[0] == group.english && $0[1] == group.chinese }, group.english)
        }
    }

    func test_segmentRules_handPicked() {
        // (r, f, m, bins) → segment.
        let cases: [(Int, Int, Int, Int, String)] = [
            (5, 5, 5, 5, "champions"), (4, 4, 4, 5, "champions"), (4, 3, 4, 5, "loyal"), (3, 5, 5, 5, "loyal"),
            (5, 2, 2, 5, "potential loyalist"), (5, 1, 2, 5, "new"), (4, 1, 1, 5, "promising"),
            (3, 2, 2, 5, "need attention"), (3, 1, 2, 5, "about to sleep"), (1, 4, 4, 5, "can't lose"),
            (1, 3, 3, 5, "at risk"), (2, 5, 5, 5, "at risk"), (2, 2, 3, 5, "hibernating"), (1, 2, 3, 5, "lost"),
            (1, 1, 1, 5, "lost"),
            // bins 10: ⌈5·s/10⌉, so 10 → 5, 7 → 4, 6 → 3, 2 → 1.
            (10, 7, 7, 10, "champions"), (6, 6, 6, 10, "loyal"), (2, 10, 10, 10, "can't lose"),
            // bins 3: 1 → 2, 2 → 4, 3 → 5.
            (3, 1, 1, 3, "potential loyalist"), (2, 2, 2, 3, "champions"), (1, 3, 3, 3, "at risk"),
        ]
        for (r, f, m, bins, name) in cases {
            XCTAssertEqual(RFMSegments.rules[RFMSegments.namedSegment(r: r, f: f, m: m, bins: bins)].name, name,
                           "r\(r) f\(f) m\(m) bins \(bins)")
        }
    }
}
