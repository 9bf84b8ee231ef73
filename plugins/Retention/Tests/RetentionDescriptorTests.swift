// The README and `.help` come from one descriptor: this test keeps them from drifting apart.
import Foundation
import RetentionPlugin
import TallyPluginAPI
import TallyStore
import XCTest

final class RetentionDescriptorTests: XCTestCase {
    private func readme() throws -> String {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
    }

    /// The README text from heading `## title` up to the next `## ` heading.
    private func section(_ title: String, of text: String) throws -> String {
        let parts = text.components(separatedBy: "\n## ")
        return try XCTUnwrap(parts.first { $0.hasPrefix(title + "\n") }, "README has no section \(title)")
    }

    /// Cells of the README table row whose first cell is `` `name` `` (`\|` unescaped).
    private func tableRow(_ name: String, in text: String) -> [String]? {
        for line in text.split(separator: "\n") where line.hasPrefix("| `\(name)` |") {
            let cells = line.replacingOccurrences(of: "\\|", with: "\u{1}").split(separator: "|")
            return cells.map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{1}", with: "|") }
        }
        return nil
    }

    func test_readme_listsEveryParameterWithTypeAndDefault() throws {
        let text = try readme()
        let parameterTable = try section("Parameters", of: text)
        let descriptor = RetentionPlugin().descriptor
        XCTAssertEqual(descriptor.parameters.map(\.name),
                       ["start", "return", "period", "horizon", "mode", "cohort", "user", "time", "event"])
        for spec in descriptor.parameters {
            let cells = try XCTUnwrap(tableRow(spec.name, in: parameterTable), "README has no row for `\(spec.name)`")
            XCTAssertEqual(cells[1], spec.type.description, spec.name)
            switch spec.requirement {
            case .required: XCTAssertEqual(cells[2], "required", spec.name)
            case .optional(let meaning): XCTAssertEqual(cells[2], meaning, spec.name)
            case .defaultValue(_, let text): XCTAssertEqual(cells[2], text, spec.name)
            }
        }
        XCTAssertTrue(text.contains(descriptor.signature), "README shows the signature \(descriptor.signature)")
        XCTAssertTrue(text.contains(descriptor.summary + "."))
    }

    func test_readme_listsEveryOutputColumn() throws {
        let text = try readme()
        let descriptor = RetentionPlugin().descriptor
        XCTAssertEqual(descriptor.outputColumns.map { Field(name: $0.name, type: $0.type) }, Retention.outputFields)
        for column in descriptor.outputColumns {
            let cells = try XCTUnwrap(tableRow(column.name, in: try section("Output columns", of: text)), "README has no row for column `\(column.name)`")
            XCTAssertEqual(cells[1], column.type.description, column.name)
            XCTAssertEqual(cells[2], column.doc, column.name)
        }
        for example in descriptor.examples {
            XCTAssertTrue(text.contains(example), "README shows the example \(example)")
        }
    }

    func test_defaults_matchOptions() throws {
        let parameters = RetentionPlugin().descriptor.parameters
        var values: [String: ArgumentValue] = [:]
        for spec in parameters {
            if case .defaultValue(let value, _) = spec.requirement { values[spec.name] = value }
        }
        XCTAssertEqual(RetentionOptions(arguments: BoundArguments(values)),
                       RetentionOptions(period: .week, horizon: 8, mode: .exact, cohortKind: .first))
        XCTAssertEqual(RetentionOptions(arguments: BoundArguments()), RetentionOptions())
    }

    func test_registers() throws {
        var registry = PluginRegistry()
        try RetentionPlugins.register(into: &registry)
        XCTAssertEqual(registry.stageNames, ["retention"])
        XCTAssertThrowsError(try RetentionPlugins.register(into: &registry)) { error in
            XCTAssertEqual("\(error)", "a plugin named `retention` is already registered (built-in)")
        }
    }
}
