// The report page, its tables and the SVG charts: exact fragments for tiny inputs.
@testable import TallyNotebook
import TallyQuery
import TallyStore
import XCTest

final class HTMLReportTests: XCTestCase {
    /// 2024-03-01 … 03-03 with users 1, 3, 2.
    static func series() throws -> Table {
        try Table([("day", .date([19783, 19784, 19785])), ("users", .int([1, 3, 2]))])
    }

    static func retention() throws -> Table {
        try Table([("cohort", .date([19783, 19783, 19790])), ("period", .int([0, 1, 0])),
                   ("users", .int([4, 4, 2])), ("rate", .float([1, 0.25, 1]))])
    }

    static func funnel() throws -> Table {
        try Table([("step", .int([1, 2])), ("name", .string(["view", "buy"])), ("users", .int([10, 4]))])
    }

    func test_lineChart_geometryOfTinySeries() throws {
        let spec = ChartSpec(kind: .line, x: "day", y: ["users"])
        let svg = try XCTUnwrap(ReportChart.svg(spec, table: Self.series(), formatter: ValueFormatter(), id: "c1"))
        // x: 56 … 624 by date; y: 0 … 3 onto 212 … 24.
        XCTAssertTrue(svg.contains("<polyline fill=\"none\" stroke-width=\"2\" points=\"56,149.3 340,24 624,86.7\"/>"), svg)
        XCTAssertTrue(svg.contains("<title id=\"c1-title\">users by day</title>"), svg)
        XCTAssertTrue(svg.contains("<desc id=\"c1-desc\">Line chart of users by day, 3 points, from 2024-03-01 to 2024-03-03</desc>"), svg)
        XCTAssertTrue(svg.contains("<text class=\"tick\" x=\"50\" y=\"212\" text-anchor=\"end\" dominant-baseline=\"middle\">0</text>"), svg)
        XCTAssertTrue(svg.contains("<text class=\"tick\" x=\"50\" y=\"24\" text-anchor=\"end\" dominant-baseline=\"middle\">3</text>"), svg)
        XCTAssertTrue(svg.contains(">day</text>"), "x axis label")
        XCTAssertFalse(svg.contains("class=\"legend\""), "one series needs no legend")
    }

    func test_lineChart_nullBreaksLineAndLegendForTwoSeries() throws {
        var validity = ValidityBitmap(count: 4, allValid: true)
        validity.set(2, valid: false)
        let table = try Table([("x", .int([0, 1, 2, 3])), ("a", .int([1, 2, 3, 4], validity: validity)),
                               ("b", .float([0, 0, 0, 0]))])
        let svg = try XCTUnwrap(ReportChart.svg(ChartSpec(kind: .line, x: "x", y: ["a", "b"]), table: table,
                                                formatter: ValueFormatter(), id: "c"))
        XCTAssertTrue(svg.contains("<circle cx=\"624\""), "the lone point after the null is a dot: \(svg)")
        XCTAssertTrue(svg.contains("<g class=\"legend\"><rect x=\"56\" y=\"4\" width=\"10\" height=\"10\" fill=\"#0072B2\"/><text x=\"70\" y=\"13\">a</text>"), svg)
    }

    func test_heatmap_retentionCellsAsPercentages() throws {
        let table = try Self.retention()
        let spec = try XCTUnwrap(ReportChart.spec(for: table, requested: nil))
        XCTAssertEqual(spec, ChartSpec(kind: .heatmap, x: "cohort", y: ["rate"], columns: "period",
                                       title: "Retention rate by cohort and period"))
        let svg = try XCTUnwrap(ReportChart.svg(spec, table: table, formatter: ValueFormatter(), id: "h"))
        XCTAssertTrue(svg.contains("<rect x=\"158\" y=\"40\" width=\"47\" height=\"21\" fill=\"#b9c8e0\"><title>2024-03-01, 1: 25%</title></rect>"), svg)
        XCTAssertTrue(svg.contains(">100%</text>"), svg)
        XCTAssertEqual(SVGHeatmap.color(0), "#f1f5fc")
        XCTAssertEqual(SVGHeatmap.color(1), "#103f8c")
    }

    func test_funnel_barsLabelledByName() throws {
        let table = try Self.funnel()
        let spec = try XCTUnwrap(ReportChart.spec(for: table, requested: nil))
        XCTAssertEqual(spec, ChartSpec(kind: .bar, x: "name", y: ["users"], title: "Users at each step"))
        let svg = try XCTUnwrap(ReportChart.svg(spec, table: table, formatter: ValueFormatter(), id: "f"))
        // 0 … 10 onto 180 … 570: 4 users is 156 px wide.
        XCTAssertTrue(svg.contains("<rect x=\"180\" y=\"47\" width=\"156\" height=\"14\" fill=\"#0072B2\"><title>buy: users 4</title></rect>"), svg)
        XCTAssertTrue(svg.contains(">view</text>"), svg)
    }

    func test_automaticSpec_timeSeriesOnlyWhenIncreasing() throws {
        XCTAssertEqual(ReportChart.spec(for: try Self.series(), requested: nil), ChartSpec(kind: .line, x: "day", y: ["users"]))
        let unordered = try Table([("day", .date([3, 1])), ("n", .int([1, 2]))])
        XCTAssertNil(ReportChart.spec(for: unordered, requested: nil))
        let requested = ChartSpec(kind: .bar, x: "day", y: ["n"])
        XCTAssertEqual(ReportChart.spec(for: unordered, requested: requested), requested)
    }

    func test_table_numbersRightAlignedAndEscaped() throws {
        let table = try Table([("name", .string(["<b>", nil])), ("n", .int([7, 8]))])
        let html = HTMLTable.html(table, formatter: ValueFormatter())
        XCTAssertTrue(html.contains("<thead><tr><th scope=\"col\">name</th><th scope=\"col\" class=\"num\">n</th></tr></thead>"), html)
        XCTAssertTrue(html.contains("<tr><td>&lt;b&gt;</td><td class=\"num\">7</td></tr>"), html)
        XCTAssertTrue(html.contains("<tr><td class=\"null\">null</td><td class=\"num\">8</td></tr>"), html)
        XCTAssertTrue(html.contains("<p class=\"shape\">2 rows × 2 columns</p>"), html)
    }

    func test_page_selfContainedAndEscaped() throws {
        let html = HTMLReport.render(title: "Growth <review>", blocks: [
            .prose("## Trend\nSee *below*."),
            .code("events | summarize n = count() by day(ts)\n"),
            .table(try Self.series(), chart: nil),
            .text("loaded 3 rows into events"),
            .error("error: unknown column `x`"),
        ], formatter: ValueFormatter())
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"), html)
        XCTAssertTrue(html.contains("<title>Growth &lt;review&gt;</title>"))
        XCTAssertTrue(html.contains("<h1 class=\"report-title\">Growth &lt;review&gt;</h1>"))
        XCTAssertTrue(html.contains("<section class=\"prose\">\n<h2>Trend</h2>\n<p>See <em>below</em>.</p>\n</section>"))
        XCTAssertTrue(html.contains("<pre class=\"code\"><code>events | summarize n = count() by day(ts)</code></pre>"))
        XCTAssertTrue(html.contains("<figure class=\"chart\"><svg class=\"chart\""))
        XCTAssertTrue(html.contains("<figcaption>users by day</figcaption></figure>"))
        XCTAssertTrue(html.contains("<pre class=\"output\">loaded 3 rows into events</pre>"))
        XCTAssertTrue(html.contains("<pre class=\"error\" role=\"alert\">error: unknown column `x`</pre>"))
        // Self-contained: nothing to fetch, no scripts.
        for needle in ["<script", "<link", "src=", "url(", "@import", "href=\"http"] {
            XCTAssertFalse(html.contains(needle), "found \(needle)")
        }
    }

    func test_scale_niceTicks() {
        XCTAssertEqual(ChartScale(covering: [1, 3, 2], from: 212, to: 24).ticks, [0, 1, 2, 3])
        XCTAssertEqual(ChartScale(covering: [0.31, 0.87], from: 0, to: 100).ticks, [0, 0.5, 1])
        XCTAssertEqual(ChartScale(covering: [-3, 7], from: 0, to: 100).ticks, [-5, 0, 5, 10])
        XCTAssertEqual(ChartScale.niceStep(1234), 2000)
        XCTAssertEqual(SVGNumber.label(0.6000000000000001), "0.6")
        XCTAssertEqual(SVGNumber.coordinate(149.3333), "149.3")
    }
}

final class HTMLTableFoldingTests: XCTestCase {
    func test_longTable_foldedIntoDetails() throws {
        let table = try Table([("n", .int((0..<21).map(Int64.init)))])
        let html = HTMLTable.html(table, formatter: ValueFormatter())
        XCTAssertTrue(html.hasPrefix("<details class=\"result\"><summary>21 rows × 1 column</summary><table>\n<thead>"), html)
        XCTAssertTrue(html.hasSuffix("</tbody>\n</table></details>"), html)
        XCTAssertFalse(html.contains("class=\"shape\""))
    }
}
