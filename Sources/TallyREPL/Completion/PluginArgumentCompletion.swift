// Completion inside a plugin call: parameter names, then the words a parameter accepts.
import TallyPluginAPI
import TallyStore

/// Where the cursor is inside `plugin(…`, and what fits there.
struct PluginArgumentCompletion {
    let descriptor: PluginDescriptor
    /// Parameters already named in the call.
    let given: Set<String>
    /// The parameter whose value is being typed (`period: w|`), or nil at the start of an argument.
    let parameter: ParameterSpec?

    /// The innermost unclosed `name(` of a registered plugin that the tokens end inside, if any.
    init?(tokens: [CompletionToken], registry: PluginRegistry) {
        var depth = 0
        var open: Int?
        for index in stride(from: tokens.count - 1, through: 0, by: -1) where tokens[index].kind == .symbol {
            switch tokens[index].text {
            case ")", "]": depth += 1
            case "(", "[":
                if depth == 0 {
                    if tokens[index].text == "(" { open = index }
                } else {
                    depth -= 1
                }
            default: break
            }
            if open != nil { break }
        }
        guard let open, open >= 1, tokens[open - 1].kind == .identifier,
              let descriptor = registry.descriptor(named: tokens[open - 1].text) else { return nil }
        self.descriptor = descriptor
        let inside = Array(tokens[(open + 1)...])
        var names = Set<String>()
        for (index, token) in inside.enumerated() where token.kind == .identifier
            && index + 1 < inside.count && inside[index + 1].text == ":" {
            names.insert(token.text)
        }
        given = names
        parameter = Self.parameterBeingTyped(inside, descriptor)
        // Parameter names fit only where an argument starts: right after `(` or a `,`.
        if parameter == nil, let last = inside.last, last.text != "," { return nil }
    }

    /// `name:` followed by nothing, or by `[` and earlier words of a list.
    private static func parameterBeingTyped(_ tokens: [CompletionToken], _ descriptor: PluginDescriptor) -> ParameterSpec? {
        var index = tokens.count - 1
        guard index >= 0 else { return nil }
        if tokens[index].text == "," || tokens[index].text == "[" {
            // Inside a list: walk back over `a, "b",` to its `[`.
            while index >= 0, tokens[index].text != "[" {
                guard tokens[index].text == "," || tokens[index].kind == .identifier || tokens[index].kind == .string(isClosed: true)
                else { return nil }
                index -= 1
            }
            index -= 1
        }
        guard index >= 1, tokens[index].text == ":", tokens[index - 1].kind == .identifier else { return nil }
        return descriptor.parameter(named: tokens[index - 1].text)
    }

    /// True when the value being typed is an event name (`start: "`, `steps: ["a", "`).
    var takesEventNames: Bool {
        switch parameter?.type {
        case .eventPredicate?, .list(.eventPredicate)?: return true
        default: return false
        }
    }

    /// Parameter names not given yet (with their colon), or the words the current parameter takes.
    func candidates(columns: [String]) -> [String] {
        guard let parameter else {
            return descriptor.parameters.filter { !given.contains($0.name) }.map { $0.name + ":" }
        }
        return Self.words(for: parameter.type, columns: columns)
    }

    private static func words(for type: ParameterType, columns: [String]) -> [String] {
        switch type {
        case .choice(let words), .flags(let words): return words
        case .period: return CalendarPeriod.allCases.map(\.rawValue)
        case .boolean: return ["false", "true"]
        case .column: return columns
        case .list(let element): return words(for: element, columns: columns)
        case .eventPredicate: return columns
        default: return []
        }
    }
}
