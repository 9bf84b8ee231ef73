// Binding of a native plugin call: arguments checked against the descriptor before anything runs.
import TallyStore
import TallyPluginAPI

extension Binder {
    /// `name(arguments) [by keys]` where `name` is a registered native plugin.
    ///
    /// Rules (documented in plugins/README.md and `.help`):
    /// - Arguments are named (`steps: […]`). Only the first argument may be positional; it binds
    ///   to the plugin's first parameter (`nps(score)`).
    /// - Unknown name → error at the name with "did you mean"; a name given twice → error at the
    ///   second; a missing required parameter → error at the stage name.
    /// - Each value is checked against its `ParameterType` (see `PluginArgumentBinder`); absent
    ///   parameters with a default get it; absent optional parameters stay absent.
    /// - `outputFields` runs at bind time, so later stages type-check; its errors point at the
    ///   argument they name (or the stage name).
    func bindPlugin(_ plugin: any Plugin, nameSpan: SourceSpan, arguments: [Argument], by: [NamedExpression],
                    input: LogicalPlan) throws(Diagnostic) -> LogicalPlan {
        let descriptor = plugin.descriptor
        let given = try matchArguments(arguments, to: descriptor)
        var argumentBinder = PluginArgumentBinder(schema: input.schema, zone: catalog.zone, pluginName: descriptor.name)
        if let event = given["event"], case .column(let name) = event.value.kind { argumentBinder.eventColumn = name }
        var bound: [String: BoundArgumentExpression] = [:]
        var spans: [String: SourceSpan] = [:]
        // `event:` first: string event names in other arguments are matched against it.
        let ordered = descriptor.parameters.filter { $0.name == "event" } + descriptor.parameters.filter { $0.name != "event" }
        for spec in ordered {
            if let argument = given[spec.name] {
                bound[spec.name] = try argumentBinder.bind(argument.value, as: spec.type, parameter: spec.name)
                spans[spec.name] = argument.value.span
                continue
            }
            switch spec.requirement {
            case .required:
                throw Diagnostic(kind: .semantic, message: "missing required parameter `\(spec.name):` of \(descriptor.name)",
                                 span: nameSpan, hints: ["\(descriptor.signature)"])
            case .optional:
                break
            case .defaultValue(let value, _):
                bound[spec.name] = .value(value)
            }
        }
        let keys = try bindPluginKeys(by, input)
        var call = BoundPluginCall(name: descriptor.name, plugin: plugin, arguments: bound, keys: keys, outputFields: [],
                                   argumentSpans: spans, nameSpan: nameSpan)
        do {
            call.outputFields = try plugin.outputFields(arguments: call.bindTimeArguments, input: input.schema)
        } catch {
            throw Diagnostic(kind: .semantic, message: error.message, span: call.span(for: error.parameter), hints: error.hints)
        }
        for (index, key) in keys.enumerated() where call.outputFields.contains(where: { $0.name == key.0 }) {
            throw Diagnostic(kind: .semantic, message: "duplicate column name `\(key.0)`: \(descriptor.name) has an output column of that name",
                             span: by[index].nameSpan ?? by[index].expression.span, hints: ["rename the key with `by new_name = \(key.0)`"])
        }
        let schema = keys.map { Field(name: $0.0, type: $0.1.type) } + call.outputFields
        return LogicalPlan(.plugin(input, call), schema: schema)
    }

    /// Pairs each argument with its parameter by name (or position, for the first only).
    private func matchArguments(_ arguments: [Argument], to descriptor: PluginDescriptor) throws(Diagnostic) -> [String: Argument] {
        let names = descriptor.parameters.map(\.name)
        var given: [String: Argument] = [:]
        for (position, argument) in arguments.enumerated() {
            guard let name = argument.name else {
                guard position == 0, let first = names.first else {
                    let hint = position == 0 ? "\(descriptor.name) takes no arguments"
                        : "name it, e.g. `" + (names.first(where: { given[$0] == nil }) ?? "name") + ": …`"
                    throw Diagnostic(kind: .semantic,
                                     message: "only the first argument of \(descriptor.name) may be unnamed",
                                     span: argument.value.span, hints: [hint])
                }
                given[first] = argument
                continue
            }
            let span = argument.nameSpan ?? argument.value.span
            guard names.contains(name) else {
                var hints = Suggestion.hints(for: name, among: names)
                if hints.isEmpty {
                    hints = names.isEmpty ? ["\(descriptor.name) takes no arguments"]
                        : ["parameters of \(descriptor.name): " + names.joined(separator: ", ")]
                }
                throw Diagnostic(kind: .semantic, message: "\(descriptor.name) has no parameter `\(name)`", span: span, hints: hints)
            }
            guard given[name] == nil else {
                throw Diagnostic(kind: .semantic, message: "parameter `\(name)` of \(descriptor.name) is given twice", span: span)
            }
            given[name] = argument
        }
        return given
    }

    /// `by` keys, named like `summarize` keys (`by channel`, `by c = upper(channel)`).
    private func bindPluginKeys(_ by: [NamedExpression], _ input: LogicalPlan) throws(Diagnostic) -> [(String, BoundExpression)] {
        var binder = ExpressionBinder(schema: input.schema)
        var keys: [(String, BoundExpression)] = []
        for (position, key) in by.enumerated() {
            let name = key.name ?? key.expression.impliedName ?? "key\(position + 1)"
            guard !keys.contains(where: { $0.0 == name }) else {
                throw Diagnostic(kind: .semantic, message: "duplicate column name `\(name)`", span: key.nameSpan ?? key.expression.span,
                                 hints: ["rename one with `new_name = …`"])
            }
            keys.append((name, try binder.bind(key.expression)))
        }
        return keys
    }
}
