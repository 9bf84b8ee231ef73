// DOT-COMMAND: .timer — prints each statement's wall time.

/// `.timer on|off`
public struct TimerCommand: DotCommand {
    public let name = ".timer"
    public let synopsis = ".timer [on|off]"
    public let summary = "Show how long each statement takes"
    public let help = """
        With `on`, a line `time: 12.3 ms` follows every statement's result. Without an argument,
        prints whether the timer is on.
        """

    public init() {}

    public func argumentCompletions(in shell: ShellState) -> [String] { ["on", "off"] }

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        try arguments.expectAtMost(1)
        switch arguments.values.first {
        case nil: shell.output.write("timer: \(shell.isTimerOn ? "on" : "off")\n")
        case "on": shell.isTimerOn = true
        case "off": shell.isTimerOn = false
        default: throw DotCommandError("expected on or off", argument: 0)
        }
    }
}
