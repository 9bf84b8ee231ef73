// A `where` of the form `column op constant` on a number or time column, scanned without a bool column.
import TallyStore

/// `amount > 100`, `ts >= 2024-03-01`, `score != 0`: the rows are chosen straight from the values,
/// in parts over the cores, instead of materialising a boolean column of every row first.
/// The comparisons are Swift's on `Int64`/`Double`, as in `ComparisonKernels`, so NaN behaves the
/// same (false for all but `!=`); a null row is never chosen, a null constant chooses nothing.
struct ValueComparison {
    let columnIndex: Int
    let op: ComparisonOperator
    /// The constant, as a one-row column of the column's type.
    let constant: Column

    /// Recognises the shape (either side may be the column); nil otherwise.
    static func make(_ condition: BoundExpression, columns: [Column],
                     evaluator: Evaluator) throws(Diagnostic) -> ValueComparison? {
        guard case .comparison(let op, let left, let right) = condition.kind else { return nil }
        func isConstant(_ e: BoundExpression) -> Bool { e.isConstant || e.literalValue != nil }
        let (columnSide, constantSide, effective): (BoundExpression, BoundExpression, ComparisonOperator)
        if isConstant(right) { (columnSide, constantSide, effective) = (left, right, op) }
        else if isConstant(left) { (columnSide, constantSide, effective) = (right, left, op.flipped) }
        else { return nil }
        guard case .column(let index) = columnSide.kind, columnSide.type != .string, columnSide.type != .bool else { return nil }
        switch columns[index].storage {
        case .int64, .float: break
        default: return nil
        }
        let constant = try evaluator.evaluate(constantSide, columns: columns, count: 1)
        return ValueComparison(columnIndex: index, op: effective, constant: constant)
    }

    /// The rows, ascending, where the comparison is true.
    /// - Complexity: O(rows), one read of the values (two in dense parts), no per-row allocation.
    func rows(_ column: Column, partSize: Int = CodeScan.defaultPartSize) -> [Int] {
        if constant.isNull(0) { return [] }
        switch (column.storage, constant.storage) {
        case (.int64(let values), .int64(let scalar)): return Self.rows(values, column.validity, op, scalar[0], partSize)
        case (.float(let values), .float(let scalar)): return Self.rows(values, column.validity, op, scalar[0], partSize)
        default: preconditionFailure("comparing \(column.type) with \(constant.type) passed the binder")
        }
    }

    private static func rows<T: Comparable & Sendable>(_ values: [T], _ validity: ValidityBitmap?, _ op: ComparisonOperator,
                                                      _ scalar: T, _ partSize: Int) -> [Int] {
        values.withUnsafeBufferPointer { values in
            let shared = SharedReadOnly(buffer: values)
            return PartitionedSelection.rows(count: values.count, partSize: partSize) { range, output, capacity in
                switch op {
                case .equal: return write(shared.buffer, validity, range, output, capacity) { $0 == scalar }
                case .notEqual: return write(shared.buffer, validity, range, output, capacity) { $0 != scalar }
                case .less: return write(shared.buffer, validity, range, output, capacity) { $0 < scalar }
                case .lessOrEqual: return write(shared.buffer, validity, range, output, capacity) { $0 <= scalar }
                case .greater: return write(shared.buffer, validity, range, output, capacity) { $0 > scalar }
                case .greaterOrEqual: return write(shared.buffer, validity, range, output, capacity) { $0 >= scalar }
                }
            }
        }
    }

    @inline(__always)
    private static func write<T>(_ values: UnsafeBufferPointer<T>, _ validity: ValidityBitmap?, _ range: Range<Int>,
                                 _ output: UnsafeMutablePointer<Int>, _ capacity: Int, _ holds: (T) -> Bool) -> Int {
        var found = 0
        if let validity {
            for row in range where holds(values[row]) && validity.isValid(row) {
                if found < capacity { (output + found).initialize(to: row) }
                found &+= 1
            }
        } else {
            for row in range where holds(values[row]) {
                if found < capacity { (output + found).initialize(to: row) }
                found &+= 1
            }
        }
        return found
    }
}
