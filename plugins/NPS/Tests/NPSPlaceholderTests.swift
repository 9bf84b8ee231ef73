import XCTest

final class NPSPlaceholderTests: XCTestCase {
    func testNothingYet() {}
}
