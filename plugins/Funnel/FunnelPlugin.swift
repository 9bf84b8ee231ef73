// The `funnel` stage: its descriptor and the thin Plugin conformance over FunnelComputation.
import TallyPluginAPI
import TallyStore

/// `funnel(steps:, within:, mode:, per_user:)`: ClickHouse `windowFunnel` levels per user, summarised per step.
public struct FunnelPlugin: Plugin {
    public init() {}

    public let descriptor = PluginDescriptor(
        name: "funnel",
        summary: "Users reaching each step of an ordered funnel within a time window (ClickHouse windowFunnel)",
        discussion: FunnelDefinition.text,
        parameters: [
            ParameterSpec("steps", .list(.eventPredicate), .required,
                          doc: "1 to 32 steps in order: event names or predicates over the row."),
            ParameterSpec("within", .duration, .defaultValue(.duration(FunnelOptions.defaultWithin), text: "7d"),
                          doc: "Longest time from a chain's step 1 to its last step, inclusive."),
            ParameterSpec("mode", .flags(FunnelMode.words.map(\.word)), .defaultValue(.flags([]), text: "[]"),
                          doc: "windowFunnel modes, combinable: strict_increase, strict_once, strict_deduplication, "
                              + "strict_order, allow_reentry (needs strict_order)."),
            ParameterSpec("per_user", .boolean, .defaultValue(.boolean(false), text: "false"),
                          doc: "One row per user with its level instead of one row per step."),
            .user, .time, .event,
        ],
        examples: [
            #"events | funnel(steps: ["view_item", "add_to_cart", "checkout", "purchase"])"#,
            #"events | funnel(steps: ["view_item", "purchase"], within: 1d, mode: strict_increase) by platform"#,
            #"events | funnel(steps: ["signup", "activation", event == "purchase" and amount > 50], per_user: true)"#,
            #"events | funnel(steps: ["view_item", "add_to_cart", "checkout"], mode: [strict_order, allow_reentry])"#,
        ],
        outputColumns: [
            OutputColumn("step", .int, doc: "Step number, 1…n."),
            OutputColumn("name", .string, doc: "The step as written."),
            OutputColumn("users", .int, doc: "Users whose level is at least this step."),
            OutputColumn("conversion_from_previous", .float, doc: "users ÷ users of the previous step; null for step 1."),
            OutputColumn("conversion_from_first", .float, doc: "users ÷ users of step 1."),
            OutputColumn("drop_off", .int, doc: "Users of the previous step minus users; null for step 1."),
            OutputColumn("median_time_from_previous", .duration, doc: "Median time from the previous step on measured chains."),
            OutputColumn("mean_time_from_previous", .duration, doc: "Mean time from the previous step on measured chains."),
        ])

    /// Checks what can be checked before the predicates are evaluated (the number of steps, `within`,
    /// `mode`, the user and time columns) and types the output.
    public func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        if case .list(let steps) = arguments["steps"] { try FunnelOptions.checkStepCount(steps.count) }
        try FunnelOptions.checkWithin(arguments.duration("within") ?? FunnelOptions.defaultWithin)
        _ = try FunnelMode(words: arguments.flags("mode"))
        let user = try ColumnRole.user.resolve(in: input, explicit: arguments.column("user"))
        _ = try ColumnRole.time.resolve(in: input, explicit: arguments.column("time"))
        return FunnelComputation.outputFields(perUser: arguments.boolean("per_user") ?? false, userType: input[user].type)
    }

    public func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        let options = try FunnelOptions(arguments: arguments, fields: input.fields)
        return try FunnelComputation.run(input, options: options, isCancelled: { context.isCancelled })
    }
}
