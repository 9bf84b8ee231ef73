import XCTest

final class RetentionPlaceholderTests: XCTestCase {
    func testNothingYet() {}
}
