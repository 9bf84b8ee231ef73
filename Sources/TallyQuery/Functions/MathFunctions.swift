// Math functions and the null-aware choosers `least`, `greatest`, `coalesce`.
import TallyStore
import Foundation

enum MathFunctions {
    static func apply(_ function: ScalarFunction, _ arguments: [Column], count: Int, type: DataType) -> Column {
        let input = arguments[0]
        switch function {
        case .abs:
            if input.type == .float { return FunctionKernels.mapDouble(input) { Swift.abs($0) } }
            return FunctionKernels.mapInt64(input, type: input.type) { $0 < 0 ? 0 &- $0 : $0 }
        case .round:
            if input.type == .int { return input }
            if arguments.count == 2 {
                let digits = arguments[1].int64Values!
                let values = input.floatValues!
                var mask = NullMask(count: count, input.validity, arguments[1].validity)
                var result = [Double](repeating: 0, count: count)
                for row in 0..<count where !mask.isNull(row) {
                    let scale = Foundation.pow(10.0, Double(digits[row]))
                    let value = (values[row] * scale).rounded(.toNearestOrAwayFromZero) / scale
                    if value.isNaN { mask.setNull(row) } else { result[row] = value }
                }
                return .float(result, validity: mask.bitmap)
            }
            return FunctionKernels.mapDouble(input) { $0.rounded(.toNearestOrAwayFromZero) }
        case .floor:
            return input.type == .int ? input : FunctionKernels.mapDouble(input) { $0.rounded(.down) }
        case .ceil:
            return input.type == .int ? input : FunctionKernels.mapDouble(input) { $0.rounded(.up) }
        case .sqrt: return FunctionKernels.mapDouble(input) { $0.squareRoot() }
        case .ln: return FunctionKernels.mapDouble(input) { $0 > 0 ? Foundation.log($0) : .nan }
        case .log10: return FunctionKernels.mapDouble(input) { $0 > 0 ? Foundation.log10($0) : .nan }
        case .exp: return FunctionKernels.mapDouble(input) { Foundation.exp($0) }
        case .pow:
            let a = input.floatValues!, b = arguments[1].floatValues!
            var mask = NullMask(count: count, input.validity, arguments[1].validity)
            var result = [Double](repeating: 0, count: count)
            for row in 0..<count where !mask.isNull(row) {
                let value = Foundation.pow(a[row], b[row])
                if value.isNaN { mask.setNull(row) } else { result[row] = value }
            }
            return .float(result, validity: mask.bitmap)
        case .coalesce:
            var branch = [Int](repeating: -1, count: count)
            for row in 0..<count {
                branch[row] = arguments.firstIndex { !$0.isNull(row) } ?? -1
            }
            return Column.choose(branch, from: arguments, type: type)
        case .least, .greatest:
            var branch = [Int](repeating: -1, count: count)
            for row in 0..<count {
                var best: (Int, Value)?
                for (index, argument) in arguments.enumerated() where !argument.isNull(row) {
                    let value = argument.value(at: row)
                    if let current = best {
                        let isBetter = function == .least ? ValueOrder.less(value, current.1) : ValueOrder.less(current.1, value)
                        if isBetter { best = (index, value) }
                    } else {
                        best = (index, value)
                    }
                }
                branch[row] = best?.0 ?? -1
            }
            return Column.choose(branch, from: arguments, type: type)
        default:
            preconditionFailure("\(function) is not a math function")
        }
    }
}

/// Ordering of two non-null values of the same type (row-at-a-time paths only).
enum ValueOrder {
    static func less(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)), (.timestamp(let x), .timestamp(let y)), (.duration(let x), .duration(let y)),
             (.date(let x), .date(let y)):
            return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.string(let x), .string(let y)): return x < y
        case (.bool(let x), .bool(let y)): return !x && y
        default: return false
        }
    }
}
