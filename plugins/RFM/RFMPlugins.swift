// PLACEHOLDER: the RFM metric plugins register here.
import TallyPluginAPI

public enum RFMPlugins {
    /// Adds this folder's plugins to `registry`.
    public static func register(into registry: inout PluginRegistry) throws {}
}
