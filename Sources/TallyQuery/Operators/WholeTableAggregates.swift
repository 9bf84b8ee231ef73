// Aggregates of a `summarize` without `by`: one group of every row, folded without group ids.
import Dispatch
import TallyStore

/// `count`, `countif`, `sum`, `avg`, `min` and `max` over all rows, with the results of
/// `Aggregator` (the same folds in the same row order) but without a 4-byte group id per row.
enum WholeTableAggregates {
    /// The one-row result of `aggregate` over every row, or nil when this function or argument type
    /// takes the grouped path (`dcount`, `median`, `percentile`, `first`, `last`; strings and bools
    /// for `min`/`max`).
    /// - Complexity: O(rows), one pass, no allocation.
    /// - Parameter parallelCount: integer columns at least this long are folded by two workers.
    static func compute(_ aggregate: BoundAggregate, argument: Column?, rowCount: Int,
                        parallelCount: Int = defaultParallelCount) -> Column? {
        switch aggregate.function {
        case .count:
            guard let argument else { return .int([Int64(rowCount)]) }
            return .int([Int64(argument.count - argument.nullCount)])
        case .countif:
            guard let argument, let flags = argument.boolValues else { return nil }
            var count = 0
            flags.withUnsafeBufferPointer { flags in
                for row in 0..<flags.count where flags[row] && !argument.isNull(row) { count += 1 }
            }
            return .int([Int64(count)])
        case .sum, .avg:
            guard let argument else { return nil }
            return sumOrAverage(aggregate, argument)
        case .min, .max:
            guard let argument else { return nil }
            return extreme(argument, wantsMax: aggregate.function == .max, parallelCount: parallelCount)
        case .dcount, .median, .percentile, .first, .last:
            return nil
        }
    }

    private static func sumOrAverage(_ aggregate: BoundAggregate, _ argument: Column) -> Column {
        let validity = argument.validity
        if let values = argument.int64Values, aggregate.type != .float {
            var sum: Int64 = 0, count = 0
            values.withUnsafeBufferPointer { values in
                for row in 0..<values.count where validity?.isValid(row) ?? true {
                    sum &+= values[row]
                    count += 1
                }
            }
            if count == 0 { return .nulls(aggregate.type, count: 1) }
            if aggregate.function == .avg { sum = Int64((Double(sum) / Double(count)).rounded()) }
            return Column(type: aggregate.type, storage: .int64([sum]))
        }
        // Floats are added in row order, as the grouped path does, so the rounding is the same.
        var sum = 0.0, count = 0
        if let values = argument.int64Values {
            values.withUnsafeBufferPointer { values in
                for row in 0..<values.count where validity?.isValid(row) ?? true { sum += Double(values[row]); count += 1 }
            }
        } else if let values = argument.floatValues {
            values.withUnsafeBufferPointer { values in
                for row in 0..<values.count where validity?.isValid(row) ?? true { sum += values[row]; count += 1 }
            }
        }
        if count == 0 { return .nulls(.float, count: 1) }
        if aggregate.function == .avg { sum /= Double(count) }
        return .float([sum])
    }

    /// The first non-null value, replaced by each later value strictly smaller (larger for max),
    /// which is what the grouped path keeps (so a leading NaN stays, as there).
    private static func extreme(_ argument: Column, wantsMax: Bool, parallelCount: Int) -> Column? {
        let validity = argument.validity
        switch argument.storage {
        case .int64(let values):
            // Integers have no NaN, so halves can be folded apart and their results folded.
            let best = values.withUnsafeBufferPointer { values -> Int64? in
                guard values.count >= parallelCount else { return foldIntegers(values, 0..<values.count, validity, wantsMax: wantsMax) }
                var halves: [Int64?] = [nil, nil]
                halves.withUnsafeMutableBufferPointer { halves in
                    let shared = FoldBuffers(values: values, halves: halves)
                    DispatchQueue.concurrentPerform(iterations: 2) { half in
                        let middle = shared.values.count / 2
                        shared.halves[half] = foldIntegers(shared.values, half == 0 ? 0..<middle : middle..<shared.values.count,
                                                           validity, wantsMax: wantsMax)
                    }
                }
                let present = halves.compactMap { $0 }
                return present.isEmpty ? nil : (wantsMax ? present.max()! : present.min()!)
            }
            guard let best else { return .nulls(argument.type, count: 1) }
            return Column(type: argument.type, storage: .int64([best]))
        case .float(let values):
            let best = values.withUnsafeBufferPointer { fold($0, 0..<$0.count, validity, wantsMax: wantsMax) }
            guard let best else { return .nulls(.float, count: 1) }
            return .float([best])
        case .bool, .string:
            return nil
        }
    }

    /// `min` and `max` of an integer column without nulls in one pass (half the memory traffic of
    /// two folds, when a `summarize` asks for both); nil for other columns.
    static func extremes(_ argument: Column, parallelCount: Int = defaultParallelCount) -> (min: Column, max: Column)? {
        guard let values = argument.int64Values, argument.validity == nil, !values.isEmpty else { return nil }
        let (low, high) = values.withUnsafeBufferPointer { values -> (Int64, Int64) in
            guard values.count >= parallelCount else { return foldBoth(values, 0..<values.count) }
            var halves: [(Int64, Int64)] = [(0, 0), (0, 0)]
            halves.withUnsafeMutableBufferPointer { halves in
                let shared = BothFoldBuffers(values: values, halves: halves)
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    let middle = shared.values.count / 2
                    shared.halves[half] = foldBoth(shared.values, half == 0 ? 0..<middle : middle..<shared.values.count)
                }
            }
            return (min(halves[0].0, halves[1].0), max(halves[0].1, halves[1].1))
        }
        return (Column(type: argument.type, storage: .int64([low])), Column(type: argument.type, storage: .int64([high])))
    }

    /// Smallest and largest of a non-empty range, two running pairs to overlap the comparisons.
    private static func foldBoth(_ values: UnsafeBufferPointer<Int64>, _ range: Range<Int>) -> (Int64, Int64) {
        var low0 = values[range.lowerBound], low1 = low0, high0 = low0, high1 = low0
        var row = range.lowerBound
        let end = range.upperBound
        while row &+ 2 <= end {
            let a = values[row], b = values[row &+ 1]
            low0 = min(low0, a)
            high0 = max(high0, a)
            low1 = min(low1, b)
            high1 = max(high1, b)
            row &+= 2
        }
        if row < end {
            low0 = min(low0, values[row])
            high0 = max(high0, values[row])
        }
        return (min(low0, low1), max(high0, high1))
    }

    /// Integer columns at least this long are folded by two workers.
    static let defaultParallelCount = 1 << 20

    /// `fold` for integers; without nulls, four running extremes break the dependency from one
    /// comparison to the next (for integers the order of comparisons does not change the result).
    private static func foldIntegers(_ values: UnsafeBufferPointer<Int64>, _ range: Range<Int>, _ validity: ValidityBitmap?,
                                     wantsMax: Bool) -> Int64? {
        guard validity == nil, !range.isEmpty else { return fold(values, range, validity, wantsMax: wantsMax) }
        return wantsMax ? foldFour(values, range, max) : foldFour(values, range, min)
    }

    @inline(__always)
    private static func foldFour(_ values: UnsafeBufferPointer<Int64>, _ range: Range<Int>,
                                 _ better: (Int64, Int64) -> Int64) -> Int64 {
        var a = values[range.lowerBound], b = a, c = a, d = a
        var row = range.lowerBound
        let end = range.upperBound
        while row &+ 4 <= end {
            a = better(a, values[row])
            b = better(b, values[row &+ 1])
            c = better(c, values[row &+ 2])
            d = better(d, values[row &+ 3])
            row &+= 4
        }
        while row < end {
            a = better(a, values[row])
            row &+= 1
        }
        return better(better(a, b), better(c, d))
    }

    private static func fold<T: Comparable>(_ values: UnsafeBufferPointer<T>, _ range: Range<Int>, _ validity: ValidityBitmap?,
                                            wantsMax: Bool) -> T? {
        var row = range.lowerBound
        if let validity { while row < range.upperBound && !validity.isValid(row) { row += 1 } }
        guard row < range.upperBound else { return nil }
        var current = values[row]
        let rest = row + 1..<range.upperBound
        if let validity {
            for row in rest where validity.isValid(row) {
                let value = values[row]
                if wantsMax ? current < value : value < current { current = value }
            }
        } else if wantsMax {
            for row in rest where current < values[row] { current = values[row] }
        } else {
            for row in rest where values[row] < current { current = values[row] }
        }
        return current
    }
}

/// The values and the two half results of a parallel fold: values are only read, and each worker
/// writes its own slot.
private struct FoldBuffers: @unchecked Sendable {
    let values: UnsafeBufferPointer<Int64>
    let halves: UnsafeMutableBufferPointer<Int64?>
}

/// The values and the two half results of a parallel min-and-max fold, shared like `FoldBuffers`.
private struct BothFoldBuffers: @unchecked Sendable {
    let values: UnsafeBufferPointer<Int64>
    let halves: UnsafeMutableBufferPointer<(Int64, Int64)>
}
