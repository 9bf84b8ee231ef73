// Charts under REPL results: exact text for series, funnels and cohort grids, and when they appear.
//
// Test plan
//   chart-1  a date series: one sparkline per numeric column, nulls as gaps, min and max
//   chart-2  a funnel: bars in eighths of a cell, counts, share of step 1; a new block per key
//   chart-3  a cohort grid: periods across, percentages, grey shading with colour
//   chart-4  only interactive, colour, table mode; other shapes get no chart
import TallyQuery
import TallyREPL
import TallyStore
import XCTest

final class ChartRenderingTests: XCTestCase {
    private let plain = RenderOptions()

    func test_chart1_series() throws {
        let table = try Table([
            ("day", .date([19783, 19784, 19785])),
            ("dau", .int([1, 5, 3])),
            ("revenue", .float([2, 0, 4], validity: {
                var bitmap = ValidityBitmap(count: 3, allValid: true)
                bitmap.set(1, valid: false)
                return bitmap
            }())),
            ("note", .string(["a", "b", "c"])),
        ])
        XCTAssertEqual(ResultCharts.render(table, options: plain), """
            dau      ▁█▅  min 1 max 5
            revenue  ▁ █  min 2.0 max 4.0

            """)
        // Out of order (several series interleaved): no chart.
        let shuffled = try Table([("day", .date([19784, 19783])), ("dau", .int([1, 2]))])
        XCTAssertEqual(ResultCharts.render(shuffled, options: plain), "")
    }

    func test_chart1_seriesLongerThanTheTerminalIsAveraged() {
        XCTAssertEqual(SeriesResampling.resample([1, 3, nil, 5, 7, 9], to: 3), [2, 5, 8])
    }

    func test_chart2_funnel() throws {
        let table = try Table([
            ("step", .string(["a", "bb", "c"])),
            ("users", .int([100, 40, 5])),
            ("conversion", .float([1, 0.4, 0.125])),
        ])
        let full = String(repeating: "█", count: 30)
        XCTAssertEqual(ResultCharts.render(table, options: plain), """
            a   \(full)  100  100.0%
            bb  \(String(repeating: "█", count: 12))\(String(repeating: " ", count: 18))   40   40.0%
            c   █▌\(String(repeating: " ", count: 28))    5    5.0%

            """)
        let grouped = try Table([
            ("channel", .string(["ads", "ads", "seo", "seo"])),
            ("step", .int([1, 2, 1, 2])),
            ("name", .string(["view", "buy", "view", "buy"])),
            ("users", .int([10, 5, 4, 0])),
        ])
        XCTAssertEqual(ResultCharts.render(grouped, options: plain), """
            ads
            view  \(full)  10  100.0%
            buy   \(String(repeating: "█", count: 15))\(String(repeating: " ", count: 15))   5   50.0%

            seo
            view  \(full)   4  100.0%
            buy   \(String(repeating: " ", count: 30))   0    0.0%

            """)
    }

    func test_chart3_cohortGridWithKeysAndAverages() throws {
        let table = try Table([
            ("channel", .string(["ads", "ads", "ads", "ads"])),
            ("cohort", .date([19786, 19786, 0, 0], validity: {
                var bitmap = ValidityBitmap(count: 4, allValid: true)
                bitmap.set(2, valid: false)
                bitmap.set(3, valid: false)
                return bitmap
            }())),
            ("period", .int([0, 1, 0, 1])),
            ("rate", .float([1, 0.5, 1, 0.5])),
            ("is_average", .bool([false, false, true, true])),
        ])
        XCTAssertEqual(ResultCharts.render(table, options: plain), """
            cohort             0     1 
            ads 2024-03-04  100%   50% 
            ads average     100%   50% 

            """)
    }

    func test_chart3_cohortGrid() throws {
        let table = try Table([
            ("cohort", .date([19786, 19786, 19786, 19793, 19793])),
            ("period", .int([0, 1, 2, 0, 1])),
            ("size", .int([4, 4, 4, 3, 3])),
            ("rate", .float([1, 0.5, 0.25, 1, 1.0 / 3])),
        ])
        XCTAssertEqual(ResultCharts.render(table, options: plain), """
            cohort         0     1     2 
            2024-03-04  100%   50%   25% 
            2024-03-11  100%   33%       

            """)
        var colored = plain
        colored.color = true
        let text = ResultCharts.render(table, options: colored)
        XCTAssertTrue(text.contains("\u{1B}[48;5;244m\u{1B}[38;5;232m  50% \u{1B}[0m"), text)
        XCTAssertTrue(text.contains("\u{1B}[48;5;255m\u{1B}[38;5;232m 100% \u{1B}[0m"), text)
        XCTAssertTrue(text.contains("\u{1B}[48;5;238m\u{1B}[38;5;255m  25% \u{1B}[0m"), text)
    }

    func test_chart4_onlyForPeopleAtAColourTerminal() throws {
        let query = SourceText(origin: "<test>", text: #"values (step: string, users: int) [("a", 2), ("b", 1)]"#)
        for (interactive, colored, mode, expectChart) in [(true, true, OutputMode.table, true), (false, true, .table, false),
                                                         (true, false, .table, false), (true, true, .csv, false)] {
            let harness = try ShellHarness(mode: mode)
            harness.shell.isInteractive = interactive
            harness.shell.isOutputColored = colored
            XCTAssertTrue(harness.shell.execute(query, stopOnError: true))
            XCTAssertEqual(harness.output.text.contains("100.0%"), expectChart, "\(interactive) \(colored) \(mode)")
        }
        let harness = try ShellHarness()
        harness.shell.isInteractive = true
        harness.shell.isOutputColored = true
        XCTAssertTrue(harness.shell.execute(SourceText(origin: "<test>", text: "events | count"), stopOnError: true))
        XCTAssertFalse(harness.output.text.contains("█"))
    }
}
