// `tally run FILE…`: runs scripts in order, stopping at the first error unless told otherwise.
import ArgumentParser
import TallyQuery
import TallyREPL

/// `tally run [--keep-going | --bail] [--param NAME=VALUE]… [--format json] FILE…`
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run script files (statements and dot-commands) in order.",
        discussion: """
            Each FILE is read as if typed, with its name and line numbers in error messages. The \
            first failing statement stops the run (exit status 1, or 65 for bad input data) unless \
            --keep-going is given. All files share one session, so a later script sees the tables \
            of an earlier one.

            --param NAME=VALUE sets $NAME for the scripts (literal syntax: 8, 0.5, 2024-03-01, \
            15m, "text"). With --format json each statement's result is one JSON document on its \
            own line: {"statement": …, "columns": [{"name", "type"}…], "rows": [[…]…]}, or \
            "message" for statements that only confirm; errors stay on stderr.
            """
    )

    @OptionGroup var data: DataOptions

    @Flag(help: "Report failing statements and go on to the next one.")
    var keepGoing = false

    @Option(name: .customLong("param"), help: ArgumentHelp("Set $NAME in the scripts (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @ArgumentParser.Argument(help: ArgumentHelp("Scripts to run.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one script file") }
        _ = try ScriptParameters.parse(parameters)
    }

    func run() throws {
        let scripts = try files.map { (path: $0, text: try ScriptFile.read($0)) }
        let setup = try SessionSetup(options: data, interactive: false)
        for (name, value) in try ScriptParameters.parse(parameters) {
            setup.shell.session.parameters[name] = ParameterValue.parse(value)
        }
        setup.shell.emitsStatementDocuments = data.format == .json
        let batch = BatchShell(shell: setup.shell, bails: !keepGoing)
        for script in scripts {
            if !batch.run(text: script.text, origin: script.path) || setup.shell.shouldQuit { break }
        }
        throw ExitCode(setup.shell.exitStatus)
    }
}

/// `--param NAME=VALUE` arguments.
enum ScriptParameters {
    static func parse(_ arguments: [String]) throws -> [(name: String, value: String)] {
        try arguments.map { argument in
            guard let equals = argument.firstIndex(of: "="), TableNaming.isValidName(String(argument[..<equals])) else {
                throw ValidationError("--param \(argument): expected NAME=VALUE, as in --param weeks=4")
            }
            return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
        }
    }
}
