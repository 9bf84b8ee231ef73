// Exact text of every output mode, truncation, wide characters and colour.
//
// Test plan
//   render-1  table mode: box, type row, right-aligned numbers, null, row-count footer
//   render-2  table mode over the row limit: first and last rows, an elision row, "… N more rows"
//   render-3  CJK cells are measured as two cells each
//   render-4  control characters are escaped so a row stays one line; long cells are cut
//   render-5  csv: RFC 4180 quoting, null as empty field
//   render-6  json: array of row objects, nulls, NaN, escapes, timestamps in the session zone
//   render-7  markdown: alignment row and escaped pipes
//   render-8  colour only when asked
import TallyREPL
import TallyStore
import XCTest

final class RenderingTests: XCTestCase {
    private func sample() throws -> Table {
        return try Table([
            ("user", Column.string(["ann", "bob", nil])),
            ("n", Column.int([3, 12345, -7])),
            ("rate", Column.float([0.5, 2, 1e-3])),
        ])
    }

    func test_render1_tableMode() throws {
        let text = TableRenderer.render(try sample(), options: RenderOptions())
        XCTAssertEqual(text, """
            ┌────────┬───────┬───────┐
            │ user   │ n     │ rate  │
            │ string │ int   │ float │
            ├────────┼───────┼───────┤
            │ ann    │     3 │   0.5 │
            │ bob    │ 12345 │   2.0 │
            │ null   │    -7 │ 0.001 │
            └────────┴───────┴───────┘
            3 rows

            """)
    }

    func test_render2_longResultShowsHeadAndTail() throws {
        let table = try Table([("i", Column.int((1...100).map { Int64($0) }))])
        let text = TableRenderer.render(table, options: RenderOptions(maxRows: 4))
        XCTAssertEqual(text, """
            ┌─────┐
            │ i   │
            │ int │
            ├─────┤
            │   1 │
            │   2 │
            │   … │
            │  99 │
            │ 100 │
            └─────┘
            100 rows (… 96 more rows)

            """)
        XCTAssertEqual(TableRenderer.render(try Table([("i", Column.int([7]))]), options: RenderOptions(maxRows: 4))
            .hasSuffix("│   7 │\n└─────┘\n1 row\n"), true)
    }

    func test_render3_wideCharactersTakeTwoCells() throws {
        XCTAssertEqual(DisplayWidth.width(of: "北京"), 4)
        XCTAssertEqual(DisplayWidth.width(of: "e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.width(of: "한국어"), 6)
        let table = try Table([("city", Column.string(["北京", "Paris"]))])
        XCTAssertEqual(TableRenderer.render(table, options: RenderOptions()), """
            ┌────────┐
            │ city   │
            │ string │
            ├────────┤
            │ 北京   │
            │ Paris  │
            └────────┘
            2 rows

            """)
    }

    func test_render4_controlCharactersEscapedAndLongCellsCut() throws {
        let table = try Table([("s", Column.string(["a\nb\tc", String(repeating: "x", count: 20)]))])
        let text = TableRenderer.render(table, options: RenderOptions(maxCellWidth: 8))
        XCTAssertTrue(text.contains("│ a\\nb\\tc  │\n"), text)
        XCTAssertTrue(text.contains("│ xxxxxxx… │\n"), text)
        XCTAssertEqual(DisplayWidth.truncate("北京北京", toWidth: 5), "北京…")
    }

    func test_render5_csvQuoting() throws {
        let table = try Table([
            ("name", Column.string(["plain", "a,b", "say \"hi\"", "two\nlines", nil, " pad"])),
            ("n", Column.int([1, 2, 3, 4, 5, 6])),
        ])
        XCTAssertEqual(CSVRenderer.render(table, formatter: ValueFormatter()), """
            name,n
            plain,1
            "a,b",2
            "say ""hi\""",3
            "two
            lines",4
            ,5
            " pad",6

            """)
    }

    func test_render6_json() throws {
        let table = try Table([
            ("s", Column.string(["q\"\\\n\u{1}", nil])),
            ("x", Column.float([.nan, 1.5])),
            ("b", Column.bool([true, false])),
            ("ts", Column.timestamp([1_709_280_000_000_000, 1_709_280_000_250_000])),
            ("d", Column.date([19_783, 0])),
            ("dur", Column.duration([90_000_000, 0])),
        ])
        XCTAssertEqual(JSONRenderer.render(table, formatter: ValueFormatter()), """
            [
            {"s":"q\\"\\\\\\n\\u0001","x":null,"b":true,"ts":"2024-03-01T08:00:00Z","d":"2024-03-01","dur":"1m30s"},
            {"s":null,"x":1.5,"b":false,"ts":"2024-03-01T08:00:00.25Z","d":"1970-01-01","dur":"0s"}
            ]

            """)
        let shanghai = try XCTUnwrap(ZoneCalendar(identifier: "Asia/Shanghai"))
        let newYork = try XCTUnwrap(ZoneCalendar(identifier: "America/New_York"))
        XCTAssertEqual(JSONRenderer.render(try Table([("ts", Column.timestamp([1_709_280_000_000_000]))]),
                                           formatter: ValueFormatter(zone: shanghai)),
                       "[\n{\"ts\":\"2024-03-01T16:00:00+08:00\"}\n]\n")
        XCTAssertEqual(JSONRenderer.render(try Table([("ts", Column.timestamp([1_709_280_000_000_000]))]),
                                           formatter: ValueFormatter(zone: newYork)),
                       "[\n{\"ts\":\"2024-03-01T03:00:00-05:00\"}\n]\n")
        XCTAssertEqual(JSONRenderer.render(try Table([("a", Column.int([]))]), formatter: ValueFormatter()), "[]\n")
    }

    func test_render7_markdown() throws {
        let table = try Table([("name", Column.string(["a|b", "x"])), ("n", Column.int([1, 22]))])
        XCTAssertEqual(MarkdownRenderer.render(table, formatter: ValueFormatter()), """
            | name | n |
            | --- | ---: |
            | a\\|b | 1 |
            | x | 22 |

            """)
    }

    func test_render8_colourOnlyWhenAsked() throws {
        let table = try Table([("n", Column.int([1]))])
        XCTAssertFalse(TableRenderer.render(table, options: RenderOptions(color: false)).contains("\u{1B}"))
        XCTAssertTrue(TableRenderer.render(table, options: RenderOptions(color: true)).contains("\u{1B}[1mn\u{1B}[0m"))
        XCTAssertEqual(ResultRenderer.render(table, mode: .csv, options: RenderOptions(color: true)), "n\n1\n")
    }
}

extension RenderingTests {
    /// render-9: in a narrow terminal the widest column gives way first, down to 8 cells.
    func test_render9_fitsTerminalWidth() throws {
        XCTAssertEqual(TableRenderer.fit([30, 5], into: 30), [18, 5])
        XCTAssertEqual(TableRenderer.fit([30, 30], into: 20), [8, 8])
        XCTAssertEqual(TableRenderer.fit([3, 4], into: 80), [3, 4])
        let table = try Table([("text", Column.string([String(repeating: "a", count: 30)]))])
        let text = TableRenderer.render(table, options: RenderOptions(terminalWidth: 14))
        XCTAssertTrue(text.contains("│ aaaaaaaaa… │\n"), text)
        XCTAssertEqual(text.split(separator: "\n").first.map { DisplayWidth.width(of: String($0)) }, 14)
    }
}
