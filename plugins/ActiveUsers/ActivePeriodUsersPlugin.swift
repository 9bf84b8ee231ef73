// `active(period:)`: distinct active users per calendar day, week or month.
import TallyPluginAPI
import TallyStore

/// `active(period: day|week|month)`: distinct users per calendar period.
public struct ActivePeriodUsersPlugin: Plugin {
    public init() {}

    public let descriptor = PluginDescriptor(
        name: "active",
        summary: "Active users per calendar day, week or month",
        discussion: """
            For every calendar period (session time zone; weeks start on the session's week start, \
            Monday unless set) from the period of the first event to the period of the last, the \
            number of distinct users with at least one event in it. Periods without events appear \
            with 0. `period` is the first day of the period, even when the data starts later in it \
            (the first and last periods may be partly covered). `period: day` gives the same \
            numbers as `dau`. Rows whose user or time is null are ignored. With `by`, every group \
            covers the periods of the whole input.
            """,
        parameters: [
            ParameterSpec("period", .period, .required, doc: "Calendar period to count users in: day, week or month."),
        ] + ActivityInput.parameters,
        examples: [
            "events | active(period: week)",
            "events | active(period: month) by channel",
        ],
        outputColumns: [
            OutputColumn("period", .date, doc: "First day of the calendar period."),
            OutputColumn("active_users", .int, doc: "Distinct users active in the period."),
        ])

    public func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        _ = try ActivityInput.columns(in: input, arguments: arguments)
        return descriptor.outputColumns.map { Field(name: $0.name, type: $0.type) }
    }

    public func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        guard let period = arguments.period("period") else {
            throw PluginError("`period` is required: day, week or month", parameter: "period")
        }
        let (userIndex, timeIndex) = try ActivityInput.columns(in: input.fields, arguments: arguments)
        let alignTo = ActivityInput.alignment(input, userIndex, timeIndex, context)
        if let series = try SortedPeriodActive.counts(user: input.columns[userIndex], time: input.columns[timeIndex],
                                                      period: period, weekStart: context.weekStart, zone: context.zone,
                                                      alignTo: alignTo, context: context) {
            let starts = series.counts.indices.map {
                period.startDay(ofIndex: series.firstIndex + Int64($0), weekStart: context.weekStart)
            }
            return OutputColumns.table([
                ("period", OutputColumns.days(starts)),
                ("active_users", OutputColumns.ints(series.counts)),
            ])
        }
        let pairs = try ActivityInput.userDays(input, userIndex: userIndex, timeIndex: timeIndex,
                                               alignTo: alignTo, context: context)
        let periods = pairs.periods(period, weekStart: context.weekStart)
        return OutputColumns.table([
            ("period", OutputColumns.days(periods.startDays)),
            ("active_users", OutputColumns.ints(pairs.periodActive(periods))),
        ])
    }
}
