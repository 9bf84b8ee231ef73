// The local calendar day of every usable row, computed on two cores for large inputs.
import TallyPluginAPI
import TallyStore

/// Local day numbers (days since 1970-01-01 in the session zone) of the input rows.
struct LocalDays {
    /// Marks a row that is ignored: its user or its time is null.
    static let ignored = Int32.min

    /// One entry per input row: the local day, or `ignored`.
    var days: [Int32]
    /// The earliest and latest day of a usable row; nil when there is none.
    var range: ClosedRange<Int64>?

    /// Rows per unit of work between cancellation checks.
    private static let chunkRows = 1 << 16

    /// - Parameters:
    ///   - userIDs: per-row dense user ids (`DenseUserIDs.nullID` for a null user).
    ///   - time: a `timestamp` column (bucketed in `zone`) or a `date` column (taken as is).
    /// - Complexity: O(rows), split in two halves run in parallel when the input is large.
    init(userIDs: [UInt32], time: Column, zone: ZoneCalendar, context: PluginContext) throws(PluginError) {
        let rows = userIDs.count
        let values = time.int64Values ?? []
        let validity = time.validity
        let isDate = time.type == .date
        var days = [Int32](repeating: Self.ignored, count: rows)
        var partials = [Partial](repeating: Partial(), count: TwoCoreSplit.parts(rows: rows))
        days.withUnsafeMutableBufferPointer { daysBuffer in
            partials.withUnsafeMutableBufferPointer { partialBuffer in
                userIDs.withUnsafeBufferPointer { idsBuffer in
                    values.withUnsafeBufferPointer { timesBuffer in
                        let output = SharedBuffer(daysBuffer), results = SharedBuffer(partialBuffer)
                        let ids = SharedBuffer(idsBuffer), times = SharedBuffer(timesBuffer)
                        TwoCoreSplit.run(rows: rows) { part, rowRange in
                            var partial = Partial()
                            var lookup = LocalDayLookup(zone: zone)
                            var chunkStart = rowRange.lowerBound
                            while chunkStart < rowRange.upperBound, !partial.isCancelled {
                                partial.isCancelled = context.isCancelled
                                let chunk = chunkStart..<min(chunkStart + Self.chunkRows, rowRange.upperBound)
                                for row in chunk where ids[row] != DenseUserIDs.nullID {
                                    if let validity, !validity.isValid(row) { continue }
                                    let day = isDate ? times[row] : lookup.day(ofUTC: times[row])
                                    output[row] = Int32(clamping: day)
                                    partial.low = min(partial.low, day)
                                    partial.high = max(partial.high, day)
                                }
                                chunkStart = chunk.upperBound
                            }
                            results[part] = partial
                        }
                    }
                }
            }
        }
        if partials.contains(where: \.isCancelled) { throw PluginError.cancelled }
        self.days = days
        let low = partials.map(\.low).min() ?? .max, high = partials.map(\.high).max() ?? .min
        range = low <= high ? low...high : nil
    }

    /// The earliest and latest local day of the rows of `table` with a user and a time, for
    /// aligning groups on the whole input's range; nil when there are none.
    ///
    /// Looks at the earliest and latest instants only, so it is a tight pass over the times.
    static func range(of table: Table, userIndex: Int, timeIndex: Int, zone: ZoneCalendar) -> ClosedRange<Int64>? {
        let user = table.columns[userIndex], time = table.columns[timeIndex]
        guard let values = time.int64Values else { return nil }
        var low = Int64.max, high = Int64.min
        if user.validity == nil, time.validity == nil {
            for value in values {
                low = min(low, value)
                high = max(high, value)
            }
        } else {
            for row in values.indices where !user.isNull(row) && !time.isNull(row) {
                low = min(low, values[row])
                high = max(high, values[row])
            }
        }
        guard low <= high else { return nil }
        if time.type == .date { return low...high }
        return zone.day(ofUTC: low)...zone.day(ofUTC: high)
    }

    /// What one half found.
    private struct Partial {
        var low = Int64.max
        var high = Int64.min
        var isCancelled = false
    }
}
