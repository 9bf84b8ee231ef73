// The rows a `where` condition keeps: a fast path per dictionary value, else the condition per row.
import TallyStore

/// Chooses the rows where a condition is true (not false, not null).
enum RowSelection {
    /// Row indices, ascending, where `condition` is true over `columns` (`rowCount` rows each).
    ///
    /// A condition on one string column against literals is decided once per dictionary value
    /// (`DictionaryPredicate`) and the codes are scanned (`CodeScan`); `column op constant` on a
    /// number or time column is scanned straight from the values (`ValueComparison`); in `a and b`
    /// with one side of those shapes, the other side selects and that side is checked on its rows
    /// only (`RowTest`); anything else is evaluated as a boolean column.
    /// - Complexity: O(rows); the fast path reads 1–4 bytes per row and allocates only the result.
    static func rows(_ condition: BoundExpression, columns: [Column], rowCount: Int,
                     evaluator: Evaluator) throws(Diagnostic) -> [Int] {
        if let predicate = try DictionaryPredicate.make(condition, columns: columns, rowCount: rowCount,
                                                        evaluator: evaluator) {
            try evaluator.context.checkCancellation()
            return CodeScan.rows(columns[predicate.columnIndex], predicate)
        }
        return try rowsWithoutDictionaryPredicate(condition, columns: columns, rowCount: rowCount, evaluator: evaluator)
    }

    /// `rows` for a condition that is not a `DictionaryPredicate` (the caller has checked).
    private static func rowsWithoutDictionaryPredicate(_ condition: BoundExpression, columns: [Column], rowCount: Int,
                                                       evaluator: Evaluator) throws(Diagnostic) -> [Int] {
        if let comparison = try ValueComparison.make(condition, columns: columns, evaluator: evaluator) {
            try evaluator.context.checkCancellation()
            return comparison.rows(columns[comparison.columnIndex])
        }
        if case .and(let left, let right) = condition.kind {
            // One side a fast-path test: select by the other, then keep the rows where it holds.
            if let test = try RowTest.make(right, columns: columns, rowCount: rowCount, evaluator: evaluator) {
                return test.filter(try rows(left, columns: columns, rowCount: rowCount, evaluator: evaluator))
            }
            if let test = try RowTest.make(left, columns: columns, rowCount: rowCount, evaluator: evaluator) {
                return test.filter(try rows(right, columns: columns, rowCount: rowCount, evaluator: evaluator))
            }
        }
        let flags = try evaluator.evaluate(condition, columns: columns, count: rowCount)
        return trueRows(flags)
    }

    /// The number of rows `rows` would return; the fast path counts without listing them.
    static func count(_ condition: BoundExpression, columns: [Column], rowCount: Int,
                      evaluator: Evaluator) throws(Diagnostic) -> Int {
        if let predicate = try DictionaryPredicate.make(condition, columns: columns, rowCount: rowCount,
                                                        evaluator: evaluator) {
            try evaluator.context.checkCancellation()
            return CodeScan.count(columns[predicate.columnIndex], predicate)
        }
        return try rowsWithoutDictionaryPredicate(condition, columns: columns, rowCount: rowCount, evaluator: evaluator)
            .count
    }

    /// The rows of a boolean column that are true and not null.
    static func trueRows(_ flags: Column) -> [Int] {
        let values = flags.boolValues!
        var selected: [Int] = []
        selected.reserveCapacity(values.count / 4)
        values.withUnsafeBufferPointer { values in
            if let validity = flags.validity {
                for row in 0..<values.count where values[row] && validity.isValid(row) { selected.append(row) }
            } else {
                for row in 0..<values.count where values[row] { selected.append(row) }
            }
        }
        return selected
    }
}
