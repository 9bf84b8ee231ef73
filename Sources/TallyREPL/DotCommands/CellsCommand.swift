// DOT-COMMAND: .cells — lists the session's cells, the content of a later `.save`.

/// `.cells`
public struct CellsCommand: DotCommand {
    public let name = ".cells"
    public let synopsis = ".cells"
    public let summary = "List the session's cells (what .save writes)"
    public let help = """
        Lists each cell run in this session: its number, whether it succeeded (ok or error) and
        its first line (… when there are more). .drop N removes cell N; .save PATH writes them.
        """

    public init() {}

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        try arguments.expectAtMost(0)
        guard !shell.cells.isEmpty else {
            shell.output.write("no cells yet: run a statement first\n")
            return
        }
        let width = String(shell.cells.count).count
        var text = ""
        for (index, cell) in shell.cells.enumerated() {
            let number = String(index + 1)
            let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: true)
            let first = (lines.first.map(String.init) ?? "") + (lines.count > 1 ? " …" : "")
            text += String(repeating: " ", count: width - number.count) + number + "  "
                + (cell.hasFailed ? "error" : "ok   ") + "  " + first + "\n"
        }
        shell.output.write(text)
    }
}
