// DOT-COMMAND: .save — writes the session's cells, with their outputs, as a notebook.
import TallyNotebook

/// `.save PATH`
public struct SaveCommand: DotCommand {
    public let name = ".save"
    public let synopsis = ".save PATH"
    public let summary = "Save the session's cells and outputs as a notebook"
    public let help = """
        Writes every statement run so far (each input you ran is one cell, errors included) with
        its output as a Markdown notebook: ```tally cells, each followed by an ```output fence
        holding the result in table mode. Front matter lists the parameters of opened notebooks
        and the size and hash of each data file loaded. The file is replaced atomically (a crash
        leaves the old or the new file, never a mix); its mode is kept.
        Use .cells to review the cells and .drop N to remove one first.
        Replay the notebook later with `tally replay PATH` (add --check to compare).
        """

    public init() {}

    public func run(_ arguments: DotCommandArguments, in shell: ShellState) throws {
        guard let path = arguments.values.first else { throw DotCommandError("missing PATH", argument: 0) }
        try arguments.expectAtMost(1)
        let notebook = shell.notebook(savingTo: path)
        do {
            try AtomicFileWriter.write(NotebookWriter.text(of: notebook), to: path)
        } catch {
            throw DotCommandError(error.description, argument: 0)
        }
        let count = notebook.cells.count
        shell.output.write("saved \(count) cell\(count == 1 ? "" : "s") to \(path)\n")
    }
}
