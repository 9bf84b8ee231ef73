// The README must document every parameter of the descriptor (name and default) and every output
// column, so the docs cannot drift from the code.
import FunnelPlugin
import TallyPluginAPI
import TallyTestSupport
import XCTest

final class FunnelReadmeTests: XCTestCase {
    func test_readme_listsEveryParameterWithItsDefault_andEveryOutputColumn() throws {
        let readme = try String(contentsOf: PythonPeer.repositoryRoot.appendingPathComponent("plugins/Funnel/README.md"),
                                encoding: .utf8)
        let lines = readme.split(separator: "\n").map(String.init)
        let descriptor = FunnelPlugin().descriptor
        XCTAssertEqual(descriptor.parameters.map(\.name), ["steps", "within", "mode", "per_user", "user", "time", "event"])
        for parameter in descriptor.parameters {
            let row = lines.first { $0.hasPrefix("| `\(parameter.name)` |") }
            XCTAssertNotNil(row, "README has no row for `\(parameter.name)`")
            let cells = row?.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            XCTAssertGreaterThan(cells.count, 3)
            guard cells.count > 3 else { continue }
            switch parameter.requirement {
            case .required: XCTAssertEqual(cells[2], "required", parameter.name)
            case .optional(let meaning): XCTAssertEqual(cells[2], meaning, parameter.name)
            case .defaultValue(_, let text): XCTAssertEqual(cells[2], "`\(text)`", parameter.name)
            }
        }
        for column in descriptor.outputColumns {
            XCTAssertTrue(lines.contains { $0.hasPrefix("| `\(column.name)` | \(column.type) |") }, column.name)
        }
        for example in descriptor.examples { XCTAssertTrue(readme.contains(example), example) }
    }

    func test_registration_addsFunnel() throws {
        var registry = PluginRegistry()
        try FunnelPlugins.register(into: &registry)
        XCTAssertEqual(registry.summaries.map(\.name), ["funnel"])
        XCTAssertEqual(registry.descriptor(named: "funnel")?.signature,
                       "funnel(steps:, within: = 7d, mode: = [], per_user: = false, [user:], [time:], [event:])")
    }
}
