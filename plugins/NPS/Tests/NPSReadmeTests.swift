// The README documents exactly the descriptor's parameters and output columns, so the docs cannot drift.
import Foundation
import NPSPlugin
import TallyPluginAPI
import TallyTestSupport
import XCTest

final class NPSReadmeTests: XCTestCase {
    private func readmeRows() throws -> [[String]] { try PluginReadme.tableRows(folder: "NPS") }

    func test_readme_listsEveryParameterWithTypeAndDefault() throws {
        let rows = try readmeRows()
        let parameters = NPSPlugin().descriptor.parameters
        XCTAssertEqual(parameters.map(\.name), ["score", "invalid", "interval"])
        for spec in parameters {
            let row = rows.first { $0.first == "`\(spec.name)`" }
            XCTAssertEqual(row.map { Array($0.prefix(3)) }, PluginReadme.parameterCells(spec), spec.name)
        }
    }

    func test_readme_listsEveryOutputColumn() throws {
        let rows = try readmeRows()
        let columns = NPSPlugin().descriptor.outputColumns
        XCTAssertEqual(columns.map(\.name), try NPSPlugin().outputFields(
            arguments: BoundArguments(["score": .column("s")]), input: [.init(name: "s", type: .int)]).map(\.name))
        for column in columns {
            XCTAssertEqual(rows.first { $0.first == "`\(column.name)`" }?[1], column.type.description, column.name)
        }
    }
}
