// The plugins a session can call as pipeline stages: native Swift plugins and script plugins.
import TallyStore

/// A plugin written in the query language: a file of `def` statements. The registry keeps its
/// text; the engine parses it when a session starts.
public struct ScriptPlugin: Sendable, Equatable {
    /// The stage name (the `def` it provides).
    public var name: String
    /// From the file's leading comment.
    public var summary: String
    /// The file's full text (all its `def`s).
    public var source: String
    /// Where it came from, for error messages and `.plugins`.
    public var path: String

    public init(name: String, summary: String, source: String, path: String) {
        self.name = name
        self.summary = summary
        self.source = source
        self.path = path
    }
}

/// Registered plugins by name: a value built by the executable and handed to the session.
public struct PluginRegistry: Sendable {
    public enum RegistrationError: Error, Equatable, CustomStringConvertible {
        case duplicateName(String, existing: String)
        case invalidName(String)

        public var description: String {
            switch self {
            case .duplicateName(let name, let existing):
                return "a plugin named `\(name)` is already registered (\(existing))"
            case .invalidName(let name):
                return "`\(name)` is not a valid plugin name (lowercase letters, digits and _, starting with a letter)"
            }
        }
    }

    public private(set) var plugins: [any Plugin] = []
    public private(set) var scripts: [ScriptPlugin] = []

    public init() {}

    /// Adds a native plugin.
    /// - Throws: when the name is taken or malformed.
    public mutating func register(_ plugin: any Plugin) throws(RegistrationError) {
        try checkAvailable(plugin.descriptor.name)
        plugins.append(plugin)
    }

    /// Adds a script plugin.
    public mutating func register(_ script: ScriptPlugin) throws(RegistrationError) {
        try checkAvailable(script.name)
        scripts.append(script)
    }

    public func plugin(named name: String) -> (any Plugin)? {
        plugins.first { $0.descriptor.name == name }
    }

    public func descriptor(named name: String) -> PluginDescriptor? {
        plugin(named: name)?.descriptor
    }

    public func script(named name: String) -> ScriptPlugin? {
        scripts.first { $0.name == name }
    }

    /// Every plugin name with its one-line summary, native first, in registration order.
    public var summaries: [(name: String, summary: String)] {
        plugins.map { ($0.descriptor.name, $0.descriptor.summary) } + scripts.map { ($0.name, $0.summary) }
    }

    /// Stage names the binder accepts besides the built-in stages.
    public var stageNames: [String] { summaries.map(\.name) }

    private func checkAvailable(_ name: String) throws(RegistrationError) {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first),
              name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else { throw .invalidName(name) }
        if plugin(named: name) != nil { throw .duplicateName(name, existing: "built-in") }
        if let script = script(named: name) { throw .duplicateName(name, existing: script.path) }
    }
}
