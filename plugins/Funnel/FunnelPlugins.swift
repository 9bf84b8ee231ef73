// PLACEHOLDER: the Funnel metric plugins register here.
import TallyPluginAPI

public enum FunnelPlugins {
    /// Adds this folder's plugins to `registry`.
    public static func register(into registry: inout PluginRegistry) throws {}
}
