// `dau`: distinct active users per local calendar day.
import TallyPluginAPI
import TallyStore

/// `dau`: the daily active users series.
public struct DailyActiveUsersPlugin: Plugin {
    public init() {}

    public let descriptor = PluginDescriptor(
        name: "dau",
        summary: "Daily active users: distinct users with at least one event per local calendar day",
        discussion: """
            For every local calendar day (session time zone) from the first to the last day with an \
            event, the number of distinct users with at least one event that day. Days without \
            events appear with 0. Rows whose user or time is null are ignored. With `by`, every \
            group covers the days of the whole input, so the series line up. Filter events with a \
            preceding `where`.
            """,
        parameters: ActivityInput.parameters,
        examples: [
            "events | dau",
            "events | where event == \"purchase\" | dau by platform",
        ],
        outputColumns: [
            OutputColumn("day", .date, doc: "Local calendar day."),
            OutputColumn("dau", .int, doc: "Distinct users active that day."),
        ])

    public func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        _ = try ActivityInput.columns(in: input, arguments: arguments)
        return descriptor.outputColumns.map { Field(name: $0.name, type: $0.type) }
    }

    public func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        let (userIndex, timeIndex) = try ActivityInput.columns(in: input.fields, arguments: arguments)
        let alignTo = ActivityInput.alignment(input, userIndex, timeIndex, context)
        if let series = try SortedPeriodActive.counts(user: input.columns[userIndex], time: input.columns[timeIndex],
                                                      period: .day, weekStart: 0, zone: context.zone, alignTo: alignTo,
                                                      context: context) {
            return OutputColumns.table([
                ("day", OutputColumns.consecutiveDays(from: series.firstIndex, count: series.counts.count)),
                ("dau", OutputColumns.ints(series.counts)),
            ])
        }
        let pairs = try ActivityInput.userDays(input, userIndex: userIndex, timeIndex: timeIndex,
                                               alignTo: alignTo, context: context)
        return OutputColumns.table([
            ("day", OutputColumns.consecutiveDays(from: pairs.firstDay, count: pairs.dayCount)),
            ("dau", OutputColumns.ints(pairs.dailyActive())),
        ])
    }
}
