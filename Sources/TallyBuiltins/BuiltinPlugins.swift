// The one place that lists the built-in metric plugins. The executable and the tests build
// their registry from it; no plugin knows another, and the engine knows none of them.
import TallyPluginAPI
import ActiveUsersPlugin
import RetentionPlugin
import FunnelPlugin
import RFMPlugin
import NPSPlugin

public enum BuiltinPlugins {
    /// A registry holding every built-in plugin.
    public static func registry() throws -> PluginRegistry {
        var registry = PluginRegistry()
        try ActiveUsersPlugins.register(into: &registry)
        try RetentionPlugins.register(into: &registry)
        try FunnelPlugins.register(into: &registry)
        try RFMPlugins.register(into: &registry)
        try NPSPlugins.register(into: &registry)
        return registry
    }
}
