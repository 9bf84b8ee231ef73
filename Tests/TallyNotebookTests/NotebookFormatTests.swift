// Reading and writing the notebook format.
//
// Test plan
//   format-1  a written notebook reads back as the same notebook, and its text is exact
//   format-2  forgiving: blank lines before the output, other fences kept as prose, longer fences
//   format-3  malformed: unclosed cell, output with no cell, unclosed front matter; valid cells kept
//   format-4  layOut gives each cell the line its code will have, including after front matter
//   format-5  a fence inside an output gets a longer fence around it
import TallyNotebook
import XCTest

final class NotebookFormatTests: XCTestCase {
    let sample = Notebook(
        frontMatter: FrontMatter(title: "Growth", parameters: [("weeks", "8"), ("channel", "\"paid\"")],
                                 data: [DataFingerprint(path: "e.csv", size: 12, hash: "fnv1a64:0011223344556677")]),
        blocks: [
            .prose(["", "# Growth", ""]),
            .cell(NotebookCell(code: "events | count", output: "42\n", line: 15)),
            .prose([""]),
            .cell(NotebookCell(code: "let x = events\n  | take 1", output: nil, line: 23)),
        ])

    func test_format1_roundTrip() {
        let text = NotebookWriter.text(of: sample)
        XCTAssertEqual(text, """
            ---
            title: Growth
            params:
              weeks: 8
              channel: "paid"
            data:
              - path: e.csv
                size: 12
                hash: fnv1a64:0011223344556677
            ---

            # Growth

            ```tally
            events | count
            ```

            ```output
            42
            ```

            ```tally
            let x = events
              | take 1
            ```

            """)
        let (read, errors) = NotebookReader.read(text)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(read, sample)
    }

    func test_format2_forgiving() {
        let text = """
            Intro with `code`.
            ```sql
            select 1
            ```
            ````tally
            a | count
            ````


            ```output
            1
            ```
            tail prose
            """
        let (notebook, errors) = NotebookReader.read(text)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(notebook.blocks, [
            .prose(["Intro with `code`.", "```sql", "select 1", "```"]),
            .cell(NotebookCell(code: "a | count", output: "1\n", line: 6)),
            .prose(["tail prose"]),
        ])
    }

    func test_format3_malformedKeepsValidCells() {
        let orphan = """
            ```output
            stray
            ```
            ```tally
            good | count
            ```
            ```tally
            never closed
            """
        let (notebook, errors) = NotebookReader.read(orphan)
        XCTAssertEqual(errors.map(\.description), [
            "line 1: an ```output fence must follow a ```tally cell; this one is ignored",
            "line 7: the ```tally fence opened here is never closed",
        ])
        XCTAssertEqual(notebook.cells, [NotebookCell(code: "good | count", output: nil, line: 5)])

        let (_, frontErrors) = NotebookReader.read("---\ntitle: x\n```tally\na\n```\n")
        XCTAssertEqual(frontErrors.map(\.description), ["line 1: front matter starting here is never closed with `---`"])
    }

    func test_format4_layOutLines() {
        var seen: [Int] = []
        let laidOut = NotebookWriter.layOut(sample) { index, line in
            seen.append(line)
            return index == 0 ? "one\ntwo\n" : "x\n"
        }
        // Front matter 10 lines, prose 3, fence on line 14: code on 15. The first cell then
        // takes lines 14…21 (3 code-fence lines, a blank, 4 output lines), prose 22, fence 23: code on 24.
        XCTAssertEqual(seen, [15, 24])
        XCTAssertEqual(laidOut.cells.map(\.line), [15, 24])
        let text = NotebookWriter.text(of: laidOut)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[14], "events | count")
        XCTAssertEqual(lines[23], "let x = events")
    }

    func test_format5_fenceInsideOutput() {
        let notebook = Notebook(blocks: [.cell(NotebookCell(code: "a", output: "```\nb\n"))])
        let text = NotebookWriter.text(of: notebook)
        XCTAssertEqual(text, "```tally\na\n```\n\n````output\n```\nb\n````\n")
        XCTAssertEqual(NotebookReader.read(text).notebook.cells.first?.output, "```\nb\n")
    }
}
