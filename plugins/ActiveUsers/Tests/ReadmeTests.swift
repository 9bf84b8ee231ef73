// The README documents exactly what the descriptors declare, so the docs cannot drift.
import ActiveUsersPlugin
import Foundation
import TallyPluginAPI
import TallyTestSupport
import XCTest

final class ReadmeTests: XCTestCase {
    func readme() throws -> String {
        try String(contentsOf: PythonPeer.repositoryRoot.appendingPathComponent("plugins/ActiveUsers/README.md"), encoding: .utf8)
    }

    /// The README section of a plugin: from its `## \`name\`` heading to the next `## `.
    func section(_ name: String, in text: String) throws -> String {
        let parts = text.components(separatedBy: "\n## ")
        return try XCTUnwrap(parts.first { $0.hasPrefix("`\(name)`\n") }, "README has no section for `\(name)`")
    }

    func test_everyParameterIsDocumentedWithTypeAndDefault() throws {
        let text = try readme()
        for plugin in ActiveUsersPlugins.all {
            let descriptor = plugin.descriptor
            let body = try section(descriptor.name, in: text)
            let tableRows = body.split(separator: "\n").filter { $0.hasPrefix("| `") }
            for parameter in descriptor.parameters {
                let row = try XCTUnwrap(tableRows.first { $0.hasPrefix("| `\(parameter.name)` |") },
                                        "\(descriptor.name): README lists no parameter `\(parameter.name)`")
                // `\|` is a literal bar inside a cell (`day\|week\|month`).
                let cells = row.replacingOccurrences(of: "\\|", with: "\u{1}").split(separator: "|")
                    .map { $0.replacingOccurrences(of: "\u{1}", with: "|").trimmingCharacters(in: .whitespaces) }
                let defaultText: String
                switch parameter.requirement {
                case .required: defaultText = "required"
                case .optional(let meaning): defaultText = meaning
                case .defaultValue(_, let text): defaultText = text
                }
                XCTAssertEqual(cells[1], parameter.type.description,
                               "\(descriptor.name).\(parameter.name): type")
                XCTAssertEqual(cells[2], defaultText, "\(descriptor.name).\(parameter.name): default")
                XCTAssertEqual(cells[3], parameter.doc, "\(descriptor.name).\(parameter.name): description")
            }
            let documented = tableRows.compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
            for column in descriptor.outputColumns {
                XCTAssertTrue(documented.contains(column.name), "\(descriptor.name): README lists no output `\(column.name)`")
            }
            for example in descriptor.examples {
                XCTAssertTrue(body.contains(example), "\(descriptor.name): README lacks the example `\(example)`")
            }
        }
    }

    func test_registration_namesAndSignatures() throws {
        var registry = PluginRegistry()
        try ActiveUsersPlugins.register(into: &registry)
        XCTAssertEqual(registry.stageNames, ["dau", "wau", "mau", "active", "stickiness"])
        XCTAssertEqual(registry.descriptor(named: "active")?.signature, "active(period:, [user:], [time:])")
        XCTAssertEqual(registry.descriptor(named: "stickiness")?.signature, "stickiness([days_of:], [user:], [time:])")
        XCTAssertThrowsError(try ActiveUsersPlugins.register(into: &registry)) {
            XCTAssertEqual(($0 as? PluginRegistry.RegistrationError)?.description,
                           "a plugin named `dau` is already registered (built-in)")
        }
    }
}
