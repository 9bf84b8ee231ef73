// The retention computation: an event table in, the cohort × period table out.
import TallyPluginAPI
import TallyStore

/// Cohort retention as defined in DESIGN §7 and this folder's README.
public enum Retention {
    /// The output schema, whatever the options.
    public static let outputFields: [Field] = [
        Field(name: "cohort", type: .date),
        Field(name: "period", type: .int),
        Field(name: "users", type: .int),
        Field(name: "retained", type: .int),
        Field(name: "rate", type: .float),
        Field(name: "is_average", type: .bool),
    ]

    /// Computes the retention table of `input`.
    /// - Parameters:
    ///   - userColumn, timeColumn: indices of the user (string or int) and time (timestamp or date) columns.
    ///   - start, returns: boolean columns over the input rows marking start and return events
    ///     (null counts as false); nil means every event.
    ///   - context: zone, week start, cancellation, and `wholeInput`, whose latest time ends the data.
    /// - Complexity: O(rows + users + output rows), plus sorting each user's events when the
    ///   input is not in time order.
    public static func compute(_ input: Table, userColumn: Int, timeColumn: Int, start: Column?, returns: Column?,
                               options: RetentionOptions, context: PluginContext) throws(PluginError) -> Table {
        let times = input.columns[timeColumn]
        let timesAreDays = times.type == .date
        var numbering = PeriodNumbering(period: options.period, zone: context.zone, weekStart: context.weekStart)
        let endInput = context.wholeInput ?? input
        let lastPeriod = latestTime(in: endInput.column(named: input.fields[timeColumn].name) ?? times).map {
            timesAreDays ? numbering.index(ofDay: $0) : numbering.index(ofUTC: $0)
        }
        let users = DenseUserIDs(input.columns[userColumn])
        let events = try UserPeriodEvents(users: users, times: times, timesAreDays: timesAreDays, isStart: start,
                                          isReturn: returns, numbering: &numbering, lastPeriod: lastPeriod,
                                          context: context)
        var tally = RetentionTally(options: options, firstPeriod: events.firstPeriod, lastPeriod: events.lastPeriod)
        try scan(events, userCount: users.count, into: &tally, context: context)
        return RetentionTable.make(tally, lastPeriod: events.lastPeriod, horizon: options.horizon, numbering: numbering)
    }

    /// The latest non-null value of a time column.
    private static func latestTime(in column: Column) -> Int64? {
        guard let values = column.int64Values else { return nil }
        var latest: Int64?
        for row in values.indices where !column.isNull(row) {
            if latest.map({ values[row] > $0 }) ?? true { latest = values[row] }
        }
        return latest
    }

    /// Hands every user's distinct start and return periods to the tally.
    private static func scan(_ events: UserPeriodEvents, userCount: Int, into tally: inout RetentionTally,
                             context: PluginContext) throws(PluginError) {
        var starts: [Int64] = [], returns: [Int64] = []
        for user in 0..<userCount {
            if user & 0xFFFF == 0 { try context.checkCancellation() }
            let range = events.offsets[user]..<events.offsets[user + 1]
            guard !range.isEmpty else { continue }
            starts.removeAll(keepingCapacity: true)
            returns.removeAll(keepingCapacity: true)
            // Events are in ascending period order, so a repeat is always the last one kept.
            for index in range {
                let event = events.events[index]
                let period = events.period(of: event)
                if event & UserPeriodEvents.startRole != 0 && starts.last != period { starts.append(period) }
                if event & UserPeriodEvents.returnRole != 0 && returns.last != period { returns.append(period) }
            }
            starts.withUnsafeBufferPointer { startBuffer in
                returns.withUnsafeBufferPointer { returnBuffer in
                    tally.add(starts: startBuffer, returns: returnBuffer)
                }
            }
        }
    }
}
