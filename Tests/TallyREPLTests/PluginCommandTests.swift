// `.plugins`, `.help NAME` for plugins, and completion inside plugin calls.
//
// Test plan
//   plugins-1  `.plugins` lists natives then scripts with summary and origin
//   plugins-2  `.help steps`: signature, parameters table, definition, output columns, examples
//   plugins-3  `.help buyers` (a script): summary, file, and its text
//   plugins-4  completion: parameter names after `(` and `,`; choices, periods, flags after `name:`
//   plugins-5  a plugin stage runs from the shell in every output mode
import TallyPluginAPI
import TallyQuery
import TallyREPL
import XCTest

final class PluginCommandTests: XCTestCase {
    private func words(_ result: CompletionResult) -> [String] {
        if case .words(let words) = result { return words }
        XCTFail("expected words, got \(result)")
        return []
    }

    func test_plugins1_listing() throws {
        let harness = try ShellHarness(mode: .csv, registry: try SamplePlugins.registry())
        XCTAssertTrue(harness.shell.runDotCommand(".plugins"))
        XCTAssertEqual(harness.output.text, """
            name,summary,origin
            steps,Counts rows matching each step,built-in
            buyers,Users who purchased,plugins/buyers.tally

            """)
        let empty = try ShellHarness()
        XCTAssertTrue(empty.shell.runDotCommand(".plugins"))
        XCTAssertEqual(empty.output.text, "(no plugins)\n")
    }

    func test_plugins2_helpOfANativePlugin() throws {
        let harness = try ShellHarness(registry: try SamplePlugins.registry())
        XCTAssertTrue(harness.shell.runDotCommand(".help steps"))
        XCTAssertEqual(harness.output.text, """
            steps(steps:, within: = 7d, period: = week, mode: = [], [user:])

            Counts rows matching each step.

            Parameters:
              steps:   list of event name or predicate  required  Events in order.
              within:  duration                         = 7d      Window.
              period:  day|week|month                   = week    Bucket.
              mode:    flags                            = []      Options. Any of: strict_order, strict_once, strict_increase.
              user:    column                           -         Column identifying the user. If absent: found by name: user_id, user, distinct_id, uid, customer_id.

            Definition:
              For each step, the rows where it holds.
              Nulls count as not holding.

            Output columns:
              step  string  The step's label.
              rows  int     Rows matching.

            Examples:
              events | steps(steps: ["signup", "purchase"])

            A trailing `by col, …` computes it per group; arguments are named (`name: value`), only the first may be unnamed.

            """)
    }

    func test_plugins3_helpOfAScriptPlugin() throws {
        let harness = try ShellHarness(registry: try SamplePlugins.registry())
        XCTAssertTrue(harness.shell.runDotCommand(".help buyers"))
        XCTAssertEqual(harness.output.text, """
            buyers

            Users who purchased.
            Script plugin from plugins/buyers.tally

            Definition:
              # Users who purchased
              def buyers = where event == "purchase" | distinct user_id

            """)
        XCTAssertFalse(harness.shell.runDotCommand(".help nothing"))
        XCTAssertTrue(harness.errors.text.contains("no command or plugin called nothing"), harness.errors.text)
    }

    func test_plugins4_completionInsideACall() throws {
        let harness = try ShellHarness(registry: try SamplePlugins.registry())
        let completer = Completer(shell: harness.shell)
        XCTAssertEqual(words(completer.complete(beforeWord: "events | steps(", word: "")),
                       ["mode:", "period:", "steps:", "user:", "within:"])
        XCTAssertEqual(words(completer.complete(beforeWord: "events | steps(", word: "st")), ["steps:"])
        XCTAssertEqual(words(completer.complete(beforeWord: #"events | steps(steps: ["a", "b"], "#, word: "")),
                       ["mode:", "period:", "user:", "within:"])
        XCTAssertEqual(words(completer.complete(beforeWord: #"events | steps(steps: ["a"], period: "#, word: "w")), ["week"])
        XCTAssertEqual(words(completer.complete(beforeWord: "events | steps(mode: [strict_order, ", word: "")),
                       ["strict_increase", "strict_once", "strict_order"])
        XCTAssertEqual(words(completer.complete(beforeWord: "events | steps(user: ", word: "u")), ["user_id"])
        XCTAssertEqual(words(completer.complete(beforeWord: #"events | steps(steps: [""#, word: "p")), ["page view", "purchase"])
        XCTAssertEqual(words(completer.complete(beforeWord: #"events | steps(steps: ["signup", ""#, word: "")),
                       ["page view", "purchase", "signup"])
        XCTAssertEqual(words(completer.complete(beforeWord: "events | where ", word: "u")).first, "user_id")
        XCTAssertTrue(words(completer.complete(beforeWord: "events | ", word: "st")).contains("steps"))
        XCTAssertEqual(words(completer.complete(beforeWord: ".help ", word: "bu")), ["buyers"])
    }

    func test_plugins5_runsInEveryMode() throws {
        let expected: [OutputMode: String] = [
            .csv: "step,rows\nsignup,1\npurchase,2\n",
            .json: "[\n{\"step\":\"signup\",\"rows\":1},\n{\"step\":\"purchase\",\"rows\":2}\n]\n",
            .markdown: "| step | rows |\n| --- | ---: |\n| signup | 1 |\n| purchase | 2 |\n",
        ]
        for (mode, text) in expected {
            let harness = try ShellHarness(mode: mode, registry: try SamplePlugins.registry())
            XCTAssertTrue(harness.shell.execute(SourceText(origin: "<test>", text: #"events | steps(steps: ["signup", "purchase"])"#),
                                                stopOnError: true), harness.errors.text)
            XCTAssertEqual(harness.output.text, text, "\(mode)")
        }
    }
}
