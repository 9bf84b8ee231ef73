// The report's own title heading yields to a notebook's first `# ` heading.
import XCTest
import TallyStore
@testable import TallyNotebook

final class ReportTitleTests: XCTestCase {
    func test_titleHeading_onlyWhenTheProseHasNone() {
        let withHeading = HTMLReport.render(title: "Weekly", blocks: [.prose("# Weekly growth\n\nText.")],
                                            formatter: ValueFormatter())
        XCTAssertEqual(withHeading.components(separatedBy: "<h1").count - 1, 1, withHeading)
        XCTAssertFalse(withHeading.contains("report-title\">"), withHeading)
        let without = HTMLReport.render(title: "Weekly", blocks: [.prose("Some text first.")],
                                        formatter: ValueFormatter())
        XCTAssertTrue(without.contains("<h1 class=\"report-title\">Weekly</h1>"), without)
        XCTAssertTrue(without.contains("<title>Weekly</title>"), without)
    }
}
