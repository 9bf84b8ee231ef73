// Charts asked for with `| chart …`: exact terminal text per kind, and when the shell draws them.
//
// Test plan
//   requested-1  line: a sparkline per y column with min and max, then the x range
//   requested-2  bar: bars in eighths scaled to the largest value, one block per row with two series
//   requested-3  heatmap: rows × sorted columns; fractions as percentages, shade blocks without colour
//   requested-4  drawn in table mode on a terminal (colour or measured width), never into a pipe or csv;
//                it replaces the automatic chart
import TallyQuery
import TallyREPL
import TallyStore
import XCTest

final class RequestedChartTests: XCTestCase {
    private let plain = RenderOptions()

    private static func daily() throws -> Table {
        try Table([("day", .date([19783, 19784, 19785])), ("users", .int([1, 9, 5])), ("revenue", .float([0.5, 2, 1]))])
    }

    func test_requested1_lineSparklines() throws {
        let spec = ChartSpec(kind: .line, x: "day", y: ["users", "revenue"])
        XCTAssertEqual(RequestedChart.render(spec, table: try Self.daily(), options: plain), """
            users, revenue by day
            users    ▁█▅  min 1 max 9
            revenue  ▁█▃  min 0.5 max 2.0
                     day: 2024-03-01 … 2024-03-03

            """)
    }

    func test_requested2_bars() throws {
        let one = ChartSpec(kind: .bar, x: "day", y: ["users"], title: "Users")
        XCTAssertEqual(RequestedChart.render(one, table: try Self.daily(), options: plain), """
            Users
            2024-03-01  ███▍                            1
            2024-03-02  ██████████████████████████████  9
            2024-03-03  ████████████████▋               5

            """)
        let two = ChartSpec(kind: .bar, x: "day", y: ["users", "revenue"])
        let text = RequestedChart.render(two, table: try Self.daily().prefix(1), options: plain)
        XCTAssertEqual(text, """
            users, revenue by day
            2024-03-01
              users     ██████████████████████████████  1
              revenue   ███████████████                 0.5

            """)
    }

    func test_requested3_heatmap() throws {
        let table = try Table([("cohort", .date([19786, 19786, 19793])), ("period", .int([1, 0, 0])),
                               ("rate", .float([0.5, 1, 0.25]))])
        let spec = ChartSpec(kind: .heatmap, x: "cohort", y: ["rate"], columns: "period")
        XCTAssertEqual(RequestedChart.render(spec, table: table, options: plain), """
            rate by cohort and period
            cohort          0      1 
            2024-03-04 █ 100% ▒  50% 
            2024-03-11 ░  25%        

            """)
        var colored = plain
        colored.color = true
        let text = RequestedChart.render(spec, table: table, options: colored)
        XCTAssertTrue(text.contains("\u{1B}[48;5;244m\u{1B}[38;5;232m   50% \u{1B}[0m"), text)
    }

    func test_requested4_whenTheShellDrawsIt() throws {
        let query = SourceText(origin: "<test>", text: #"values (step: string, users: int) [("a", 2), ("b", 1)] | chart bar"#)
        let cases: [(colored: Bool, width: Int?, mode: OutputMode, expected: Bool)] = [
            (true, nil, .table, true), (false, 100, .table, true), (false, nil, .table, false), (true, 100, .csv, false),
            (true, 100, .json, false), (true, 100, .markdown, false),
        ]
        for item in cases {
            let harness = try ShellHarness(mode: item.mode)
            harness.shell.isOutputColored = item.colored
            harness.shell.terminalWidth = item.width
            XCTAssertTrue(harness.shell.execute(query, stopOnError: true))
            XCTAssertEqual(harness.output.text.contains("users by step\n"), item.expected, "\(item)")
            // The request replaces the automatic funnel chart (which prints shares of step 1).
            XCTAssertFalse(harness.output.text.contains("100.0%"), "\(item)")
        }
    }
}
