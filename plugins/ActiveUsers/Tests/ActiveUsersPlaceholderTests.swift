import XCTest

final class ActiveUsersPlaceholderTests: XCTestCase {
    func testNothingYet() {}
}
