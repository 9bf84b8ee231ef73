// Options shared by `tally` and `tally run`: data files, output format, bail.
import ArgumentParser
import TallyREPL

extension OutputMode: ExpressibleByArgument {}

/// Where the data comes from and how results look.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"),
            help: ArgumentHelp("Load a CSV or JSON Lines file as a table (repeatable). NAME=PATH picks the table name; the default is the file name without its extension. PATH - reads stdin (table `stdin`).",
                               valueName: "[NAME=]PATH"))
    var dataFiles: [String] = []

    @Option(help: ArgumentHelp("How results are printed: table, csv, json or markdown.", valueName: "format"))
    var format: OutputMode = .table

    @Flag(help: "Skip the built-in demo table `events` (it is created whenever no --data is given).")
    var noDemo = false

    @Flag(help: "Print each statement's run time (`time: 12.3 ms`); on stderr outside the interactive shell.")
    var timer = false

    /// The `--data` arguments as (table name, path).
    func dataSources() throws -> [(name: String, path: String)] {
        try dataFiles.map { try DataSource.parse($0) }
    }
}

/// One `--data` argument.
enum DataSource {
    /// `events=data/e.csv` → (events, data/e.csv); `data/e.csv` → (e, data/e.csv).
    /// A `=` counts only before the first `/`, so paths containing `=` still work.
    static func parse(_ argument: String) throws -> (name: String, path: String) {
        if let equals = argument.firstIndex(of: "="),
           !argument[..<equals].contains("/") {
            let name = String(argument[..<equals])
            let path = String(argument[argument.index(after: equals)...])
            guard TableNaming.isValidName(name) else {
                throw ValidationError("--data \(argument): `\(name)` is not a table name (letters, digits and _, not starting with a digit)")
            }
            guard !path.isEmpty else { throw ValidationError("--data \(argument): missing the path after `=`") }
            return (name, path)
        }
        if argument == "-" { return ("stdin", argument) }
        return (TableNaming.defaultName(forPath: argument), argument)
    }
}
