// The text `.help NAME` prints for a plugin: signature, parameters, definition, output, examples.
import TallyPluginAPI
import TallyQuery

/// Manual pages for plugins, built from their descriptors (native) or their files (script).
public enum PluginManual {
    /// The manual of the plugin called `name`, or nil when there is none.
    public static func text(for name: String, in session: Session) -> String? {
        let registry = session.registry
        if let descriptor = registry.descriptor(named: name) { return text(of: descriptor) }
        if let script = registry.script(named: name) { return text(of: script, definition: session.definitions[name]) }
        return nil
    }

    /// Signature, summary, a parameters table, the definition, output columns and examples.
    public static func text(of descriptor: PluginDescriptor) -> String {
        var text = descriptor.signature + "\n\n" + descriptor.summary + ".\n"
        if !descriptor.parameters.isEmpty {
            text += "\nParameters:\n"
            let rows = descriptor.parameters.map { spec -> [String] in
                var doc = spec.doc
                let requirement: String
                switch spec.requirement {
                case .required: requirement = "required"
                case .optional(let meaning): requirement = "-"; doc += " If absent: " + meaning + "."
                case .defaultValue(_, let shown): requirement = "= " + shown
                }
                // A long word list (flags, big choices) would widen every row: name the kind, list the words in the doc.
                var type = spec.type.description
                if type.count > 32 {
                    switch spec.type {
                    case .flags(let words): type = "flags"; doc += " Any of: " + words.joined(separator: ", ") + "."
                    case .choice(let words): type = "choice"; doc += " One of: " + words.joined(separator: ", ") + "."
                    default: break
                    }
                }
                return [spec.name + ":", type, requirement, doc]
            }
            text += aligned(rows)
        }
        if !descriptor.discussion.isEmpty { text += "\nDefinition:\n" + indented(descriptor.discussion) }
        if !descriptor.outputColumns.isEmpty {
            text += "\nOutput columns:\n"
            text += aligned(descriptor.outputColumns.map { [$0.name, $0.type.description, $0.doc] })
        }
        if !descriptor.examples.isEmpty {
            text += "\nExamples:\n" + descriptor.examples.map { "  " + $0 + "\n" }.joined()
        }
        text += "\nA trailing `by col, …` computes it per group; arguments are named (`name: value`), only the first may be unnamed.\n"
        return text
    }

    /// A script plugin: its name and parameters, summary, file, and the file's text.
    static func text(of script: ScriptPlugin, definition: Definition?) -> String {
        let parameters = definition?.parameters ?? []
        var text = script.name + (parameters.isEmpty ? "" : "(" + parameters.joined(separator: ", ") + ")") + "\n\n"
        if !script.summary.isEmpty { text += script.summary + (script.summary.hasSuffix(".") ? "\n" : ".\n") }
        text += "Script plugin from \(script.path)" + (definition == nil ? " (not loaded: the file has an error)" : "") + "\n"
        text += "\nDefinition:\n" + indented(script.source.trimmingCharacters(in: ["\n"]))
        return text
    }

    /// Rows of cells as columns padded to a common width, two spaces apart, indented.
    private static func aligned(_ rows: [[String]]) -> String {
        guard let columnCount = rows.first?.count else { return "" }
        let widths = (0..<columnCount).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            var line = "  "
            for (column, cell) in row.enumerated() {
                let isLast = column == row.count - 1
                line += isLast ? cell : cell + String(repeating: " ", count: widths[column] - cell.count + 2)
            }
            return line + "\n"
        }.joined()
    }

    private static func indented(_ text: String) -> String {
        text.components(separatedBy: "\n").map { $0.isEmpty ? "\n" : "  " + $0 + "\n" }.joined()
    }
}
