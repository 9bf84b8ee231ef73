// DOT-COMMAND: .help — lists the commands, or shows one command's manual.

/// `.help [COMMAND]`
public struct HelpCommand: DotCommand {
    public let name = ".help"
    public let synopsis = ".help [COMMAND|PLUGIN]"
    public let summary = "List commands, or show the manual of COMMAND or PLUGIN"
    public let help = """
        Without an argument, lists every dot-command with a one-line summary.
        With COMMAND (with or without its leading dot), prints that command's usage and manual.
        With the name of a metric plugin (see .plugins), prints its signature, parameters with
        types and defaults, exact definition, output columns and examples.
        Anything that is not a dot-command is a query: see README.md for the language.
        """

    public init() {}

    public func argumentCompletions(in shell: ShellState) -> [String] {
        DotCommands.all.map(\.name) + shell.session.registry.stageNames
    }

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        try arguments.expectAtMost(1)
        guard let topic = arguments.values.first else {
            shell.output.write(Self.overview())
            return
        }
        if !topic.hasPrefix("."), let manual = PluginManual.text(for: topic, in: shell.session) {
            shell.output.write(manual)
            return
        }
        let dotted = topic.hasPrefix(".") ? topic : "." + topic
        guard let command = DotCommands.named(dotted) else {
            throw DotCommandError("no command or plugin called \(topic)", argument: 0)
        }
        shell.output.write(Self.manual(of: command))
    }

    /// Two columns: synopsis, then summary, aligned (SQLite's `azHelp` layout).
    public static func overview() -> String {
        let width = DotCommands.all.map { $0.synopsis.count }.max() ?? 0
        var text = ""
        for command in DotCommands.all {
            text += command.synopsis + String(repeating: " ", count: width - command.synopsis.count + 2)
                + command.summary + "\n"
        }
        text += "\nAnything else is a query, e.g.  events | where event == \"purchase\" | count\n"
        text += "Tab completes names; a line ending in | or an open bracket continues on the next line.\n"
        return text
    }

    /// Synopsis, aliases and the full help of one command.
    public static func manual(of command: any DotCommand) -> String {
        var text = command.synopsis + "\n"
        if !command.aliases.isEmpty { text += "Also: " + command.aliases.joined(separator: ", ") + "\n" }
        text += "\n" + command.summary + ".\n" + command.help + "\n"
        return text
    }
}
