// The set of plugins a session can call as pipeline stages. Thin until the plugin issue.
import TallyStore

/// What the engine needs to know about a plugin before the plugin contract grows: its name and a
/// one-line summary.
public struct PluginDescriptor: Sendable, Equatable {
    public var name: String
    public var summary: String

    public init(name: String, summary: String) {
        self.name = name
        self.summary = summary
    }
}

/// Registered plugins by name. A value handed to the engine, never a global.
public struct PluginRegistry: Sendable {
    public enum RegistrationError: Error, Equatable {
        case duplicateName(String)
    }

    public private(set) var descriptors: [PluginDescriptor] = []

    public init() {}

    /// Adds a plugin; names are unique.
    /// - Throws: `RegistrationError.duplicateName` when the name is taken.
    public mutating func register(_ descriptor: PluginDescriptor) throws(RegistrationError) {
        guard self.descriptor(named: descriptor.name) == nil else { throw .duplicateName(descriptor.name) }
        descriptors.append(descriptor)
    }

    public func descriptor(named name: String) -> PluginDescriptor? {
        descriptors.first { $0.name == name }
    }

    /// Stage names the binder accepts besides the built-in stages.
    public var stageNames: [String] { descriptors.map(\.name) }
}
