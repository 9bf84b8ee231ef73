import XCTest
@testable import RFMPlugin

final class RFMQuickTests: XCTestCase {
    func test_cutIndices_bins10_n90() {
        XCTAssertEqual(QuantileScores.cutIndices(count: 90, bins: 10)[6], 62)
    }
}
