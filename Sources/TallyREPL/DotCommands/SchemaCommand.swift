// DOT-COMMAND: .schema — each column's type, distinct count, nulls and bytes.
import TallyStore

/// `.schema [TABLE]`
public struct SchemaCommand: DotCommand {
    public let name = ".schema"
    public let synopsis = ".schema [TABLE]"
    public let summary = "Show columns: type, distinct values, nulls, bytes"
    public let help = """
        For TABLE (or every table), prints one row per column: name, type, the number of distinct
        non-null values, the number of nulls, and the bytes the column occupies (values, validity
        and its string dictionary). A last line gives the table's total bytes (a dictionary shared
        by several columns counted once) and bytes per row.
        """

    public init() {}

    public func argumentCompletions(in shell: ShellState) -> [String] { shell.session.tables.map(\.name) }

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        try arguments.expectAtMost(1)
        let selected: [(name: String, table: Table)]
        if let name = arguments.values.first {
            guard let table = shell.session.table(named: name) else {
                throw DotCommandError("no table called \(name)", argument: 0)
            }
            selected = [(name, table)]
        } else {
            selected = shell.session.tables
            if selected.isEmpty { shell.output.write("(no tables)\n") }
        }
        for (index, entry) in selected.enumerated() {
            if selected.count > 1 { shell.output.write((index > 0 ? "\n" : "") + entry.name + ":\n") }
            shell.show(try TableSchemaSummary.describe(entry.table))
            shell.output.write(TableSchemaSummary.totals(entry.table) + "\n")
        }
    }
}
