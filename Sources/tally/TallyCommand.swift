// The root command: the REPL on a terminal, statements from a pipe, or one query with -c.
import ArgumentParser
import TallyQuery
import TallyREPL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `tally [--data [NAME=]PATH]… [--format F] [-c QUERY] [--bail]`
struct TallyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "A metrics workbench: pipe queries over event data.",
        discussion: """
            With a terminal on stdin, opens the interactive shell (type .help there). With stdin \
            from a pipe or file, runs the statements it contains without prompts; an error is \
            reported on stderr with its line and reading goes on, unless --bail is given. With -c, \
            runs QUERY and exits.

            When no --data is given, a demo table `events` (synthetic, fixed seed) is created in \
            every mode, so `tally -c 'events | count'` works out of the box; --no-demo skips it.

            Exit status: 0 success, 1 a query failed, 2 usage error, 65 bad input data.
            """,
        subcommands: [RunCommand.self, ReplayCommand.self, GenCommand.self]
    )

    @OptionGroup var data: DataOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run QUERY (statements separated by ; or newlines) and exit.",
                                                         valueName: "query"))
    var query: String?

    @Flag(help: "Stop at the first failing statement of stdin.")
    var bail = false

    func validate() throws {
        if query == nil && data.dataFiles.contains(where: { (try? DataSource.parse($0))?.path == "-" }) {
            throw ValidationError("--data - reads a table from stdin, so give the statements with -c")
        }
    }

    func run() throws {
        let isTerminal = query == nil && isatty(0) != 0
        let setup = try SessionSetup(options: data, interactive: isTerminal)
        let shell = setup.shell
        if let query {
            BatchShell(shell: shell, bails: true).run(text: query, origin: "<command line>")
            throw ExitCode(shell.exitStatus)
        }
        if isTerminal {
            let tableNames = shell.session.tables.map(\.name)
            if setup.demo == nil && data.dataFiles.isEmpty && !data.noDemo {
                shell.errorOutput.write("note: the demo data generator is not available in this build\n")
            }
            shell.output.write(Banner.text(demo: setup.demo, tableNames: tableNames))
            throw ExitCode(InteractiveShell(shell: shell).run())
        }
        BatchShell(shell: shell, bails: bail).runStandardInput()
        throw ExitCode(shell.exitStatus)
    }
}
