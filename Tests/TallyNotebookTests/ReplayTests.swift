// Replaying a notebook in a session: outputs, errors located in the notebook, parameters, check.
//
// Test plan
//   replay-1  every cell runs in order; outputs laid out; errors point at the notebook line; a
//             failing cell does not stop the next
//   replay-2  a matching notebook has no differences; a changed output gives a diff naming the cell
//   replay-3  parameters: front matter defaults, --param overrides, typed literal syntax
//   replay-4  an unknown parameter is an error with a suggestion
import TallyNotebook
import TallyQuery
import TallyStore
import XCTest

final class ReplayTests: XCTestCase {
    /// Tables drawn as `name…` then one line per row, enough to compare.
    let plain: NotebookTableRenderer = { table, zone in
        let formatter = ValueFormatter(zone: zone)
        var text = table.names.joined(separator: " ") + "\n"
        for row in 0..<table.rowCount {
            text += table.columns.map { formatter.format($0.value(at: row)) }.joined(separator: " ") + "\n"
        }
        return text
    }

    let source = """
        # T

        ```tally
        let t = values (a: int) [(1), (2), (3)]
        ```

        ```tally
        t | where nope > 1
        ```

        ```tally
        t | where a >= $min | sort by a
        ```
        """

    func replay(_ text: String, overrides: [(name: String, value: String)] = []) -> ReplayResult {
        let notebook = NotebookReader.read(text).notebook
        let session = Session()
        session.parameters = NotebookReplay.parameters(of: notebook, overrides: overrides)
        return NotebookReplay.replay(notebook, origin: "t.md", in: session, fileAccess: nil, renderTable: plain)
    }

    func test_replay1_outputsAndErrors() {
        let result = replay("---\nparams:\n  min: 2\n---\n" + source)
        XCTAssertEqual(NotebookWriter.text(of: result.notebook), """
            ---
            params:
              min: 2
            ---
            # T

            ```tally
            let t = values (a: int) [(1), (2), (3)]
            ```

            ```output
            t: 3 rows
            ```

            ```tally
            t | where nope > 1
            ```

            ```output
            error: unknown column `nope`
              --> t.md:16:11
               |
            16 | t | where nope > 1
               |           ^^^^
            ```

            ```tally
            t | where a >= $min | sort by a
            ```

            ```output
            a
            2
            3
            ```
            """ + "\n")
        XCTAssertEqual(result.cells.map(\.run.hasFailed), [false, true, false])
        XCTAssertTrue(result.hasFailures)
    }

    func test_replay2_checkDiffNamesTheCell() {
        let first = NotebookWriter.text(of: replay("---\nparams:\n  min: 2\n---\n" + source).notebook)
        XCTAssertEqual(replay(first).differences(origin: "t.md"), "")
        let edited = first.replacingOccurrences(of: "a\n2\n3\n", with: "a\n2\n4\n")
        XCTAssertEqual(replay(edited).differences(origin: "t.md"), """
            --- t.md cell 3 (line 28), recorded output
            +++ t.md cell 3, replayed output
            @@ -1,3 +1,3 @@
             a
             2
            -4
            +3

            """)
    }

    func test_replay3_parameters() {
        let notebook = NotebookReader.read("---\nparams:\n  min: 2\n  name: paid\n---\n").notebook
        let values = NotebookReplay.parameters(of: notebook, overrides: [("min", "3"), ("since", "2024-03-01")])
        XCTAssertEqual(values, ["min": .int(3), "name": .string("paid"), "since": .date(19783)])
        XCTAssertEqual(ParameterValue.parse("-2.5"), .float(-2.5))
        XCTAssertEqual(ParameterValue.parse("15m"), .duration(900_000_000))
        XCTAssertEqual(ParameterValue.parse("\"a b\""), .string("a b"))
        XCTAssertEqual(ParameterValue.parse("2024-03-01T08:00:00Z"), .timestamp(1_709_280_000_000_000))
        XCTAssertEqual(ParameterValue.parse("true"), .bool(true))
        XCTAssertEqual(ParameterValue.parse("a b"), .string("a b"))
        let result = replay(source, overrides: [("min", "3")])
        XCTAssertEqual(result.cells[2].output, "a\n3\n")
    }

    func test_replay4_unknownParameter() {
        // Line 24 of the rewritten notebook: the outputs of cells 1 and 2 now sit above it.
        let result = replay(source.replacingOccurrences(of: "$min", with: "$mni"), overrides: [("min", "1")])
        XCTAssertEqual(result.cells[2].output, """
            error: unknown parameter `$mni`
              --> t.md:24:16
               |
            24 | t | where a >= $mni | sort by a
               |                ^^^^
            hint: did you mean `$min`?

            """)
    }
}
