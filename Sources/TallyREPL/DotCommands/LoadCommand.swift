// DOT-COMMAND: .load — reads a CSV or JSON Lines file into a table.
import TallyQuery
import TallyStore

/// `.load PATH [as NAME]`
public struct LoadCommand: DotCommand {
    public let name = ".load"
    public let synopsis = ".load PATH [as NAME]"
    public let summary = "Load a CSV or JSON Lines file as a table"
    public let help = """
        Reads PATH (CSV, or JSON Lines when it ends in .jsonl, .ndjson or .json) into table NAME,
        replacing a table of that name. NAME defaults to the file's name without its extension.
        Column types are inferred; for overrides use the statement form:
            load "PATH" as NAME with (amount: float)
        On bad data nothing changes and the error names file, line and column.
        """

    public init() {}

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        let values = arguments.values
        guard let path = values.first else { throw DotCommandError("missing PATH", argument: 0) }
        var tableName = TableNaming.defaultName(forPath: path)
        if values.count > 1 {
            guard values[1] == "as" else { throw DotCommandError("expected `as NAME`", argument: 1) }
            guard values.count > 2 else { throw DotCommandError("missing NAME after `as`", argument: 2) }
            tableName = values[2]
            guard TableNaming.isValidName(tableName) else {
                throw DotCommandError("a table name is letters, digits and _, not starting with a digit", argument: 2)
            }
            try arguments.expectAtMost(3)
        }
        let table: Table
        let report: LoadReport
        do {
            (table, report) = try TableLoader.load(path: path, options: LoadOptions(progress: LoadProgress.reporter(for: path)))
        } catch {
            throw Diagnostic(kind: .badInput, message: error.description, loadError: error)
        }
        shell.session.register(table, as: tableName)
        var message = "loaded \(table.rowCount) rows into \(tableName)"
        if report.skippedRows > 0 {
            message += " (skipped \(report.skippedRows) bad rows"
            if let first = report.firstSkipped { message += "; first: \(first)" }
            message += ")"
        }
        shell.output.write(message + "\n")
    }
}

/// Table names from file names.
public enum TableNaming {
    /// `data/events.csv` → `events`; characters a name cannot hold become `_`.
    public static func defaultName(forPath path: String) -> String {
        var base = Substring(path)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        var name = String(base.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        if name.isEmpty || name.first!.isNumber { name = "t_" + name }
        return name
    }

    /// Letters, digits and `_`, not starting with a digit.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
