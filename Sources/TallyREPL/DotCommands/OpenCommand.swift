// DOT-COMMAND: .open — runs a notebook's cells in this session, printing their outputs.
import TallyNotebook
import TallyQuery
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// `.open PATH`
public struct OpenCommand: DotCommand {
    public let name = ".open"
    public let synopsis = ".open PATH"
    public let summary = "Run a notebook's cells here and continue from where it ended"
    public let help = """
        Reads the notebook at PATH and runs its ```tally cells in order in this session, printing
        each result, so its tables and definitions are here to continue exploring. Its parameters
        take their default values (use them as $name). Relative paths in its cells are read from
        the notebook's folder. The cells join this session's cells (.cells); a failing cell is
        reported and the next one runs. Problems in the file (an unclosed fence…) are warnings
        naming the line; the valid cells still run.
        """

    public init() {}

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        guard let path = arguments.values.first else { throw DotCommandError("missing PATH", argument: 0) }
        try arguments.expectAtMost(1)
        guard let text = NotebookFile.read(path) else {
            throw DotCommandError("cannot read: \(String(cString: strerror(errno)))", argument: 0)
        }
        let (notebook, errors) = NotebookReader.read(text)
        for error in errors { shell.errorOutput.write("warning: \(path): \(error)\n") }
        for parameter in notebook.frontMatter?.parameters ?? [] {
            shell.session.parameters[parameter.name] = ParameterValue.parse(parameter.value)
            shell.notebookParameters.removeAll { $0.name == parameter.name }
            shell.notebookParameters.append(parameter)
        }
        let recording = shell.session.fileAccess as? RecordingFileAccess
        recording?.baseDirectory = FilePaths.split(path).folder
        defer { recording?.baseDirectory = nil }
        for cell in notebook.cells {
            shell.execute(SourceText(origin: FilePaths.split(path).name, text: cell.code, firstLine: max(1, cell.line)),
                          stopOnError: true)
        }
    }
}

/// Whole notebook files as text.
public enum NotebookFile {
    /// The file's text, or nil (errno says why).
    public static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
