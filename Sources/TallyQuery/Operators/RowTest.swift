// One side of a `where a and b`, checked only on the rows the other side kept.
import Dispatch
import TallyStore

/// A fast-path condition (`DictionaryPredicate` or `ValueComparison`) checked row by row.
///
/// `where a and b` keeps the rows where both are true (null is not true), which is the rows `a`
/// keeps on which `b` holds: `b` is then looked up on those rows only. Building a test evaluates
/// nothing that can fail per row (the per-value outcome uses kernels that cannot fail; the
/// comparison's constant is computed once, as the row-by-row path would), so errors stay the same.
struct RowTest {
    private enum Kind {
        case code(DictionaryPredicate, DictionaryCodes)
        case value(ValueComparison)
    }
    private let kind: Kind
    private let column: Column

    /// A test for `condition`, or nil when it is not one of the fast-path shapes.
    static func make(_ condition: BoundExpression, columns: [Column], rowCount: Int,
                     evaluator: Evaluator) throws(Diagnostic) -> RowTest? {
        if let predicate = try DictionaryPredicate.make(condition, columns: columns, rowCount: rowCount, evaluator: evaluator),
           let codes = columns[predicate.columnIndex].codes {
            return RowTest(kind: .code(predicate, codes), column: columns[predicate.columnIndex])
        }
        if let comparison = try ValueComparison.make(condition, columns: columns, evaluator: evaluator) {
            return RowTest(kind: .value(comparison), column: columns[comparison.columnIndex])
        }
        return nil
    }

    /// The rows of `candidates` (kept in order) where the condition is true.
    /// - Complexity: O(candidates), unsafe buffers, one allocation.
    func filter(_ candidates: [Int]) -> [Int] {
        let validity = column.validity
        switch kind {
        case .code(let predicate, let codes):
            let matches = predicate.matches, matchesNull = predicate.matchesNull
            switch codes {
            case .u8(let values): return Self.keep(candidates, values, validity, whenNull: matchesNull) { matches[Int($0)] }
            case .u16(let values): return Self.keep(candidates, values, validity, whenNull: matchesNull) { matches[Int($0)] }
            case .u32(let values): return Self.keep(candidates, values, validity, whenNull: matchesNull) { matches[Int($0)] }
            }
        case .value(let comparison):
            if comparison.constant.isNull(0) { return [] }
            let op = comparison.op
            switch (column.storage, comparison.constant.storage) {
            case (.int64(let values), .int64(let scalar)):
                return Self.keep(candidates, values, validity, whenNull: false) { ComparisonKernels.holds(op, $0, scalar[0]) }
            case (.float(let values), .float(let scalar)):
                return Self.keep(candidates, values, validity, whenNull: false) { ComparisonKernels.holds(op, $0, scalar[0]) }
            default:
                preconditionFailure("comparing \(column.type) with \(comparison.constant.type) passed the binder")
            }
        }
    }

    /// Candidates at least this many are checked by two workers: each check is a scattered read,
    /// bound by memory latency, so two overlap their misses.
    static let parallelCount = 1 << 14

    @inline(__always)
    private static func keep<T>(_ candidates: [Int], _ values: [T], _ validity: ValidityBitmap?, whenNull: Bool,
                                _ holds: @Sendable (T) -> Bool) -> [Int] {
        candidates.withUnsafeBufferPointer { candidates in
            values.withUnsafeBufferPointer { values in
                let shared = TestBuffers(candidates: candidates, values: values)
                @Sendable func half(_ range: Range<Int>) -> [Int] {
                    var kept: [Int] = []
                    kept.reserveCapacity(range.count)
                    if let validity {
                        for index in range {
                            let row = shared.candidates[index]
                            if validity.isValid(row) ? holds(shared.values[row]) : whenNull { kept.append(row) }
                        }
                    } else {
                        for index in range where holds(shared.values[shared.candidates[index]]) {
                            kept.append(shared.candidates[index])
                        }
                    }
                    return kept
                }
                guard candidates.count >= parallelCount else { return half(0..<candidates.count) }
                let middle = candidates.count / 2
                let halves = HalfResults()
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    halves.store(part == 0 ? half(0..<middle) : half(middle..<shared.candidates.count), at: part)
                }
                return halves.first + halves.second
            }
        }
    }
}

/// The candidates and values read by the two workers of one check.
private struct TestBuffers<Element>: @unchecked Sendable {
    let candidates: UnsafeBufferPointer<Int>
    let values: UnsafeBufferPointer<Element>
}

/// The two halves' kept rows: each worker stores only its own half, read after both finished.
private final class HalfResults: @unchecked Sendable {
    private(set) var first: [Int] = []
    private(set) var second: [Int] = []

    func store(_ rows: [Int], at part: Int) {
        if part == 0 { first = rows } else { second = rows }
    }
}
