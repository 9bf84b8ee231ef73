// The whole input's column extents that grouped plugin calls share.
import XCTest
import TallyStore
@testable import TallyPluginAPI

final class WholeInputExtentTests: XCTestCase {
    func test_extent_skipsNulls_andIsSharedByContextsOfOneCall() throws {
        var builder = ColumnBuilder(type: .timestamp)
        for value: Int64? in [30, nil, -5, 12] {
            if let value { builder.append(int64: value) } else { builder.appendNull() }
        }
        let whole = try Table([("ts", builder.finish()), ("name", .string(["a", "b", "c", "d"]))])
        let shared = WholeInputExtents()
        let first = PluginContext(wholeInput: whole, wholeInputExtents: shared)
        let second = PluginContext(wholeInput: whole, wholeInputExtents: shared)
        XCTAssertEqual(first.wholeInputExtent(ofColumn: "ts"), -5...30)
        XCTAssertEqual(second.wholeInputExtent(ofColumn: "ts"), -5...30)
        XCTAssertNil(first.wholeInputExtent(ofColumn: "name"))     // not Int64-backed
        XCTAssertNil(first.wholeInputExtent(ofColumn: "missing"))
        XCTAssertNil(PluginContext().wholeInputExtent(ofColumn: "ts"))  // no whole input
        let empty = try Table([("ts", Column.nulls(.timestamp, count: 2))])
        XCTAssertNil(PluginContext(wholeInput: empty).wholeInputExtent(ofColumn: "ts"))
    }
}
