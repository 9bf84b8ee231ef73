import XCTest

final class FunnelPlaceholderTests: XCTestCase {
    func testNothingYet() {}
}
