// The README documents exactly the descriptor's parameters and output columns, so the docs cannot drift.
import Foundation
import NPSPlugin
import TallyPluginAPI
import TallyTestSupport
import XCTest

final class NPSReadmeTests: XCTestCase {
    private func readmeRows() throws -> [[String]] {
        let url = PythonPeer.repositoryRoot.appendingPathComponent("plugins/NPS/README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        // Cells split at unescaped pipes; `\|` inside a cell (as in `error\|skip`) is a literal pipe.
        return text.split(separator: "\n").filter { $0.hasPrefix("|") }.map { line in
            line.replacingOccurrences(of: "\\|", with: "\u{0}")
                .split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{0}", with: "|") }
        }
    }

    func test_readme_listsEveryParameterWithTypeAndDefault() throws {
        let rows = try readmeRows()
        let parameters = NPSPlugin().descriptor.parameters
        XCTAssertEqual(parameters.map(\.name), ["score", "invalid", "interval"])
        for spec in parameters {
            let expectedDefault: String
            switch spec.requirement {
            case .required: expectedDefault = "required"
            case .optional(let meaning): expectedDefault = "(absent: \(meaning))"
            case .defaultValue(_, let text): expectedDefault = "`\(text)`"
            }
            let row = rows.first { $0.first == "`\(spec.name)`" }
            XCTAssertEqual(row.map { Array($0.prefix(3)) }, ["`\(spec.name)`", "`\(spec.type)`", expectedDefault], spec.name)
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
