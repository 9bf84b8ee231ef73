// Renders a report in headless Chromium: the screenshot shows charts and the page logs nothing.
import Foundation
@testable import TallyNotebook
import TallyQuery
import TallyStore
import XCTest

/// Needs the Debian package `chromium` (and python3 for reading the PNG); skipped, and reported
/// as skipped, when either is missing.
final class ChromiumScreenshotTests: XCTestCase {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tally-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    func test_report_screenshotShowsChartsAndConsoleIsClean() throws {
        let html = HTMLReport.render(title: "Growth review", blocks: [
            .prose("## Daily users\nThe **trend** over three days, with `dcount(user_id)`."),
            .code("events | summarize users = dcount(user_id) by day(ts)"),
            .table(try HTMLReportTests.series(), chart: nil),
            .prose("## Retention\n- weekly cohorts\n- rate per period"),
            .table(try HTMLReportTests.retention(), chart: nil),
            .table(try HTMLReportTests.funnel(), chart: ChartSpec(kind: .bar, x: "name", y: ["users"], title: "Purchase funnel")),
            .error("error: unknown column `usr`"),
        ], formatter: ValueFormatter())
        let (census, console) = try screenshot(html, keepingCopyAt: ProcessInfo.processInfo.environment["TALLY_KEEP_SCREENSHOT"])
        XCTAssertEqual(console, [], "the page logged to the console")
        XCTAssertGreaterThan(census.distinctColors, 16, "a blank or flat screenshot: \(census)")
        XCTAssertGreaterThan(census.nonWhiteShare, 0.02, "almost all white: \(census)")
        XCTAssertGreaterThan(census.seriesColorPixels, 200, "no chart in the series colour: \(census)")
    }

    /// The check above can fail: a page with a script error is caught, a blank page has no chart pixels.
    func test_detectors_catchConsoleErrorsAndBlankPages() throws {
        let (census, console) = try screenshot("<!DOCTYPE html><html><body><script>throw new Error('boom')</script></body></html>",
                                               size: "200,150")
        XCTAssertEqual(console.count, 1, "\(console)")
        XCTAssertTrue(console.first?.contains("Uncaught Error: boom") == true, "\(console)")
        XCTAssertEqual(census.seriesColorPixels, 0)
        XCTAssertEqual(census.distinctColors, 1, "\(census)")
    }

    /// Writes `html`, screenshots it, and returns the pixel census and the console lines Chromium logged.
    /// - Parameter keepingCopyAt: a path to copy the PNG to, for looking at it by hand.
    private func screenshot(_ html: String, size: String = "1000,1500", keepingCopyAt copy: String? = nil) throws -> (PNGPixelCensus, [String]) {
        // A missing browser is a failure, not a skip: the report check has not run. `.ci/run` installs it.
        guard let chromium = Self.chromium else {
            throw MissingTool(description: "Chromium is not installed: apt-get install -y chromium")
        }
        let page = scratch.appendingPathComponent("report.html"), png = scratch.appendingPathComponent("shot.png")
        try html.write(to: page, atomically: true, encoding: .utf8)
        // Root cannot use Chromium's sandbox; a fresh profile keeps runs independent.
        let result = try ProcessRun.run(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
            "--enable-logging=stderr", "--v=0", "--window-size=\(size)",
            "--screenshot=\(png.path)", page.absoluteString,
        ])
        XCTAssertEqual(result.status, 0, result.output)
        if let copy { try? FileManager.default.removeItem(atPath: copy); try FileManager.default.copyItem(at: png, to: URL(fileURLWithPath: copy)) }
        let console = result.output.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else {
            throw MissingTool(description: "python3 is not installed at /usr/bin/python3")
        }
        let census = try XCTUnwrap(try PNGPixelCensus.measure(png, scratch: scratch), "python3 could not read the screenshot")
        return (census, console)
    }
}

/// A tool the test needs is absent; thrown so the test fails with the install hint.
private struct MissingTool: Error, CustomStringConvertible {
    var description: String
}
