// The shape of every dot-command, and the list of them.

/// A shell command such as `.schema`. Each lives in its own file; its `help` is its manual.
public protocol DotCommand: Sendable {
    /// The name with its dot, e.g. `.schema`.
    var name: String { get }
    /// Other names, e.g. `.exit` for `.quit`.
    var aliases: [String] { get }
    /// Usage line, e.g. `.schema [TABLE]`.
    var synopsis: String { get }
    /// One line for the `.help` table.
    var summary: String { get }
    /// The full text `.help .name` prints after the synopsis.
    var help: String { get }
    /// Words the completer may offer after the command name, given the shell.
    func argumentCompletions(in shell: ShellState) -> [String]
    func run(_ arguments: DotCommandArguments, in shell: ShellState) throws
}

extension DotCommand {
    public var aliases: [String] { [] }
    public func argumentCompletions(in shell: ShellState) -> [String] { [] }
}

/// The built-in dot-commands, in `.help` order.
public enum DotCommands {
    public static let all: [any DotCommand] = [
        HelpCommand(), TablesCommand(), SchemaCommand(), PluginsCommand(), LoadCommand(), ModeCommand(), TimerCommand(),
        OpenCommand(), SaveCommand(), CellsCommand(), DropCommand(), QuitCommand(),
    ]

    /// The command called `name` (with its dot; `.help` also accepts the name without it).
    public static func named(_ name: String) -> (any DotCommand)? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Every name and alias, for completion.
    public static var allNames: [String] { all.flatMap { [$0.name] + $0.aliases } }
}
