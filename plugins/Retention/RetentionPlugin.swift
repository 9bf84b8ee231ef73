// The `retention` stage: its descriptor and the thin bridge from bound arguments to `Retention`.
import TallyPluginAPI
import TallyStore

/// `retention(start:, return:, period:, horizon:, mode:, cohort:)`: cohort retention by calendar period.
public struct RetentionPlugin: Plugin {
    public init() {}

    public let descriptor = PluginDescriptor(
        name: "retention",
        summary: "Cohort retention: the share of each cohort that comes back in each later period",
        discussion: """
            A user's cohort is the calendar period (session time zone and week start) of their first \
            `start` event. Period k of a return event is the number of whole calendar periods between \
            the cohort period and the event's period (a difference of period numbers, so only the \
            periods matter, not the times within them). `mode: exact`: an entry is retained in period k \
            when a `return` event falls in period k; `mode: unbounded`: when one falls in period k or \
            later. Return events in earlier periods never count. Period 0 is the cohort size: its \
            retained equals users and its rate is 1. `cohort: recurring`: every period holding a start \
            event of a user opens an entry for that user (several start events in one period are one \
            entry), and retention is measured from each entry's period; `users` counts entries. \
            Events with a null user or time are ignored; a row whose predicate is null is not a start \
            (or return) event. The data ends with the period of the latest time in the input (the \
            whole input when grouped with `by`); that last period counts although it is partial. A \
            cohort's period k beyond it has null retained and rate and is left out of the averages. \
            Rows: every cohort that has users, in period order, with periods 0…horizon; then one \
            average row per period (cohort null, is_average true) with users and retained summed over \
            the cohorts whose period k lies within the data and rate = retained / users (weighted by \
            cohort size); when no cohort reaches period k its average has users 0 and null retained \
            and rate. No start event: no rows.
            """,
        parameters: [
            ParameterSpec("start", .eventPredicate, .optional(meaning: "any event"),
                          doc: "Events that put a user in a cohort: an event name or a predicate."),
            ParameterSpec("return", .eventPredicate, .optional(meaning: "any event"),
                          doc: "Events that count as coming back: an event name or a predicate."),
            ParameterSpec("period", .period, .defaultValue(.period(RetentionOptions.defaultPeriod), text: "week"),
                          doc: "Calendar period of cohorts and of period numbers, in the session time zone."),
            ParameterSpec("horizon", .integer(0...RetentionOptions.maximumHorizon),
                          .defaultValue(.integer(RetentionOptions.defaultHorizon), text: "8"),
                          doc: "Last period number shown: each cohort gets periods 0…horizon."),
            ParameterSpec("mode", .choice(RetentionMode.allCases.map(\.rawValue)),
                          .defaultValue(.choice(RetentionMode.exact.rawValue), text: "exact"),
                          doc: "`exact`: a return in period k; `unbounded`: a return in period k or later."),
            ParameterSpec("cohort", .choice(RetentionCohortKind.allCases.map(\.rawValue)),
                          .defaultValue(.choice(RetentionCohortKind.first.rawValue), text: "first"),
                          doc: "`first`: a user's first start event; `recurring`: every period with a start event."),
            .user, .time, .event,
        ],
        examples: [
            #"events | retention(start: "signup", return: "purchase")"#,
            #"events | retention(period: month, horizon: 3, mode: unbounded)"#,
            #"events | retention(start: "signup", period: day, horizon: 14) | where is_average"#,
            #"events | retention(start: "signup", return: "app_open") by channel"#,
        ],
        outputColumns: [
            OutputColumn("cohort", .date, doc: "First day of the cohort's period; null on average rows."),
            OutputColumn("period", .int, doc: "Period number k, 0…horizon."),
            OutputColumn("users", .int, doc: "Cohort size (entries for recurring cohorts); on average rows, the summed sizes of the cohorts that reach period k."),
            OutputColumn("retained", .int, doc: "Entries retained in period k; null past the end of the data."),
            OutputColumn("rate", .float, doc: "retained / users; null past the end of the data."),
            OutputColumn("is_average", .bool, doc: "True on the size-weighted average rows that follow the cohort rows."),
        ])

    public func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        _ = try ColumnRole.user.resolve(in: input, explicit: arguments.column("user"))
        _ = try ColumnRole.time.resolve(in: input, explicit: arguments.column("time"))
        return Retention.outputFields
    }

    public func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        let userColumn = try ColumnRole.user.resolve(in: input.fields, explicit: arguments.column("user"))
        let timeColumn = try ColumnRole.time.resolve(in: input.fields, explicit: arguments.column("time"))
        return try Retention.compute(input, userColumn: userColumn, timeColumn: timeColumn,
                                     start: arguments.predicate("start")?.column,
                                     returns: arguments.predicate("return")?.column,
                                     options: RetentionOptions(arguments: arguments), context: context)
    }
}
