// PLACEHOLDER: the Retention metric plugins register here.
import TallyPluginAPI

public enum RetentionPlugins {
    /// Adds this folder's plugins to `registry`.
    public static func register(into registry: inout PluginRegistry) throws {}
}
