// What Tab offers in each context, checked without a terminal.
//
// Test plan
//   complete-1  a `.` at line start: dot-command names; after `.schema `: tables; after `.mode `: modes
//   complete-2  statement start: tables and statement keywords; after `;` likewise
//   complete-3  after `|`: stage names (none in the facade session, so an exact empty list)
//   complete-4  inside a stage: the source table's columns first, then keywords
//   complete-5  inside a string after `event ==` or `event in (`: the column's values
//   complete-6  after `load "`: file names; earlier lines of a multi-line statement give context
import TallyQuery
import TallyREPL
import XCTest

final class CompleterTests: XCTestCase {
    private func words(_ result: CompletionResult) -> [String] {
        if case .words(let words) = result { return words }
        XCTFail("expected words, got \(result)")
        return []
    }

    func test_complete1_dotCommands() throws {
        let harness = try ShellHarness()
        let completer = Completer(shell: harness.shell)
        XCTAssertEqual(words(completer.complete(beforeWord: "", word: ".s")), [".save", ".schema"])
        XCTAssertEqual(words(completer.complete(beforeWord: "", word: ".")),
                       [".cells", ".drop", ".exit", ".help", ".load", ".mode", ".open", ".plugins", ".quit", ".save", ".schema",
                        ".tables", ".timer"])
        XCTAssertEqual(words(completer.complete(beforeWord: ".schema ", word: "e")), ["events"])
        XCTAssertEqual(words(completer.complete(beforeWord: ".mode ", word: "")), ["csv", "json", "markdown", "table"])
        XCTAssertEqual(words(completer.complete(beforeWord: ".timer ", word: "o")), ["off", "on"])
        XCTAssertEqual(completer.complete(beforeWord: ".load ", word: "da"), .fileNames)
    }

    func test_complete2_statementStart() throws {
        let completer = Completer(shell: try ShellHarness().shell)
        XCTAssertEqual(words(completer.complete(beforeWord: "", word: "")),
                       ["countries", "def", "events", "let", "load", "set"])
        XCTAssertEqual(words(completer.complete(beforeWord: "events | count; ", word: "ev")), ["events"])
        XCTAssertEqual(words(completer.complete(beforeWord: "let buyers = ", word: "c")), ["countries"])
        XCTAssertEqual(words(completer.complete(beforeWord: "set ", word: "")), ["timezone", "week_start"])
    }

    func test_complete3_afterPipeOffersStages() throws {
        let harness = try ShellHarness()
        let completer = Completer(shell: harness.shell)
        XCTAssertEqual(words(completer.complete(beforeWord: "events | ", word: "")),
                       harness.shell.session.stageNames.sorted())
        XCTAssertEqual(words(completer.complete(beforeWord: "events | where x > 1 |", word: "zzz")), [])
    }

    func test_complete4_columnsOfTheSourceTable() throws {
        let harness = try ShellHarness()
        let completer = Completer(shell: harness.shell)
        let functions = harness.shell.session.functionNames.filter { $0.hasPrefix("u") }
        XCTAssertEqual(words(completer.complete(beforeWord: "events | where ", word: "u")), ["user_id"] + functions.sorted())
        XCTAssertEqual(words(completer.complete(beforeWord: "let x = events | summarize n = count() by ", word: "ev")),
                       ["event"])
        let coFunctions = harness.shell.session.functionNames.filter { $0.hasPrefix("co") }.sorted()
        XCTAssertEqual(words(completer.complete(beforeWord: "countries | where ", word: "co")), ["country"] + coFunctions)
    }

    func test_complete5_valuesInsideStrings() throws {
        let completer = Completer(shell: try ShellHarness().shell)
        XCTAssertEqual(words(completer.complete(beforeWord: "events | where event == \"", word: "p")),
                       ["page view", "purchase"])
        XCTAssertEqual(words(completer.complete(beforeWord: "events | where event != \"", word: "")),
                       ["page view", "purchase", "signup"])
        XCTAssertEqual(words(completer.complete(beforeWord: "events | where event in (\"signup\", \"", word: "pu")),
                       ["purchase"])
        XCTAssertEqual(words(completer.complete(beforeWord: "countries | where country == \"", word: "")), ["CN", "SG"])
        // Not a comparison with a string column of the source table: nothing to offer.
        XCTAssertEqual(words(completer.complete(beforeWord: "events | where nosuch == \"", word: "")), [])
        XCTAssertEqual(words(completer.complete(beforeWord: "events | extend s = \"", word: "")), [])
    }

    func test_complete6_fileNamesAndMultiLineContext() throws {
        let harness = try ShellHarness()
        XCTAssertEqual(Completer(shell: harness.shell).complete(beforeWord: "load \"", word: "da"), .fileNames)
        let multiLine = Completer(shell: harness.shell) { "events\n  | where amount > 1 |" }
        XCTAssertEqual(words(multiLine.complete(beforeWord: "  where ", word: "am")), ["amount"])
        XCTAssertEqual(words(multiLine.complete(beforeWord: "  where event == \"", word: "s")), ["signup"])
    }
}
