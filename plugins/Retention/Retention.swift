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

    /// How the counting is laid out; every layout gives the same answer (tests force each one).
    enum Layout {
        /// `SortedPeriodRetention` when the call and input allow it (time-ordered rows, no
        /// predicates), else `PeriodUserBitsets` when they are small (the usual case), else
        /// `UserEventGroups`.
        case automatic, bitsets, groups
    }

    /// Computes the retention table of `input`.
    /// - Parameters:
    ///   - userColumn, timeColumn: indices of the user (string or int) and time (timestamp or date) columns.
    ///   - start, returns: boolean columns over the input rows marking start and return events
    ///     (null counts as false); nil means every event.
    ///   - context: zone, week start, cancellation, and `wholeInput`, whose latest time ends the data.
    /// - Complexity: O(rows + periods × (horizon + 1) × ⌈users / 64⌉ + output rows) usually;
    ///   otherwise O(rows + users + entries × horizon), plus sorting each user's events when rows are unordered.
    public static func compute(_ input: Table, userColumn: Int, timeColumn: Int, start: Column?, returns: Column?,
                               options: RetentionOptions, context: PluginContext) throws(PluginError) -> Table {
        try compute(input, userColumn: userColumn, timeColumn: timeColumn, start: start, returns: returns,
                    options: options, context: context, layout: .automatic)
    }

    static func compute(_ input: Table, userColumn: Int, timeColumn: Int, start: Column?, returns: Column?,
                        options: RetentionOptions, context: PluginContext, layout: Layout) throws(PluginError) -> Table {
        let times = input.columns[timeColumn]
        let timesAreDays = times.type == .date
        var numbering = PeriodNumbering(period: options.period, zone: context.zone, weekStart: context.weekStart)
        // Under `by`, the whole input's latest time ends every group's data (scanned once per
        // call); an ungrouped input, or a group holding every row, has it already.
        let wholeLatest = context.wholeInput.map { $0.rowCount != input.rowCount } == true
            ? context.wholeInputExtent(ofColumn: input.fields[timeColumn].name)?.upperBound : nil
        if layout == .automatic, start == nil, returns == nil,
           let (counts, lastPeriod) = try SortedPeriodRetention.counts(
               user: input.columns[userColumn], time: times, options: options, zone: context.zone,
               weekStart: context.weekStart,
               endOfData: wholeLatest.map { timesAreDays ? numbering.index(ofDay: $0) : numbering.index(ofUTC: $0) },
               context: context) {
            return RetentionTable.make(counts, lastPeriod: lastPeriod, horizon: options.horizon, numbering: numbering)
        }
        let endOfData = (wholeLatest ?? latestTime(in: times)).map {
            timesAreDays ? numbering.index(ofDay: $0) : numbering.index(ofUTC: $0)
        }
        let events = try EventPeriods(users: DenseUserIDs(input.columns[userColumn]), times: times,
                                      timesAreDays: timesAreDays, isStart: start, isReturn: returns,
                                      numbering: &numbering, endOfData: endOfData, context: context)
        let counts: RetentionCounts
        if layout == .bitsets || (layout == .automatic && PeriodUserBitsets.fits(events, horizon: options.horizon)) {
            counts = try PeriodUserBitsets.count(events, options: options, context: context)
        } else {
            var tally = RetentionTally(options: options, firstPeriod: events.firstPeriod, lastPeriod: events.lastPeriod)
            try UserEventGroups.feed(events, into: &tally, context: context)
            counts = tally.counts()
        }
        return RetentionTable.make(counts, lastPeriod: events.lastPeriod, horizon: options.horizon, numbering: numbering)
    }

    /// The latest non-null value of a time column.
    private static func latestTime(in column: Column) -> Int64? {
        guard let values = column.int64Values else { return nil }
        let validity = column.validity?.words
        var latest = Int64.min, found = false
        for row in values.indices where validity.map({ $0[row >> 6] & (1 << UInt64(row & 63)) != 0 }) ?? true {
            latest = max(latest, values[row])
            found = true
        }
        return found ? latest : nil
    }
}
