// The Funnel folder's entry point: registers its plugins with the built-in registry.
import TallyPluginAPI

public enum FunnelPlugins {
    /// Adds this folder's plugins (`funnel`) to `registry`.
    public static func register(into registry: inout PluginRegistry) throws {
        try registry.register(FunnelPlugin())
    }
}
