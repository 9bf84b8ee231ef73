// Small plugins for testing the engine's side of the contract: binding, grouping, errors.
import TallyStore
import TallyPluginAPI

/// Plugins registered only in tests (names chosen not to clash with the built-ins).
enum TestPlugins {
    static func registry() -> PluginRegistry {
        var registry = PluginRegistry()
        try! registry.register(ProbePlugin())
        try! registry.register(RowCountPlugin())
        try! registry.register(FailingPlugin())
        return registry
    }
}

/// `probe(…)`: one parameter of every type; returns what was bound, one row per argument
/// (`parameter`, `value`), sorted by parameter name. Predicates show their label and values.
struct ProbePlugin: Plugin {
    let descriptor = PluginDescriptor(
        name: "probe", summary: "Shows the arguments it was given",
        discussion: "One row per bound argument, sorted by parameter name.",
        parameters: [
            ParameterSpec("column", .column, .optional(meaning: "none"), doc: "A column."),
            ParameterSpec("start", .eventPredicate, .optional(meaning: "none"), doc: "An event."),
            ParameterSpec("steps", .list(.eventPredicate), .optional(meaning: "none"), doc: "Events."),
            ParameterSpec("within", .duration, .defaultValue(.duration(7 * 86_400_000_000), text: "7d"), doc: "A window."),
            ParameterSpec("at", .timestamp, .optional(meaning: "none"), doc: "An instant."),
            ParameterSpec("period", .period, .defaultValue(.period(.week), text: "week"), doc: "A period."),
            ParameterSpec("horizon", .integer(1...100), .defaultValue(.integer(8), text: "8"), doc: "A count."),
            ParameterSpec("ratio", .number, .optional(meaning: "none"), doc: "A number."),
            ParameterSpec("title", .string, .optional(meaning: "none"), doc: "A string."),
            ParameterSpec("summary", .boolean, .defaultValue(.boolean(false), text: "false"), doc: "A flag."),
            ParameterSpec("mode", .choice(["exact", "unbounded"]), .defaultValue(.choice("exact"), text: "exact"), doc: "A choice."),
            ParameterSpec("options", .flags(["strict_order", "strict_once", "allow_reentry"]), .defaultValue(.flags([]), text: "[]"),
                          doc: "Flags."),
            .event,
        ],
        examples: ["events | probe(period: month)"],
        outputColumns: [OutputColumn("parameter", .string, doc: "Name."), OutputColumn("value", .string, doc: "Bound value.")])

    func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        [Field(name: "parameter", type: .string), Field(name: "value", type: .string)]
    }

    func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        let names = arguments.values.keys.sorted()
        let values = names.map { Self.describe(arguments.values[$0]!, zone: context.zone) }
        return try! Table([("parameter", .string(names)), ("value", .string(values))])
    }

    static func describe(_ value: ArgumentValue, zone: ZoneCalendar) -> String {
        let formatter = ValueFormatter(zone: zone)
        switch value {
        case .column(let name): return "column " + name
        case .predicate(let column, let label):
            let rows = (0..<column.count).map { column.isNull($0) ? "null" : column.boolValues![$0] ? "1" : "0" }
            return "predicate \(label) [\(rows.joined())]"
        case .list(let items): return "[" + items.map { describe($0, zone: zone) }.joined(separator: "; ") + "]"
        case .duration(let micros): return "duration " + formatter.format(.duration(micros))
        case .timestamp(let micros): return "timestamp " + formatter.format(.timestamp(micros))
        case .period(let period): return "period " + period.rawValue
        case .integer(let number): return "integer \(number)"
        case .number(let number): return "number \(number)"
        case .string(let text): return "string " + text
        case .boolean(let flag): return "boolean \(flag)"
        case .choice(let word): return "choice " + word
        case .flags(let words): return "flags " + (words.isEmpty ? "(none)" : words.sorted().joined(separator: ","))
        }
    }
}

/// `rowcount([where: predicate])`: rows of its input, rows of the whole input, and rows matching.
struct RowCountPlugin: Plugin {
    let descriptor = PluginDescriptor(
        name: "rowcount", summary: "Counts rows",
        discussion: "rows: input rows; whole: rows of the whole input (across groups); matched: rows where `where` holds.",
        parameters: [ParameterSpec("where", .eventPredicate, .optional(meaning: "every row"), doc: "Rows to match."), .event],
        examples: ["events | rowcount by channel"],
        outputColumns: [OutputColumn("rows", .int, doc: ""), OutputColumn("whole", .int, doc: ""), OutputColumn("matched", .int, doc: "")])

    func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        [Field(name: "rows", type: .int), Field(name: "whole", type: .int), Field(name: "matched", type: .int)]
    }

    func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        try context.checkCancellation()
        var matched = input.rowCount
        if let (column, _) = arguments.predicate("where") {
            matched = (0..<column.count).filter { !column.isNull($0) && column.boolValues![$0] }.count
        }
        return try! Table([("rows", .int([Int64(input.rowCount)])), ("whole", .int([Int64(context.wholeInput?.rowCount ?? -1)])),
                           ("matched", .int([Int64(matched)]))])
    }
}

/// `boom(fail: …)`: fails on purpose: at bind time (`fail: bind`), at run time about a parameter
/// (`fail: parameter`), at a row (`fail: row`, the input's second row), or with a wrong schema.
struct FailingPlugin: Plugin {
    let descriptor = PluginDescriptor(
        name: "boom", summary: "Fails on purpose",
        discussion: "For tests.",
        parameters: [ParameterSpec("fail", .choice(["bind", "parameter", "row", "schema", "none"]), .required, doc: "How to fail."),
                     ParameterSpec("limit", .integer(nil), .defaultValue(.integer(0), text: "0"), doc: "A number it dislikes.")],
        examples: [],
        outputColumns: [OutputColumn("ok", .bool, doc: "")])

    func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        if arguments.choice("fail") == "bind" {
            throw PluginError("`limit` must be even here", parameter: "limit", hints: ["try 2"])
        }
        if !input.contains(where: { $0.name == "user_id" }) {
            throw PluginError("no user column", hints: ["name it with `user: column`"])
        }
        return [Field(name: "ok", type: .bool)]
    }

    func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        switch arguments.choice("fail") {
        case "parameter": throw PluginError("`fail` went wrong", parameter: "fail")
        case "row": throw PluginError("bad value", row: 1)
        case "schema": return try! Table([("ok", .int([1]))])
        default: return try! Table([("ok", .bool([true]))])
        }
    }
}
