// `wau` and `mau`: distinct users over the trailing 7 or 30 days ending each day.
import TallyPluginAPI
import TallyStore

/// `wau` (7-day window) and `mau` (30-day window): rolling active users per day.
public struct RollingActiveUsersPlugin: Plugin {
    /// Days in the trailing window, the day itself included.
    public let window: Int
    public let descriptor: PluginDescriptor

    /// Weekly active users: the trailing 7 days.
    public static let weekly = RollingActiveUsersPlugin(name: "wau", window: 7, label: "Weekly")
    /// Monthly active users: the trailing 30 days.
    public static let monthly = RollingActiveUsersPlugin(name: "mau", window: 30, label: "Monthly")

    private init(name: String, window: Int, label: String) {
        self.window = window
        descriptor = PluginDescriptor(
            name: name,
            summary: "\(label) active users: distinct users in the \(window) days ending each local day (rolling)",
            discussion: """
                For every local calendar day D (session time zone) from the first to the last day \
                with an event, the number of distinct users with at least one event on some day of \
                D−\(window - 1) … D (\(window) days, D included). The window is rolling, not a \
                calendar period (use `active(period: …)` for those). Days before the first day \
                with an event have no data, so the first \(window - 1) days of the series count \
                over fewer days: they are partial, not missing. Days without events appear (with \
                the users of the rest of their window, or 0). Rows whose user or time is null are \
                ignored. With `by`, every group covers the days of the whole input.
                """,
            parameters: ActivityInput.parameters,
            examples: ["events | \(name)", "events | \(name) by country"],
            outputColumns: [
                OutputColumn("day", .date, doc: "Local calendar day: the last day of the window."),
                OutputColumn(name, .int, doc: "Distinct users active in the \(window) days ending that day."),
            ])
    }

    public func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        _ = try ActivityInput.columns(in: input, arguments: arguments)
        return descriptor.outputColumns.map { Field(name: $0.name, type: $0.type) }
    }

    public func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        let pairs = try ActivityInput.userDays(input, arguments: arguments, context: context)
        return OutputColumns.table([
            ("day", OutputColumns.consecutiveDays(from: pairs.firstDay, count: pairs.dayCount)),
            (descriptor.name, OutputColumns.ints(pairs.rollingActive(window: window))),
        ])
    }
}
