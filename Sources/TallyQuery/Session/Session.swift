// The engine's front door: a session holds tables and settings and runs program text.
import TallyStore
import TallyPluginAPI

/// PLACEHOLDER: signatures fixed for the REPL and CLI; the query engine fills in the bodies.
public final class Session {
    public init(registry: PluginRegistry = PluginRegistry()) {}
}
