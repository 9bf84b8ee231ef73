// One side of a `where a and b`, checked only on the rows the other side kept.
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
    func filter(_ candidates: [Int]) -> [Int] {
        switch kind {
        case .code(let predicate, let codes):
            return candidates.filter { row in
                column.isNull(row) ? predicate.matchesNull : predicate.matches[Int(codes[row])]
            }
        case .value(let comparison):
            if comparison.constant.isNull(0) { return [] }
            switch (column.storage, comparison.constant.storage) {
            case (.int64(let values), .int64(let scalar)):
                return candidates.filter { !column.isNull($0) && ComparisonKernels.holds(comparison.op, values[$0], scalar[0]) }
            case (.float(let values), .float(let scalar)):
                return candidates.filter { !column.isNull($0) && ComparisonKernels.holds(comparison.op, values[$0], scalar[0]) }
            default:
                preconditionFailure("comparing \(column.type) with \(comparison.constant.type) passed the binder")
            }
        }
    }
}
