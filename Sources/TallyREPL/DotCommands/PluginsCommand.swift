// DOT-COMMAND: .plugins — the metric plugins a query can call, with where each comes from.
import TallyStore
import TallyPluginAPI

/// `.plugins`
public struct PluginsCommand: DotCommand {
    public let name = ".plugins"
    public let synopsis = ".plugins"
    public let summary = "List metric plugins: name, summary, origin"
    public let help = """
        Prints one row per plugin the session can call as a pipeline stage (`events | dau`):
        its name, its one-line summary, and where it comes from (`built-in`, or the path of the
        script file). Script plugins are the `def`s of `.tally` files in ./plugins and
        $XDG_CONFIG_HOME/tally/plugins, loaded at start. `.help NAME` shows a plugin's manual.
        """

    public init() {}

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        try arguments.expectAtMost(0)
        let listing = try Self.listing(shell.session.registry)
        guard listing.rowCount > 0 else {
            shell.output.write("(no plugins)\n")
            return
        }
        shell.show(listing)
    }

    /// name, summary, origin: natives first, then scripts, in registration order.
    public static func listing(_ registry: PluginRegistry) throws -> Table {
        let natives = registry.plugins.map { ($0.descriptor.name, $0.descriptor.summary, "built-in") }
        let scripts = registry.scripts.map { ($0.name, $0.summary, $0.path) }
        let rows = natives + scripts
        return try Table([
            ("name", Column.string(rows.map(\.0))),
            ("summary", Column.string(rows.map(\.1))),
            ("origin", Column.string(rows.map(\.2))),
        ])
    }
}
