// How the shell turns its cells into a notebook file, shared by `.save` and `tally replay`.
import TallyNotebook
import TallyQuery
import TallyStore

/// Notebook output tables: `table` mode, every row, no cell cut, no colour (fixed width, diffs well).
public enum NotebookTables {
    public static let render: NotebookTableRenderer = { table, zone in
        TableRenderer.render(table, options: RenderOptions(formatter: ValueFormatter(zone: zone), color: false,
                                                           maxRows: nil, maxCellWidth: 1 << 20, terminalWidth: nil))
    }
}

extension ShellState {
    /// The session's cells as a notebook for `path`: front matter with the opened notebooks'
    /// parameters and the fingerprints of the files loaded, then each cell with its output.
    func notebook(savingTo path: String) -> Notebook {
        let folder = FilePaths.realPath(FilePaths.split(path).folder) ?? FilePaths.split(path).folder
        let origin = FilePaths.split(path).name
        var frontMatter = FrontMatter(parameters: notebookParameters)
        if let recording = session.fileAccess as? RecordingFileAccess {
            frontMatter.data = recording.readPaths.compactMap { DataFingerprinting.fingerprint(of: $0, relativeTo: folder) }
        }
        var blocks: [NotebookBlock] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { blocks.append(.prose([""])) }
            blocks.append(.cell(NotebookCell(code: cell.code)))
        }
        let runs = cells
        return NotebookWriter.layOut(Notebook(frontMatter: frontMatter.isEmpty ? nil : frontMatter, blocks: blocks)) { index, line in
            CellOutputText.render(runs[index], origin: origin, line: line, renderTable: NotebookTables.render)
        }
    }
}
