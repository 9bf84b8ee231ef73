// One self-contained HTML page for a replayed notebook: inline CSS and SVG, no scripts, no fetches.
import TallyQuery
import TallyStore

/// Renders report blocks into a single HTML document that opens offline in any browser.
///
/// Nothing is fetched: styles are inline, charts are inline SVG, and there is no JavaScript.
/// All text from the notebook and the tables is escaped; prose is converted from Markdown.
public enum HTMLReport {
    /// The whole HTML document.
    /// - Parameters:
    ///   - title: the page title, and the first heading unless the first block is prose opening
    ///     with its own `# ` heading (for a notebook, its front-matter `title`).
    ///   - blocks: the report's content in reading order.
    ///   - formatter: turns cells into text (pass the session's zone, and `floatDigits` for readable floats).
    public static func render(title: String, blocks: [ReportBlock], formatter: ValueFormatter) -> String {
        var body: [String] = []
        var chartNumber = 0
        for block in blocks {
            switch block {
            case .prose(let markdown):
                body.append("<section class=\"prose\">\n" + MarkdownHTML.html(markdown) + "\n</section>")
            case .code(let code):
                body.append("<pre class=\"code\"><code>" + HTMLText.escape(trimmingNewlines(code)) + "</code></pre>")
            case .table(let table, let requested):
                // The chart comes first: it is what a reader looks at; the numbers follow.
                if let spec = ReportChart.spec(for: table, requested: requested) {
                    chartNumber += 1
                    if let svg = ReportChart.svg(spec, table: table, formatter: formatter, id: "chart\(chartNumber)") {
                        body.append("<figure class=\"chart\">" + svg + "<figcaption>" + HTMLText.escape(spec.displayTitle)
                                    + "</figcaption></figure>")
                    }
                }
                body.append(HTMLTable.html(table, formatter: formatter))
            case .text(let text):
                body.append("<pre class=\"output\">" + HTMLText.escape(trimmingNewlines(text)) + "</pre>")
            case .error(let message):
                body.append("<pre class=\"error\" role=\"alert\">" + HTMLText.escape(trimmingNewlines(message)) + "</pre>")
            }
        }
        // A notebook that opens with its own `# Heading` needs no second title above it.
        let opensWithHeading: Bool
        if case .prose(let markdown)? = blocks.first {
            opensWithHeading = markdown.drop { $0.isWhitespace }.hasPrefix("# ")
        } else {
            opensWithHeading = false
        }
        let heading = opensWithHeading ? "" : "<h1 class=\"report-title\">\(HTMLText.escape(title))</h1>"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="tally">
            <title>\(HTMLText.escape(title))</title>
            <style>
            \(stylesheet)
            </style>
            </head>
            <body>
            <main>
            \(heading)
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    private static func trimmingNewlines(_ text: String) -> String {
        var text = Substring(text)
        while text.last == "\n" { text.removeLast() }
        return String(text)
    }

    /// Styles for the page and the SVG classes the charts use.
    static let stylesheet = """
        :root { color-scheme: light; }
        body { margin: 0; background: #ffffff; color: #1b1f24; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
        main { max-width: 960px; margin: 0 auto; padding: 24px 28px 48px; }
        h1, h2, h3 { line-height: 1.25; }
        .report-title { border-bottom: 1px solid #d0d7de; padding-bottom: 8px; }
        code, pre { font: 13px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
        :not(pre) > code { background: #eff1f3; padding: 1px 4px; border-radius: 4px; }
        pre { background: #f6f8fa; padding: 10px 14px; border-radius: 6px; overflow-x: auto; }
        pre.code { border-left: 4px solid #0072B2; }
        pre.output { background: #ffffff; border: 1px solid #d0d7de; }
        pre.error { background: #fff1f0; border-left: 4px solid #cf222e; color: #82071e; }
        table { border-collapse: collapse; margin: 8px 0; }
        th, td { border: 1px solid #d0d7de; padding: 3px 10px; text-align: left; }
        th { background: #f6f8fa; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.null { color: #8c959f; }
        .result { overflow-x: auto; margin: 8px 0 16px; }
        .more, .shape, summary { color: #57606a; font-size: 13px; margin: 2px 0; }
        summary { cursor: pointer; }
        blockquote { margin: 0; padding: 0 12px; border-left: 4px solid #d0d7de; color: #57606a; }
        figure.chart { margin: 8px 0 24px; }
        figcaption { color: #57606a; font-size: 13px; }
        svg.chart { width: 100%; max-width: 720px; height: auto; display: block; font-family: system-ui, sans-serif; }
        svg.chart .grid { stroke: #e5e8eb; stroke-width: 1; }
        svg.chart .axis { stroke: #57606a; stroke-width: 1; }
        svg.chart text { font-size: 11px; fill: #1b1f24; }
        svg.chart .tick, svg.chart .value { fill: #57606a; }
        svg.chart .axis-label { font-size: 12px; font-weight: 600; }
        svg.chart text.cell { font-size: 10px; }
        svg.chart text.cell.on-dark { fill: #ffffff; }
        """
}
