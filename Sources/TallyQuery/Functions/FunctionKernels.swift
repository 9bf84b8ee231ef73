// Dispatches a bound scalar function call to its kernel.
import TallyStore

enum FunctionKernels {
    static func apply(_ function: ScalarFunction, _ arguments: [Column], count: Int, type: DataType,
                      context: ExecutionContext) throws(Diagnostic) -> Column {
        switch function {
        case .hour, .day, .date, .week, .month, .year, .bin, .dayofweek, .hourofday:
            return TimeFunctions.apply(function, arguments, context: context)
        case .lower, .upper, .length, .trim, .substring, .concat, .replace:
            return StringFunctions.apply(function, arguments, count: count)
        case .abs, .round, .floor, .ceil, .sqrt, .ln, .log10, .exp, .pow, .least, .greatest, .coalesce:
            return MathFunctions.apply(function, arguments, count: count, type: type)
        case .int, .float, .string, .timestamp, .bool, .duration:
            // Casts are bound as `.cast` nodes; this is only reached if a plan is built by hand.
            return try CastKernels.cast(arguments[0], to: type, context: context, span: SourceSpan(start: 0, end: 0))
        }
    }

    /// `values.map(transform)` keeping the input's nulls, for Int64-backed columns.
    @inline(__always)
    static func mapInt64(_ column: Column, type: DataType, _ transform: (Int64) -> Int64) -> Column {
        let values = column.int64Values!
        var result = [Int64](repeating: 0, count: values.count)
        let hasNulls = column.hasNulls
        values.withUnsafeBufferPointer { input in
            result.withUnsafeMutableBufferPointer { output in
                if hasNulls {
                    for row in 0..<input.count where !column.isNull(row) { output[row] = transform(input[row]) }
                } else {
                    for row in 0..<input.count { output[row] = transform(input[row]) }
                }
            }
        }
        return Column(type: type, storage: .int64(result), validity: column.validity)
    }

    /// `values.map(transform)` for float columns; NaN results become null.
    static func mapDouble(_ column: Column, _ transform: (Double) -> Double) -> Column {
        let values = column.floatValues!
        var result = [Double](repeating: 0, count: values.count)
        var mask = NullMask(count: values.count, column.validity)
        for row in 0..<values.count where !column.isNull(row) {
            let value = transform(values[row])
            if value.isNaN { mask.setNull(row) } else { result[row] = value }
        }
        return .float(result, validity: mask.bitmap)
    }
}
