// The rfm metric as a pure function: an event table in, one row per user (or per segment) out.
import TallyPluginAPI
import TallyStore

/// Computes recency, frequency, monetary value, scores and segments per user.
enum RFMComputation {
    /// The output schema for a user column of type `userType`.
    static func fields(userName: String, userType: DataType, isSummary: Bool) -> [Field] {
        if isSummary {
            return [Field(name: "segment", type: .string), Field(name: "users", type: .int),
                    Field(name: "share", type: .float), Field(name: "monetary", type: .float),
                    Field(name: "avg_monetary", type: .float)]
        }
        return [Field(name: userName, type: userType),
                Field(name: "recency_days", type: .int), Field(name: "frequency", type: .int),
                Field(name: "monetary", type: .float),
                Field(name: "r_score", type: .int), Field(name: "f_score", type: .int), Field(name: "m_score", type: .int),
                Field(name: "rfm", type: .string), Field(name: "segment", type: .string),
                Field(name: "value_segment", type: .string), Field(name: "value_segment_zh", type: .string)]
    }

    /// Runs the metric. Under `by`, the default `as_of` comes from `context.wholeInput`, the
    /// ungrouped input, so every group is measured from the same day.
    /// - Complexity: O(rows) for the scan, O(users) expected for the scores.
    /// - Throws: `PluginError` (parameter `as_of`, with the row) when an event lies after `as_of`.
    static func run(_ input: Table, options: RFMOptions, context: PluginContext) throws(PluginError) -> Table {
        let activity = try UserActivity(input: input, options: options, context: context)
        let isDateTime = input.fields[options.timeColumn].type == .date
        let asOfDay = try snapshotDay(input, options: options, context: context, isDateTime: isDateTime)

        // Users whose rows all have a null time are left out; usually there are none to drop.
        var frequency = activity.frequency, monetary = activity.monetary
        var lastTime = activity.lastTime, firstRow = activity.firstRow
        if frequency.contains(0) {
            let kept = frequency.indices.filter { frequency[$0] > 0 }
            frequency = kept.map { frequency[$0] }
            monetary = kept.map { monetary[$0] }
            lastTime = kept.map { lastTime[$0] }
            firstRow = kept.map { firstRow[$0] }
        }
        let zone = context.zone
        let recency = lastTime.map { last -> Int64 in asOfDay - (isDateTime ? last : zone.day(ofUTC: last)) }
        let table = RFMTable(recency: recency, frequency: frequency, monetary: monetary, bins: options.bins)

        if options.isSummary { return table.summary() }
        let userColumn = input.columns[options.userColumn].gathered(firstRow)
        return table.perUser(userName: input.fields[options.userColumn].name, userColumn: userColumn)
    }

    /// The local day of the snapshot: `as_of`'s day, or the day after the last event of the whole input.
    private static func snapshotDay(_ input: Table, options: RFMOptions, context: PluginContext,
                                    isDateTime: Bool) throws(PluginError) -> Int64 {
        let timeColumn = input.columns[options.timeColumn]
        let times = timeColumn.int64Values ?? []
        if let asOf = options.asOf {
            let asOfDay = context.zone.day(ofUTC: asOf)
            // An event after the snapshot would give a negative recency: refuse rather than guess.
            for row in times.indices where !timeColumn.isNull(row) {
                let isAfter = isDateTime ? times[row] > asOfDay : times[row] > asOf
                if isAfter {
                    let formatter = ValueFormatter(zone: context.zone)
                    throw PluginError("this row's time \(formatter.format(timeColumn.value(at: row))) is after `as_of` "
                                      + formatter.format(.timestamp(asOf)),
                                      parameter: "as_of", row: row,
                                      hints: ["filter the rows up to `as_of` first, or move `as_of` later"])
                }
            }
            return asOfDay
        }
        // Under `by`, every group is measured from the same day: the one after the whole input's last.
        let name = input.fields[options.timeColumn].name
        let latest: Int64
        if let whole = context.wholeInput, let index = whole.index(of: name),
           whole.fields[index].type == input.fields[options.timeColumn].type {
            // Scanned once per call, not once per group.
            guard let extent = context.wholeInputExtent(ofColumn: name) else { return 0 }
            latest = extent.upperBound
        } else {
            var found = Int64.min
            for row in times.indices where !timeColumn.isNull(row) { found = max(found, times[row]) }
            guard found != .min else { return 0 }
            latest = found
        }
        return (isDateTime ? latest : context.zone.day(ofUTC: latest)) + 1
    }
}
