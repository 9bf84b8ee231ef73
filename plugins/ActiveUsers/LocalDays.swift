// The local calendar day of every usable row, computed on two cores for large inputs.
import Dispatch
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
    /// Rows that are not `ignored`.
    var usableCount: Int

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
        let halves = rows >= 1 << 20 ? 2 : 1
        var partials = [Partial](repeating: Partial(), count: halves)
        days.withUnsafeMutableBufferPointer { daysBuffer in
            partials.withUnsafeMutableBufferPointer { partialBuffer in
                let shared = SharedBuffers(days: daysBuffer, partials: partialBuffer)
                DispatchQueue.concurrentPerform(iterations: halves) { half in
                    let rowRange = (rows * half / halves)..<(rows * (half + 1) / halves)
                    var partial = Partial()
                    var chunkStart = rowRange.lowerBound
                    while chunkStart < rowRange.upperBound {
                        if context.isCancelled {
                            partial.isCancelled = true
                            break
                        }
                        let chunkEnd = min(chunkStart + Self.chunkRows, rowRange.upperBound)
                        for row in chunkStart..<chunkEnd {
                            guard userIDs[row] != DenseUserIDs.nullID, validity?.isValid(row) ?? true else { continue }
                            let day = isDate ? values[row] : zone.day(ofUTC: values[row])
                            shared.days[row] = Int32(clamping: day)
                            partial.low = min(partial.low, day)
                            partial.high = max(partial.high, day)
                            partial.count += 1
                        }
                        chunkStart = chunkEnd
                    }
                    shared.partials[half] = partial
                }
            }
        }
        if partials.contains(where: \.isCancelled) { throw PluginError.cancelled }
        self.days = days
        usableCount = partials.reduce(0) { $0 + $1.count }
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
        var count = 0
        var isCancelled = false
    }

    /// The output buffers the halves write to: disjoint rows of `days`, one slot each of `partials`.
    private struct SharedBuffers: @unchecked Sendable {
        let days: UnsafeMutableBufferPointer<Int32>
        let partials: UnsafeMutableBufferPointer<Partial>
    }
}
