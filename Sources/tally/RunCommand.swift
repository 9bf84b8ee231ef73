// `tally run FILE…`: runs scripts in order, stopping at the first error unless told otherwise.
import ArgumentParser
import TallyREPL

/// `tally run [--keep-going] FILE…`
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run script files (statements and dot-commands) in order.",
        discussion: """
            Each FILE is read as if typed, with its name and line numbers in error messages. The \
            first failing statement stops the run (exit status 1, or 65 for bad input data) unless \
            --keep-going is given. All files share one session, so a later script sees the tables \
            of an earlier one.
            """
    )

    @OptionGroup var data: DataOptions

    @Flag(help: "Report failing statements and go on to the next one.")
    var keepGoing = false

    @Argument(help: ArgumentHelp("Scripts to run.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one script file") }
    }

    func run() throws {
        let scripts = try files.map { (path: $0, text: try ScriptFile.read($0)) }
        let setup = try SessionSetup(options: data, interactive: false)
        let batch = BatchShell(shell: setup.shell, bails: !keepGoing)
        for script in scripts {
            if !batch.run(text: script.text, origin: script.path) || setup.shell.shouldQuit { break }
        }
        throw ExitCode(setup.shell.exitStatus)
    }
}
