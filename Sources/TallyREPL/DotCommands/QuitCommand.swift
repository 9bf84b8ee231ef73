// DOT-COMMAND: .quit — leaves the shell.

/// `.quit` (also `.exit`)
public struct QuitCommand: DotCommand {
    public let name = ".quit"
    public let aliases = [".exit"]
    public let synopsis = ".quit"
    public let summary = "Leave Tally (Ctrl-D does the same)"
    public let help = "Saves the history and exits with status 0 (or the batch status so far)."

    public init() {}

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        try arguments.expectAtMost(0)
        shell.shouldQuit = true
    }
}
