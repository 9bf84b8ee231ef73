// PLACEHOLDER: the ActiveUsers metric plugins register here.
import TallyPluginAPI

public enum ActiveUsersPlugins {
    /// Adds this folder's plugins to `registry`.
    public static func register(into registry: inout PluginRegistry) throws {}
}
