import XCTest

final class RFMPlaceholderTests: XCTestCase {
    func testNothingYet() {}
}
