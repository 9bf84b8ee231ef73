// DOT-COMMAND: .drop — removes a cell from the session's list before `.save`.

/// `.drop N`
public struct DropCommand: DotCommand {
    public let name = ".drop"
    public let synopsis = ".drop N"
    public let summary = "Remove cell N from what .save writes"
    public let help = """
        Removes cell N (as numbered by .cells) from the session's cells, so .save leaves it out.
        Tables and definitions it made stay in the session; later cells are renumbered.
        """

    public init() {}

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        guard let text = arguments.values.first else { throw DotCommandError("missing N", argument: 0) }
        try arguments.expectAtMost(1)
        guard let number = Int(text), number >= 1, number <= shell.cells.count else {
            let range = shell.cells.isEmpty ? "there are no cells" : "cells are numbered 1 to \(shell.cells.count)"
            throw DotCommandError("no cell \(text); \(range)", argument: 0)
        }
        shell.cells.remove(at: number - 1)
        shell.output.write("dropped cell \(number); \(shell.cells.count) left\n")
    }
}
