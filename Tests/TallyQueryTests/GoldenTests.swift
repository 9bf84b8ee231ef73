// Runs every Tests/Golden/**/*.test file through a fresh Session and compares the output.
import XCTest
import Foundation
import TallyStore
import TallyPluginAPI
import TallyBuiltins
@testable import TallyQuery

final class GoldenTests: XCTestCase {
    static var goldenDirectory: URL { repositoryRoot.appendingPathComponent("Tests/Golden") }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Tests/Golden/**: the engine's own goldens, with the test plugins (`probe`, `rowcount`, `boom`).
    func test_goldenFiles() throws {
        let files = try goldenFiles(under: Self.goldenDirectory)
        XCTAssertFalse(files.isEmpty, "no golden files under \(Self.goldenDirectory.path)")
        try run(files, registry: TestPlugins.registry())
    }

    /// plugins/*/golden/*.test: each built-in plugin's goldens, with the built-in registry.
    func test_pluginGoldenFiles() throws {
        let plugins = Self.repositoryRoot.appendingPathComponent("plugins")
        let folders = try FileManager.default.contentsOfDirectory(atPath: plugins.path).sorted()
        var files: [URL] = []
        for folder in folders {
            let golden = plugins.appendingPathComponent(folder).appendingPathComponent("golden")
            if FileManager.default.fileExists(atPath: golden.path) { files += try goldenFiles(under: golden) }
        }
        try run(files, registry: try BuiltinPlugins.registry())
    }

    /// A file may start with `# plugins: path …` (repository-relative `.tally` files): those
    /// script plugins are registered for its session.
    private func run(_ files: [URL], registry: PluginRegistry) throws {
        let update = ProcessInfo.processInfo.environment["TALLY_GOLDEN_UPDATE"] == "1"
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            var golden = try GoldenFile(text: text)
            var fileRegistry = registry
            for line in text.components(separatedBy: "\n") where line.hasPrefix("# plugins:") {
                for path in line.dropFirst("# plugins:".count).split(separator: " ") {
                    let url = Self.repositoryRoot.appendingPathComponent(String(path))
                    let source = try String(contentsOf: url, encoding: .utf8)
                    for plugin in try ScriptPluginFiles.scriptPlugins(in: source, path: String(path)) { try fileRegistry.register(plugin) }
                }
            }
            let session = Session(registry: fileRegistry)
            XCTAssertEqual(session.scriptDiagnostics.map { DiagnosticRenderer.render($0) }, [], file.path)
            let name = file.path.replacingOccurrences(of: Self.repositoryRoot.path + "/", with: "")
            for (index, chunk) in golden.chunks.enumerated() {
                guard case .record(var record) = chunk else { continue }
                let actual = GoldenRunner.run(record, in: session)
                if actual != record.expected {
                    if update {
                        record.expected = actual
                        golden.chunks[index] = .record(record)
                    } else {
                        XCTFail("""
                            \(name):\(record.line): \(record.kind) \(record.program.joined(separator: "\\n"))
                            --- expected
                            \(record.expected.joined(separator: "\n"))
                            --- actual
                            \(actual.joined(separator: "\n"))
                            """)
                    }
                }
            }
            if update, golden.text != text { try golden.text.write(to: file, atomically: true, encoding: .utf8) }
        }
    }

    private func goldenFiles(under directory: URL) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL { if url.pathExtension == "test" { files.append(url) } }
        return files.sorted { $0.path < $1.path }
    }
}

/// Runs one golden record and renders what it produced, in the golden file's format.
enum GoldenRunner {
    static func run(_ record: GoldenFile.GoldenRecord, in session: Session) -> [String] {
        if record.kind == "input" {
            return [session.isComplete(record.program.joined(separator: "\n")) == .complete ? "complete" : "needs more"]
        }
        let source = SourceText(origin: "<repl>", text: record.program.joined(separator: "\n"))
        var lastTable: Table?
        var lastChart: ChartSpec?
        var failure: Diagnostic?
        session.run(source, stopOnError: true) { event in
            switch event {
            case .result(let result):
                if case .table(let table) = result.output { lastTable = table; lastChart = result.chart }
            case .failure(let diagnostic):
                failure = diagnostic
            }
        }
        if let failure {
            let rendered = DiagnosticRenderer.render(failure).components(separatedBy: "\n")
            return record.kind == "error" ? rendered : ["unexpected error:"] + rendered
        }
        switch record.kind {
        case "statement": return ["ok"]
        case "query":
            guard let table = lastTable else { return ["(no table)"] }
            // A `| chart …` request is part of the result: shown after the rows.
            let chart = lastChart.map { ["chart " + $0.summary] } ?? []
            return format(table, zone: session.settings.zone, sorted: record.isSorted) + chart
        default: return ["(no error)"]
        }
    }

    static func format(_ table: Table, zone: ZoneCalendar, sorted: Bool) -> [String] {
        let formatter = ValueFormatter(zone: zone)
        // An empty string is written `(empty)`, so that no row line is blank (a blank line ends a record).
        var rows = (0..<table.rowCount).map { row in
            table.row(row).map { $0 == .string("") ? "(empty)" : formatter.format($0) }.joined(separator: "\t")
        }
        if sorted { rows.sort() }
        return [table.names.joined(separator: "\t")] + rows
    }
}
