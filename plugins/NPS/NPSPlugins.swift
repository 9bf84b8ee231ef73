// Registers the NPS plugin with a session's registry.
import TallyPluginAPI

public enum NPSPlugins {
    /// Adds this folder's plugins (`nps`) to `registry`.
    public static func register(into registry: inout PluginRegistry) throws {
        try registry.register(NPSPlugin())
    }
}
