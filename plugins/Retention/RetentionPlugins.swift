// The Retention folder's entry point: registers its plugins.
import TallyPluginAPI

/// The retention metric plugins.
public enum RetentionPlugins {
    /// Adds this folder's plugins (`retention`) to `registry`.
    public static func register(into registry: inout PluginRegistry) throws {
        try registry.register(RetentionPlugin())
    }
}
