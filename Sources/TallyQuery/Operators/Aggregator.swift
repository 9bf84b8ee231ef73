// Computes aggregate functions per group, one pass over the argument column each.
import TallyStore

/// Aggregates over rows already assigned to groups. All-null (or empty) groups give null for
/// `sum`, `avg`, `min`, `max`, `median`, `percentile`, `first`, `last`, and 0 for the counts.
/// `percentile(x, p)` interpolates linearly between the two nearest ranks, like DuckDB's
/// `quantile_cont`: position p/100 · (n − 1) in the sorted non-null values. `median` is p = 50.
struct Aggregator {
    let grouping: Grouping
    let context: ExecutionContext

    func compute(_ aggregate: BoundAggregate, argument: Column?) throws(Diagnostic) -> Column {
        let groups = grouping.groupCount
        let ids = grouping.ids
        switch aggregate.function {
        case .count, .countif:
            var counts = [Int64](repeating: 0, count: groups)
            if let argument {
                let flags = aggregate.function == .countif ? argument.boolValues : nil
                for row in 0..<ids.count where !argument.isNull(row) && (flags?[row] ?? true) { counts[Int(ids[row])] += 1 }
            } else {
                for id in ids { counts[Int(id)] += 1 }
            }
            return .int(counts)
        case .dcount:
            return distinctCounts(argument!)
        case .sum, .avg:
            return sumOrAverage(aggregate, argument!)
        case .min, .max:
            return extreme(argument!, wantsMax: aggregate.function == .max)
        case .first, .last:
            var chosen = [Int](repeating: -1, count: groups)
            for row in 0..<ids.count where !argument!.isNull(row) {
                let group = Int(ids[row])
                if aggregate.function == .last || chosen[group] < 0 { chosen[group] = row }
            }
            return argument!.gatheredAllowingNulls(chosen)
        case .median, .percentile:
            return try percentiles(argument!, p: aggregate.parameter, type: aggregate.type)
        }
    }

    private func distinctCounts(_ argument: Column) -> Column {
        let (values, valueCount) = KeyEncoder.denseIds(argument, nullsMatch: false)
        let groups = grouping.groupCount
        var counts = [Int64](repeating: 0, count: groups)
        if groups == 1 {
            var seen = [Bool](repeating: false, count: valueCount)
            for value in values where value >= 0 && !seen[Int(value)] { seen[Int(value)] = true; counts[0] += 1 }
        } else if groups * valueCount <= 1 << 28 {
            // One bit per (group, value): 30 days × 1M users is under 4 MB, and no hashing.
            var bits = [UInt64](repeating: 0, count: (groups * valueCount + 63) >> 6)
            let ids = grouping.ids
            bits.withUnsafeMutableBufferPointer { bits in
                for row in 0..<values.count where values[row] >= 0 {
                    let group = Int(ids[row])
                    let slot = group * valueCount + Int(values[row])
                    let mask: UInt64 = 1 << UInt64(slot & 63)
                    if bits[slot >> 6] & mask == 0 {
                        bits[slot >> 6] |= mask
                        counts[group] += 1
                    }
                }
            }
        } else {
            // (group, value) pairs made dense; each new pair counts once for its group.
            let (pairs, _) = KeyEncoder.combine(grouping.ids, groups, values, valueCount)
            var seen = [Bool](repeating: false, count: pairs.count + 1)
            for row in 0..<pairs.count where pairs[row] >= 0 && !seen[Int(pairs[row])] {
                seen[Int(pairs[row])] = true
                counts[Int(grouping.ids[row])] += 1
            }
        }
        return .int(counts)
    }

    private func sumOrAverage(_ aggregate: BoundAggregate, _ argument: Column) -> Column {
        let groups = grouping.groupCount, ids = grouping.ids
        var counts = [Int64](repeating: 0, count: groups)
        var mask = NullMask(count: groups)
        if let values = argument.int64Values, aggregate.type != .float {
            var sums = [Int64](repeating: 0, count: groups)
            for row in 0..<ids.count where !argument.isNull(row) {
                sums[Int(ids[row])] &+= values[row]
                counts[Int(ids[row])] += 1
            }
            for group in 0..<groups where counts[group] == 0 { mask.setNull(group) }
            if aggregate.function == .avg {
                for group in 0..<groups where counts[group] > 0 {
                    sums[group] = Int64((Double(sums[group]) / Double(counts[group])).rounded())
                }
            }
            return Column(type: aggregate.type, storage: .int64(sums), validity: mask.bitmap)
        }
        var sums = [Double](repeating: 0, count: groups)
        if let values = argument.int64Values {
            for row in 0..<ids.count where !argument.isNull(row) { sums[Int(ids[row])] += Double(values[row]); counts[Int(ids[row])] += 1 }
        } else if let values = argument.floatValues {
            for row in 0..<ids.count where !argument.isNull(row) { sums[Int(ids[row])] += values[row]; counts[Int(ids[row])] += 1 }
        }
        for group in 0..<groups where counts[group] == 0 { mask.setNull(group) }
        if aggregate.function == .avg {
            for group in 0..<groups where counts[group] > 0 { sums[group] /= Double(counts[group]) }
        }
        return .float(sums, validity: mask.bitmap)
    }

    private func extreme(_ argument: Column, wantsMax: Bool) -> Column {
        let ranks = SortKeyRanks(argument)
        var chosen = [Int](repeating: -1, count: grouping.groupCount)
        for row in 0..<grouping.ids.count where !argument.isNull(row) {
            let group = Int(grouping.ids[row])
            let current = chosen[group]
            if current < 0 || (wantsMax ? ranks.less(current, row) : ranks.less(row, current)) { chosen[group] = row }
        }
        return argument.gatheredAllowingNulls(chosen)
    }

    private func percentiles(_ argument: Column, p: Double, type: DataType) throws(Diagnostic) -> Column {
        let groups = grouping.groupCount
        // Values laid out group after group (a counting sort by group id), then each slice sorted.
        let ids = grouping.ids
        var starts = [Int](repeating: 0, count: groups + 1)
        for row in 0..<ids.count where !argument.isNull(row) { starts[Int(ids[row]) + 1] += 1 }
        for group in 0..<groups { starts[group + 1] += starts[group] }
        var cursor = starts
        var values = [Double](repeating: 0, count: starts[groups])
        let ints = argument.int64Values, floats = argument.floatValues
        for row in 0..<ids.count where !argument.isNull(row) {
            let group = Int(ids[row])
            values[cursor[group]] = ints.map { Double($0[row]) } ?? floats![row]
            cursor[group] += 1
        }
        var mask = NullMask(count: groups)
        var results = [Double](repeating: 0, count: groups)
        for group in 0..<groups {
            if group % 4096 == 0 { try context.checkCancellation() }
            let slice = starts[group]..<starts[group + 1]
            guard !slice.isEmpty else { mask.setNull(group); continue }
            values[slice].sort()
            let sorted = values[slice]
            let position = p / 100 * Double(sorted.count - 1)
            let lower = Int(position.rounded(.down))
            let upper = min(sorted.count - 1, lower + 1)
            let fraction = position - Double(lower)
            let base = sorted.startIndex
            results[group] = sorted[base + lower] + (sorted[base + upper] - sorted[base + lower]) * fraction
        }
        if type == .float { return .float(results, validity: mask.bitmap) }
        return Column(type: type, storage: .int64(results.map { Int64($0.rounded()) }), validity: mask.bitmap)
    }
}
