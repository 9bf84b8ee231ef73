// Arithmetic on whole columns. Division or remainder by zero gives null.
import TallyStore

enum ArithmeticKernels {
    static func apply(_ op: ArithmeticOperator, _ left: Column, _ right: Column, resultType: DataType) -> Column {
        let count = left.count
        var mask = NullMask(count: count, left.validity, right.validity)
        switch (left.storage, right.storage) {
        case (.int64(let a), .int64(let b)) where resultType == .float:
            // duration / duration
            var values = [Double](repeating: 0, count: count)
            for row in 0..<count {
                if b[row] == 0 { mask.setNull(row); continue }
                values[row] = Double(a[row]) / Double(b[row])
            }
            return .float(values, validity: mask.bitmap)
        case (.int64(let a), .int64(let b)):
            var values = [Int64](repeating: 0, count: count)
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    switch op {
                    case .add: for row in 0..<count { values[row] = a[row] &+ b[row] }
                    case .subtract: for row in 0..<count { values[row] = a[row] &- b[row] }
                    case .multiply: for row in 0..<count { values[row] = a[row] &* b[row] }
                    case .divide:
                        for row in 0..<count {
                            if b[row] == 0 { mask.setNull(row) } else { values[row] = a[row].dividedReportingOverflow(by: b[row]).partialValue }
                        }
                    case .remainder:
                        for row in 0..<count {
                            if b[row] == 0 { mask.setNull(row) } else { values[row] = a[row].remainderReportingOverflow(dividingBy: b[row]).partialValue }
                        }
                    }
                }
            }
            return Column(type: resultType, storage: .int64(values), validity: mask.bitmap)
        case (.float(let a), .float(let b)):
            var values = [Double](repeating: 0, count: count)
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    switch op {
                    case .add: for row in 0..<count { values[row] = a[row] + b[row] }
                    case .subtract: for row in 0..<count { values[row] = a[row] - b[row] }
                    case .multiply: for row in 0..<count { values[row] = a[row] * b[row] }
                    case .divide:
                        for row in 0..<count {
                            if b[row] == 0 { mask.setNull(row) } else { values[row] = a[row] / b[row] }
                        }
                    case .remainder:
                        for row in 0..<count {
                            if b[row] == 0 { mask.setNull(row) } else { values[row] = a[row].truncatingRemainder(dividingBy: b[row]) }
                        }
                    }
                }
            }
            return .float(values, validity: mask.bitmap)
        case (.int64(let a), .float(let b)):
            // duration × float, duration ÷ float
            var values = [Int64](repeating: 0, count: count)
            for row in 0..<count where !mask.isNull(row) {
                let scaled = op == .divide ? Double(a[row]) / b[row] : Double(a[row]) * b[row]
                // Out of range (or divided by zero): null rather than a trap.
                if let micros = Int64(exactly: scaled.rounded()) { values[row] = micros } else { mask.setNull(row) }
            }
            return Column(type: resultType, storage: .int64(values), validity: mask.bitmap)
        case (.float(let a), .int64(let b)):
            // float × duration
            var values = [Int64](repeating: 0, count: count)
            for row in 0..<count where !mask.isNull(row) {
                if let micros = Int64(exactly: (a[row] * Double(b[row])).rounded()) { values[row] = micros } else { mask.setNull(row) }
            }
            return Column(type: resultType, storage: .int64(values), validity: mask.bitmap)
        default:
            preconditionFailure("arithmetic on \(left.type) and \(right.type) passed the binder")
        }
    }

    static func negate(_ column: Column) -> Column {
        switch column.storage {
        case .int64(let values): return Column(type: column.type, storage: .int64(values.map { 0 &- $0 }), validity: column.validity)
        case .float(let values): return .float(values.map { 0 - $0 }, validity: column.validity)
        default: preconditionFailure("negating \(column.type) passed the binder")
        }
    }
}
