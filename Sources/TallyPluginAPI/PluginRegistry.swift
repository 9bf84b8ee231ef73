// The set of plugins a session can call as pipeline stages. Thin until the plugin issue.
import TallyStore

/// Registered plugins by name. A value handed to the engine, never a global.
public struct PluginRegistry: Sendable {
    public init() {}
}
