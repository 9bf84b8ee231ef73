// The `tally` executable from outside: help, exit statuses, diagnostics on stderr, batch stdin.
//
// Test plan
//   cli-1  --help of the root and of each subcommand: status 0, usage on stdout
//   cli-2  an unknown option: status 2, the complaint on stderr
//   cli-3  -c with a failing query: status 1, exactly the rendered diagnostic on stderr
//   cli-4  stdin batch: dot-command errors with `<stdin>:line:` and a caret; reading goes on
//   cli-5  stdin batch with --bail: stops at the first error
//   cli-6  a --data file that cannot be loaded: status 65
//   cli-7  a bad --data table name: status 2
import TallyQuery
import XCTest

final class CommandLineTests: XCTestCase {
    func test_cli1_helpEverywhereExitsZero() throws {
        for (arguments, usage) in [(["--help"], "USAGE: tally "), (["run", "--help"], "USAGE: tally run "),
                                   (["gen", "--help"], "USAGE: tally gen "), (["help", "run"], "USAGE: tally run ")] {
            let outcome = try TallyBinary.run(arguments)
            XCTAssertEqual(outcome.status, 0, "\(arguments)")
            XCTAssertTrue(outcome.standardOutput.hasPrefix("OVERVIEW: "), outcome.standardOutput)
            XCTAssertTrue(outcome.standardOutput.contains(usage), outcome.standardOutput)
            XCTAssertEqual(outcome.standardError, "")
        }
    }

    func test_cli2_unknownOptionExitsTwo() throws {
        let outcome = try TallyBinary.run(["--bogus"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.standardError.hasPrefix("Error: Unknown option '--bogus'\n"), outcome.standardError)
        XCTAssertEqual(outcome.standardOutput, "")
    }

    func test_cli3_queryErrorExitsOneWithRenderedDiagnostic() throws {
        let query = "nosuchtable | count"
        // What the engine itself says about this query, rendered without colour.
        let session = Session()
        var expected = ""
        session.run(SourceText(origin: "<command line>", text: query), stopOnError: true) { event in
            if case .failure(let diagnostic) = event { expected += DiagnosticRenderer.render(diagnostic) + "\n" }
        }
        XCTAssertTrue(expected.hasPrefix("error: "), expected)

        let outcome = try TallyBinary.run(["--no-demo", "-c", query])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.standardError, expected)
        XCTAssertEqual(outcome.standardOutput, "")
    }

    func test_cli4_stdinReportsErrorsWithTheirLineAndGoesOn() throws {
        let outcome = try TallyBinary.run(["--no-demo"], input: ".timer\n\n.mode fancy\n.timer on\n.timer\n")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.standardOutput, "timer: off\ntimer: on\n")
        XCTAssertEqual(outcome.standardError, """
            <stdin>:3: .mode fancy
                             ^--- unknown mode; choose table|csv|json|markdown
            Use ".help .mode" for more.

            """)
    }

    func test_cli5_bailStopsAtFirstError() throws {
        let outcome = try TallyBinary.run(["--no-demo", "--bail"], input: ".timer\n.mode fancy\n.timer\n")
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.standardOutput, "timer: off\n")
    }

    func test_cli6_unloadableDataExits65() throws {
        let outcome = try TallyBinary.run(["--data", "/nonexistent/dir/e.csv", "-c", ".tables"])
        XCTAssertEqual(outcome.status, 65)
        XCTAssertTrue(outcome.standardError.hasPrefix("error: "), outcome.standardError)
        XCTAssertTrue(outcome.standardError.contains("/nonexistent/dir/e.csv"), outcome.standardError)
        XCTAssertEqual(outcome.standardOutput, "")
    }

    func test_cli7_badTableNameIsAUsageError() throws {
        let outcome = try TallyBinary.run(["--data", "9x=e.csv", "-c", ".tables"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.standardError.contains("`9x` is not a table name"), outcome.standardError)
    }
}
