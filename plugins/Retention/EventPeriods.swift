// One pass over the input rows: which rows are start/return events, their user and their period.
import TallyPluginAPI
import TallyStore

/// Per-row facts the retention counting needs, computed once in tight column-wise loops.
///
/// A row is usable when its user and time are not null; it is a start (return) event when the
/// start (return) predicate is true on it, or there is no such predicate. A null predicate is
/// false. Rows with no role are never looked at again.
struct EventPeriods {
    static let startRole: UInt8 = 1
    static let returnRole: UInt8 = 2

    let users: DenseUserIDs
    /// `startRole | returnRole` bits per row; 0 for rows that are neither.
    let roles: [UInt8]
    /// Per row with a role: its period minus `origin`.
    let periods: [Int32]
    let origin: Int64
    /// Number of rows with a role.
    let eventCount: Int
    /// The latest period of the data: the period of the latest time in the end-of-data input, or
    /// of any event here if later (possible only in zones whose local days go backwards).
    let lastPeriod: Int64
    /// The earliest period of an event (`lastPeriod` when there are none).
    let firstPeriod: Int64

    /// - Parameters:
    ///   - times: µs UTC timestamps, or local days when `timesAreDays`.
    ///   - isStart / isReturn: boolean predicate columns; nil means every usable row.
    ///   - endOfData: the period of the latest time in the end-of-data input, nil when it has none.
    /// - Complexity: O(rows).
    init(users: DenseUserIDs, times: Column, timesAreDays: Bool, isStart: Column?, isReturn: Column?,
         numbering: inout PeriodNumbering, endOfData: Int64?, context: PluginContext) throws(PluginError) {
        let rows = times.count
        var roles = [UInt8](repeating: 0, count: rows)
        let timeValidity = times.validity?.words
        users.ids.withUnsafeBufferPointer { ids in
            for row in 0..<rows where ids[row] >= 0 && Self.isValid(timeValidity, row) {
                roles[row] = Self.startRole | Self.returnRole
            }
        }
        if let isStart { Self.keep(Self.startRole, where: isStart, in: &roles) }
        if let isReturn { Self.keep(Self.returnRole, where: isReturn, in: &roles) }
        try context.checkCancellation()

        let origin = endOfData ?? 0
        var periods = [Int32](repeating: 0, count: rows)
        var lowest = Int64.max, highest = Int64.min, eventCount = 0
        let timeValues = times.int64Values ?? []
        for row in 0..<rows where roles[row] != 0 {
            if eventCount & 0xFFFF == 0 { try context.checkCancellation() }
            let period = timesAreDays ? numbering.index(ofDay: timeValues[row]) : numbering.index(ofUTC: timeValues[row])
            lowest = min(lowest, period)
            highest = max(highest, period)
            // Periods of representable times differ by far less than 2^31 (days over ±292k years).
            periods[row] = Int32(truncatingIfNeeded: period - origin)
            eventCount += 1
        }
        self.users = users
        self.roles = roles
        self.periods = periods
        self.origin = origin
        self.eventCount = eventCount
        lastPeriod = eventCount == 0 ? origin : max(endOfData ?? highest, highest)
        firstPeriod = eventCount == 0 ? lastPeriod : lowest
    }

    /// The period of row `row` (which must have a role).
    @inline(__always)
    func period(ofRow row: Int) -> Int64 { origin + Int64(periods[row]) }

    @inline(__always)
    private static func isValid(_ words: [UInt64]?, _ row: Int) -> Bool {
        guard let words else { return true }
        return words[row >> 6] & (1 << UInt64(row & 63)) != 0
    }

    /// Clears `role` on rows where `predicate` is false or null.
    private static func keep(_ role: UInt8, where predicate: Column, in roles: inout [UInt8]) {
        let values = predicate.boolValues ?? []
        let validity = predicate.validity?.words
        let cleared = ~role
        for row in roles.indices where !values[row] || !isValid(validity, row) { roles[row] &= cleared }
    }
}
