// A sample native plugin and a script plugin, for testing `.plugins`, `.help` and completion.
import TallyPluginAPI
import TallyStore

enum SamplePlugins {
    static func registry() throws -> PluginRegistry {
        var registry = PluginRegistry()
        try registry.register(StepsPlugin())
        try registry.register(ScriptPlugin(name: "buyers", summary: "Users who purchased",
                                           source: "# Users who purchased\ndef buyers = where event == \"purchase\" | distinct user_id\n",
                                           path: "plugins/buyers.tally"))
        return registry
    }
}

/// `steps(steps:, within: = 7d, period: = week, mode: = [])`: counts rows; only its descriptor matters here.
struct StepsPlugin: Plugin {
    let descriptor = PluginDescriptor(
        name: "steps", summary: "Counts rows matching each step",
        discussion: "For each step, the rows where it holds.\nNulls count as not holding.",
        parameters: [
            ParameterSpec("steps", .list(.eventPredicate), .required, doc: "Events in order."),
            ParameterSpec("within", .duration, .defaultValue(.duration(604_800_000_000), text: "7d"), doc: "Window."),
            ParameterSpec("period", .period, .defaultValue(.period(.week), text: "week"), doc: "Bucket."),
            ParameterSpec("mode", .flags(["strict_order", "strict_once", "strict_increase"]), .defaultValue(.flags([]), text: "[]"), doc: "Options."),
            .user,
        ],
        examples: [#"events | steps(steps: ["signup", "purchase"])"#],
        outputColumns: [OutputColumn("step", .string, doc: "The step's label."), OutputColumn("rows", .int, doc: "Rows matching.")])

    func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        [Field(name: "step", type: .string), Field(name: "rows", type: .int)]
    }

    func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        let steps = arguments.predicates("steps") ?? []
        let counts = steps.map { step in Int64((0..<step.column.count).filter { !step.column.isNull($0) && step.column.boolValues![$0] }.count) }
        return try! Table([("step", .string(steps.map(\.label))), ("rows", .int(counts))])
    }
}
