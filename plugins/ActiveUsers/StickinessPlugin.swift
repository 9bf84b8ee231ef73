// `stickiness`: DAU ÷ MAU per day, or the distribution of users by active days per week or month.
import TallyPluginAPI
import TallyStore

/// `stickiness` and `stickiness(days_of: week|month)`.
public struct StickinessPlugin: Plugin {
    public init() {}

    public let descriptor = PluginDescriptor(
        name: "stickiness",
        summary: "Stickiness: DAU ÷ MAU per day, or users by number of active days per week or month",
        discussion: """
            Without `days_of`: for every local calendar day from the first to the last day with an \
            event, `dau` (as `dau` computes it), `mau` (as `mau` computes it: distinct users in the \
            30 days ending that day, partial over the first 29 days of the data) and `stickiness` \
            = dau ÷ mau, a float in 0…1, null when mau is 0 (no event in the 30 days).
            With `days_of: week` or `days_of: month`: for every calendar period (weeks start on the \
            session's week start) from the period of the first event to the period of the last, \
            one row for each k = 1 … the period's length in days (7 for a week; 28, 29, 30 or 31 \
            for a month) with `users` = the users active on exactly k distinct days of the period \
            and `share` = users ÷ the period's active users (null when the period has none). The \
            first and last periods count only the days the data covers. Rows whose user or time is \
            null are ignored. With `by`, every group covers the days of the whole input.
            """,
        parameters: [
            ParameterSpec("days_of", .choice(["week", "month"]),
                          .optional(meaning: "the daily DAU ÷ MAU series"),
                          doc: "Instead of DAU ÷ MAU, count each period's users by their number of active days in it."),
        ] + ActivityInput.parameters,
        examples: [
            "events | stickiness",
            "events | stickiness(days_of: week)",
        ],
        outputColumns: [
            OutputColumn("day", .date, doc: "Local calendar day."),
            OutputColumn("dau", .int, doc: "Distinct users active that day."),
            OutputColumn("mau", .int, doc: "Distinct users active in the 30 days ending that day."),
            OutputColumn("stickiness", .float, doc: "dau ÷ mau; null when mau is 0."),
        ])

    public func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        _ = try ActivityInput.columns(in: input, arguments: arguments)
        return StickinessForm(arguments).fields
    }

    public func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        let pairs = try ActivityInput.userDays(input, arguments: arguments, context: context)
        switch StickinessForm(arguments) {
        case .daily:
            return Self.daily(pairs)
        case .activeDays(let period):
            return Self.activeDays(pairs, periods: pairs.periods(period, weekStart: context.weekStart))
        }
    }

    private static func daily(_ pairs: UserDays) -> Table {
        let dau = pairs.dailyActive()
        let mau = pairs.rollingActive(window: 30)
        return OutputColumns.table([
            ("day", OutputColumns.consecutiveDays(from: pairs.firstDay, count: pairs.dayCount)),
            ("dau", OutputColumns.ints(dau)),
            ("mau", OutputColumns.ints(mau)),
            ("stickiness", OutputColumns.floats(zip(dau, mau).map { OutputColumns.ratio($0, $1) })),
        ])
    }

    private static func activeDays(_ pairs: UserDays, periods: CalendarPeriods) -> Table {
        let histogram = pairs.activeDaysHistogram(periods)
        var starts: [Int64] = [], days: [Int64] = [], users: [Int64] = [], shares: [Double?] = []
        for (position, counts) in histogram.enumerated() {
            let total = counts.reduce(0, +)
            for (index, count) in counts.enumerated() {
                starts.append(periods.startDays[position])
                days.append(Int64(index + 1))
                users.append(count)
                shares.append(OutputColumns.ratio(count, total))
            }
        }
        return OutputColumns.table([
            ("period", OutputColumns.days(starts)),
            ("active_days", OutputColumns.ints(days)),
            ("users", OutputColumns.ints(users)),
            ("share", OutputColumns.floats(shares)),
        ])
    }
}
