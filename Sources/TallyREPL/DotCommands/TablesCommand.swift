// DOT-COMMAND: .tables — the tables of the session with their sizes.
import TallyStore

/// `.tables`
public struct TablesCommand: DotCommand {
    public let name = ".tables"
    public let synopsis = ".tables"
    public let summary = "List tables with their row and column counts"
    public let help = """
        Prints one row per table in the session, in the order they were created: name, rows,
        columns. Tables come from --data, `load`, `.load`, `let`, and the demo data.
        """

    public init() {}

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        try arguments.expectAtMost(0)
        let tables = shell.session.tables
        guard !tables.isEmpty else {
            shell.output.write("(no tables)\n")
            return
        }
        let listing = try Table([
            ("name", Column.string(tables.map(\.name))),
            ("rows", Column.int(tables.map { Int64($0.table.rowCount) })),
            ("columns", Column.int(tables.map { Int64($0.table.columnCount) })),
        ])
        shell.show(listing)
    }
}
