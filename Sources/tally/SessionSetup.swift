// Builds the session and shell every command runs in: data files loaded, demo data, output settings.
import ArgumentParser
import TallyBuiltins
import TallyNotebook
import TallyPluginAPI
import TallyQuery
import TallyREPL
import TallyStore
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// A ready session and the shell around it.
struct SessionSetup {
    let shell: ShellState
    /// The demo table when it was created.
    let demo: Table?

    /// Loads every `--data` file; creates the demo table `events` when none was given (unless
    /// `--no-demo`). A bad file prints its diagnostic and ends the process with status 65.
    /// - Parameter interactive: the REPL (long tables are cut to 40 rows) rather than batch output.
    init(options: DataOptions, interactive: Bool) throws {
        let session = Session(registry: try Self.pluginRegistry())
        shell = ShellState(session: session, mode: options.format,
                           isOutputColored: TerminalStyle.wantsColor(fd: 1),
                           isErrorColored: TerminalStyle.wantsColor(fd: 2),
                           maxTableRows: interactive ? 40 : nil)
        shell.isTimerOn = options.timer
        for diagnostic in session.scriptDiagnostics {
            // A broken script plugin is skipped, not fatal: say which file and line, then go on.
            let path = diagnostic.source?.origin ?? "script plugin"
            shell.errorOutput.write("warning: \(path): skipped, it fails to run:\n"
                                    + DiagnosticRenderer.render(diagnostic, color: shell.isErrorColored) + "\n")
        }
        session.loadProgress = { path in LoadProgress.reporter(for: path) }
        // Loads are remembered so `.save` can fingerprint the data files.
        session.fileAccess = RecordingFileAccess()
        let sources = try options.dataSources()
        for source in sources {
            do {
                let options = LoadOptions(progress: LoadProgress.reporter(for: source.path))
                let (table, report) = source.path == "-"
                    ? try TableLoader.load(bytes: Self.standardInputBytes(), name: "<stdin>", options: options)
                    : try TableLoader.load(path: source.path, options: options)
                session.register(table, as: source.name)
                if report.skippedRows > 0 {
                    shell.errorOutput.write("warning: \(source.path): skipped \(report.skippedRows) bad rows\n")
                }
            } catch {
                shell.report(Diagnostic(kind: .badInput, message: error.description, loadError: error))
                throw ExitCode(ExitStatus.badInput)
            }
        }
        if sources.isEmpty && !options.noDemo, let table = DemoData.table() {
            session.register(table, as: "events")
            demo = table
        } else {
            demo = nil
        }
    }
}

extension SessionSetup {
    /// The built-in plugins plus script plugins from `./plugins` and the user's config folder.
    /// Script problems (unreadable file, taken name) are warnings on stderr; Tally still starts.
    static func pluginRegistry() throws -> PluginRegistry {
        var registry: PluginRegistry
        do {
            registry = try BuiltinPlugins.registry()
        } catch {
            TextOutput.standardError.write("error: built-in plugins: \(error)\n")
            throw ExitCode(ExitStatus.queryError)
        }
        for warning in ScriptPluginFiles.register(from: ScriptPluginFiles.defaultDirectories(), into: &registry) {
            TextOutput.standardError.write(warning.description + "\n")
        }
        return registry
    }

    /// All of stdin, for `--data -`.
    static func standardInputBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = systemRead(0, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}

/// Whole files as text, for scripts.
enum ScriptFile {
    static func read(_ path: String) throws -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ValidationError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = systemRead(fd, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw ValidationError("cannot read \(path): \(String(cString: strerror(errno)))") }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
