// Script plugins: found in folders, summaries from comments, duplicates and broken files reported.
import XCTest
import Foundation
import TallyStore
import TallyPluginAPI
@testable import TallyQuery

final class ScriptPluginTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-script-plugins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("a"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try FileManager.default.removeItem(at: folder) }

    private func write(_ text: String, to name: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    func test_summaries_fromLeadingCommentOrTheCommentAboveTheDef() throws {
        let source = """
            # Purchase metrics
            # written in the query language
            #
            # More text that is not the summary.

            def buyers = where event == "purchase" | distinct user_id

            // Revenue per user
            def revenue = summarize revenue = sum(amount) by user_id
            """
        let plugins = try ScriptPluginFiles.scriptPlugins(in: source, path: "p.tally")
        XCTAssertEqual(plugins.map(\.name), ["buyers", "revenue"])
        XCTAssertEqual(plugins.map(\.summary), ["Purchase metrics written in the query language", "Revenue per user"])
        XCTAssertEqual(plugins.map(\.path), ["p.tally", "p.tally"])
    }

    func test_register_warnsAboutDuplicatesAndBrokenFiles_andKeepsTheFirst() throws {
        try write("# First\ndef alpha = count\n", to: "a/one.tally")
        try write("# Second\ndef alpha = count\ndef beta = count\n", to: "b/two.tally")
        try write("def broken = where\n", to: "b/three.tally")
        try write("# nothing\n", to: "b/zero.tally")
        try write("def ignored = count\n", to: "b/notes.txt")
        var registry = PluginRegistry()
        let a = folder.appendingPathComponent("a").path, b = folder.appendingPathComponent("b").path
        let warnings = ScriptPluginFiles.register(from: [a, b, folder.appendingPathComponent("missing").path], into: &registry)
        XCTAssertEqual(registry.scripts.map(\.name), ["alpha", "beta"])
        XCTAssertEqual(registry.script(named: "alpha")?.path, a + "/one.tally")
        XCTAssertEqual(warnings.map(\.description), [
            "warning: \(b)/three.tally: skipped, it does not parse:\n"
                + "error: expected an expression, found end of line\n --> \(b)/three.tally:1:19\n  |\n1 | def broken = where\n  |                   ^",
            "warning: \(b)/two.tally: plugin `alpha` skipped: a plugin named `alpha` is already registered (\(a)/one.tally)",
            "warning: \(b)/zero.tally: defines no plugin (no `def` statement)",
        ])
    }

    func test_session_runsScripts_andSkipsOneWithAnError() throws {
        var registry = PluginRegistry()
        try registry.register(ScriptPlugin(name: "good", summary: "", source: "def good = count\n", path: "good.tally"))
        try registry.register(ScriptPlugin(name: "bad", summary: "", source: "def bad = count\nlet x = nowhere | count\n",
                                           path: "bad.tally"))
        let session = Session(registry: registry)
        XCTAssertEqual(session.definitions.keys.sorted(), ["good"])
        var failure: Diagnostic?
        session.run(SourceText(origin: "<repl>", text: "values (a: int) [(1)] | bad")) { if case .failure(let d) = $0 { failure = d } }
        XCTAssertEqual(failure.map { DiagnosticRenderer.render($0) }, """
            error: script plugin `bad` did not load: bad.tally failed when the session started
             --> <repl>:1:25
              |
            1 | values (a: int) [(1)] | bad
              |                         ^^^
            hint: its error was printed as a warning at start
            """)
        XCTAssertEqual(session.scriptDiagnostics.map { DiagnosticRenderer.render($0) }, ["""
            error: unknown table `nowhere`
             --> bad.tally:2:9
              |
            2 | let x = nowhere | count
              |         ^^^^^^^
            hint: no tables yet: `load "file.csv" as nowhere` creates one
            """])
    }

    func test_defaultDirectories_followXDG() {
        XCTAssertEqual(ScriptPluginFiles.defaultDirectories(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"], currentDirectory: "/w"),
                       ["/w/plugins", "/x/tally/plugins"])
        XCTAssertEqual(ScriptPluginFiles.defaultDirectories(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"], currentDirectory: "/w"),
                       ["/w/plugins", "/h/.config/tally/plugins"])
    }

    /// The shipped example parses and registers under its name with its summary.
    func test_shippedScriptPlugin() throws {
        let root = GoldenTests.repositoryRoot.appendingPathComponent("plugins").path
        var registry = PluginRegistry()
        XCTAssertEqual(ScriptPluginFiles.register(from: [root], into: &registry), [])
        XCTAssertEqual(registry.scripts.map(\.name), ["power_users"])
        XCTAssertEqual(registry.scripts.first?.summary, "Users active on at least `min_days` distinct days of a week, per calendar week")
    }
}
