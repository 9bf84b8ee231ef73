// `tally replay NB.md`: re-runs a notebook's cells in a fresh, sandboxed session; rewrites or checks outputs.
import ArgumentParser
import TallyNotebook
import TallyQuery
import TallyREPL
import TallyStore

/// `tally replay NOTEBOOK [--check] [--out PATH] [--html PATH] [--param NAME=VALUE]… [--data …]… [--allow-read P]… [--allow-write P]…`
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run a notebook's cells and rewrite their outputs, or check them (--check).",
        discussion: """
            Runs every ```tally cell of NOTEBOOK in order in a fresh session and writes each \
            cell's output (tables in table mode) into the ```output fence after it. The file is \
            replaced atomically and keeps its mode. With --check nothing is written: the exit \
            status is 0 when every output matches and 1 with a unified diff naming each cell \
            that differs (or when the notebook is malformed), so a notebook is a regression test.

            Parameters are declared in the front matter (params: name: default) and used in \
            cells as $name; --param overrides one (literal syntax: 8, 0.5, 2024-03-01, 15m, \
            "text"). The front matter keeps the defaults.

            The session has the demo table `events` (fixed seed) unless --data or --no-demo is \
            given. Cells read files only from the notebook's folder, --data files and \
            --allow-read paths, and may write only under --allow-write paths; `..`, symlinks and \
            absolute paths cannot escape. A refused access is the cell's error. No cell can run \
            a program. Relative paths in cells start at the notebook's folder. The sizes and \
            hashes of files read are kept in the front matter's data:, and a changed file is a \
            warning.

            Exit status: 0 success, 1 a cell failed or (--check) an output differs, 2 usage \
            error, 65 bad --data file.
            """
    )

    @ArgumentParser.Argument(help: ArgumentHelp("The notebook (Markdown).", valueName: "notebook"))
    var notebookPath: String

    @Flag(help: "Rewrite nothing; exit 1 with a diff when an output differs.")
    var check = false

    @Option(help: ArgumentHelp("Write the replayed notebook here instead of over NOTEBOOK.", valueName: "path"))
    var out: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a parameter (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .customLong("data"), help: ArgumentHelp("Load a file as a table before the cells run (repeatable).",
                                                          valueName: "[NAME=]PATH"))
    var dataFiles: [String] = []

    @Option(name: .customLong("allow-read"), help: ArgumentHelp("Also let cells read this file or folder (repeatable).",
                                                                valueName: "path"))
    var readablePaths: [String] = []

    @Option(name: .customLong("allow-write"), help: ArgumentHelp("Let cells write under this file or folder (repeatable).",
                                                                 valueName: "path"))
    var writablePaths: [String] = []

    @Flag(help: "Skip the demo table `events`.")
    var noDemo = false

    @Option(help: ArgumentHelp("Also write a self-contained HTML report (prose, code, tables, SVG charts) here.",
                               valueName: "path"))
    var html: String?

    func validate() throws {
        _ = try parsedParameters()
        if check && out != nil { throw ValidationError("--check writes nothing, so it takes no --out") }
    }

    func parsedParameters() throws -> [(name: String, value: String)] { try ScriptParameters.parse(parameters) }

    func run() throws {
        guard let text = NotebookFile.read(notebookPath) else {
            throw ValidationError("cannot read \(notebookPath)")
        }
        let origin = FilePaths.split(notebookPath).name
        let (notebook, errors) = NotebookReader.read(text)
        for error in errors { TextOutput.standardError.write("warning: \(notebookPath): \(error)\n") }

        let session = Session(registry: try SessionSetup.pluginRegistry())
        let sources = try dataFiles.map { try DataSource.parse($0) }
        try Self.load(sources, into: session)
        if sources.isEmpty && !noDemo, let table = DemoData.table() { session.register(table, as: "events") }
        let sandbox = SandboxedFileAccess(baseDirectory: FilePaths.split(notebookPath).folder,
                                          readable: sources.map(\.path) + readablePaths, writable: writablePaths)
        session.fileAccess = sandbox
        session.parameters = NotebookReplay.parameters(of: notebook, overrides: try parsedParameters())

        let result = NotebookReplay.replay(notebook, origin: origin, in: session, fileAccess: sandbox,
                                           renderTable: NotebookTables.render)
        for warning in result.warnings { TextOutput.standardError.write(warning + "\n") }
        if let html {
            let title = notebook.frontMatter?.title ?? origin
            let report = HTMLReport.render(title: title, blocks: result.reportBlocks(origin: origin),
                                           formatter: ValueFormatter(zone: session.settings.zone, floatDigits: 6))
            do {
                try AtomicFileWriter.write(report, to: html)
            } catch {
                TextOutput.standardError.write("error: \(error)\n")
                throw ExitCode(ExitStatus.queryError)
            }
        }
        if check {
            let differences = result.differences(origin: origin)
            // A notebook that cannot be read whole is not a passing check either.
            if differences.isEmpty && !errors.isEmpty { throw ExitCode(ExitStatus.queryError) }
            guard differences.isEmpty else {
                TextOutput.standardOutput.write(differences)
                let count = result.cells.filter { !$0.matches }.count
                TextOutput.standardError.write("\(notebookPath): \(count) of \(result.cells.count) cell outputs differ\n")
                throw ExitCode(ExitStatus.queryError)
            }
            throw ExitCode(ExitStatus.success)
        }
        let target = out ?? notebookPath
        do {
            try AtomicFileWriter.write(NotebookWriter.text(of: result.notebook), to: target)
        } catch {
            TextOutput.standardError.write("error: \(error)\n")
            throw ExitCode(ExitStatus.queryError)
        }
        let failed = result.cells.filter { $0.run.hasFailed }.map { String($0.number) }
        if !failed.isEmpty {
            TextOutput.standardError.write("\(target): cell\(failed.count == 1 ? "" : "s") \(failed.joined(separator: ", ")) "
                                           + "failed; the output records the error\n")
            throw ExitCode(ExitStatus.queryError)
        }
    }

    /// Loads the `--data` files; a bad one ends the process with status 65.
    static func load(_ sources: [(name: String, path: String)], into session: Session) throws {
        for source in sources {
            do {
                let (table, _) = try TableLoader.load(path: source.path, options: LoadOptions())
                session.register(table, as: source.name)
            } catch {
                TextOutput.standardError.write(DiagnosticRenderer.render(
                    Diagnostic(kind: .badInput, message: error.description, loadError: error)) + "\n")
                throw ExitCode(ExitStatus.badInput)
            }
        }
    }
}
