// What a plugin declares about itself: the source of its help, its validation and its docs.
import TallyStore

/// An output column a plugin documents.
public struct OutputColumn: Sendable, Equatable {
    public var name: String
    public var type: DataType
    public var doc: String

    public init(_ name: String, _ type: DataType, doc: String) {
        self.name = name
        self.type = type
        self.doc = doc
    }
}

/// A plugin's self-description, in the spirit of swift-argument-parser's `CommandConfiguration`.
///
/// The engine validates every call against `parameters` before running the plugin; `.help NAME`
/// and the plugin's README are generated from (or tested against) this value.
public struct PluginDescriptor: Sendable {
    /// The stage name (`funnel`), lowercase letters, digits and `_`.
    public var name: String
    /// One line, no trailing period: what the metric is.
    public var summary: String
    /// The exact definition: what is counted, edge cases, decisions taken.
    public var discussion: String
    public var parameters: [ParameterSpec]
    /// Queries that work on the demo table `events`.
    public var examples: [String]
    /// The output columns in the common case (some options change them; `discussion` says how).
    public var outputColumns: [OutputColumn]

    public init(name: String, summary: String, discussion: String, parameters: [ParameterSpec],
                examples: [String], outputColumns: [OutputColumn]) {
        self.name = name
        self.summary = summary
        self.discussion = discussion
        self.parameters = parameters
        self.examples = examples
        self.outputColumns = outputColumns
    }

    public func parameter(named name: String) -> ParameterSpec? {
        parameters.first { $0.name == name }
    }

    /// `funnel(steps:, within: = 7d, mode: = [])`: the signature line of `.help`.
    public var signature: String {
        let rendered = parameters.map { spec -> String in
            switch spec.requirement {
            case .required: return "\(spec.name):"
            case .optional: return "[\(spec.name):]"
            case .defaultValue(_, let text): return "\(spec.name): = \(text)"
            }
        }
        return "\(name)(\(rendered.joined(separator: ", ")))"
    }
}
