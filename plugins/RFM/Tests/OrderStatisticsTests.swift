// Selection must agree with a full sort at every requested position, whatever the input's shape.
@testable import RFMPlugin
import XCTest

final class OrderStatisticsTests: XCTestCase {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    private func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    func test_select_matchesSort_onManyShapes() {
        var checked = 0
        for size in Array(1...80) + [97, 250, 1_000, 4_099, 20_000] {
            let shapes: [[Int]] = [
                (0..<size).map { _ in next(1_000_000) },            // distinct-ish
                (0..<size).map { _ in next(3) },                     // heavy ties
                Array(repeating: 7, count: size),                    // all equal
                Array(0..<size),                                     // sorted
                Array((0..<size).reversed()),                        // reversed
                (0..<size).map { min($0, size - $0) },               // organ pipe
            ]
            for values in shapes {
                let sorted = values.sorted()
                let targets = (0..<1 + next(12)).map { _ in next(size) }.sorted()
                var work = values
                work.withUnsafeMutableBufferPointer { OrderStatistics.select(targets, in: $0) }
                for target in targets where work[target] != sorted[target] {
                    XCTFail("size \(size), target \(target): \(work[target]) ≠ \(sorted[target])")
                }
                XCTAssertEqual(work.sorted(), sorted, "select must permute, not lose values")
                checked += targets.count
            }
        }
        XCTAssertGreaterThan(checked, 1_000)
    }

    func test_quantileScores_tiesAndFewValues() {
        // n = 4, bins 5: indices 0, 1, 2, 3 → cuts 1, 1, 2, 3; equal values score alike.
        XCTAssertEqual(QuantileScores.cutPoints([2, 1, 3, 1] as [Int64], bins: 5), [1, 1, 2, 3])
        XCTAssertEqual(QuantileScores.scores([2, 1, 3, 1] as [Int64], bins: 5), [3, 1, 4, 1])
        XCTAssertEqual(QuantileScores.scores([5.5], bins: 5), [1])
        XCTAssertEqual(QuantileScores.scores([Double](), bins: 5), [])
        // bins 3, n = 7: ⌊(1/3)·7⌋ = 2, ⌊(2/3)·7⌋ = 4.
        XCTAssertEqual(QuantileScores.cutIndices(count: 7, bins: 3), [2, 4])
        XCTAssertEqual(QuantileScores.scores([10, 20, 30, 40, 50, 60, 70] as [Int64], bins: 3), [1, 1, 1, 2, 2, 3, 3])
    }
}
