// Three-valued `and`, `or`, `not` over bool columns.
import TallyStore

enum LogicalKernels {
    /// false if either side is false, else null if either is null, else true.
    static func and(_ left: Column, _ right: Column) -> Column {
        combine(left, right, dominant: false)
    }

    /// true if either side is true, else null if either is null, else false.
    static func or(_ left: Column, _ right: Column) -> Column {
        combine(left, right, dominant: true)
    }

    private static func combine(_ left: Column, _ right: Column, dominant: Bool) -> Column {
        let a = left.boolValues!, b = right.boolValues!
        let count = a.count
        var values = [Bool](repeating: !dominant, count: count)
        if !left.hasNulls && !right.hasNulls {
            for row in 0..<count { values[row] = dominant ? (a[row] || b[row]) : (a[row] && b[row]) }
            return .bool(values)
        }
        var mask = NullMask(count: count)
        for row in 0..<count {
            let aNull = left.isNull(row), bNull = right.isNull(row)
            if (!aNull && a[row] == dominant) || (!bNull && b[row] == dominant) {
                values[row] = dominant
            } else if aNull || bNull {
                mask.setNull(row)
            }
        }
        return .bool(values, validity: mask.bitmap)
    }

    static func not(_ column: Column) -> Column {
        .bool(column.boolValues!.map { !$0 }, validity: column.validity)
    }
}
