// DOT-COMMAND: .mode — chooses how results are printed.

/// `.mode [table|csv|json|markdown]`
public struct ModeCommand: DotCommand {
    public let name = ".mode"
    public let synopsis = ".mode [MODE]"
    public let summary = "Print results as table, csv, json or markdown"
    public let help = """
        MODE is one of:
          table     aligned columns in a box (long results show the first and last rows)
          csv       RFC 4180, with a header row; null is an empty field
          json      an array of row objects, one per line; timestamps as ISO 8601 strings
          markdown  a GitHub pipe table
        Without MODE, prints the current one.
        """

    public init() {}

    public func argumentCompletions(in shell: ShellState) -> [String] { OutputMode.allCases.map(\.rawValue) }

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        try arguments.expectAtMost(1)
        guard let word = arguments.values.first else {
            shell.output.write("mode: \(shell.mode.rawValue)\n")
            return
        }
        guard let mode = OutputMode(rawValue: word) else {
            throw DotCommandError("unknown mode; choose \(OutputMode.choices)", argument: 0)
        }
        shell.mode = mode
    }
}
