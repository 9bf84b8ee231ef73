// PLACEHOLDER: the NPS metric plugins register here.
import TallyPluginAPI

public enum NPSPlugins {
    /// Adds this folder's plugins to `registry`.
    public static func register(into registry: inout PluginRegistry) throws {}
}
