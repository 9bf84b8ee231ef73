// Registers the RFM plugin with a session's registry.
import TallyPluginAPI

public enum RFMPlugins {
    /// Adds this folder's plugins (`rfm`) to `registry`.
    public static func register(into registry: inout PluginRegistry) throws {
        try registry.register(RFMPlugin())
    }
}
