// Runs every cell of a notebook in order and lays out the notebook with the new outputs.
import TallyQuery
import TallyStore

/// A cell after replay: its code, what it produced, and the output recorded before.
public struct ReplayedCell: Sendable {
    /// 1-based position among the notebook's cells.
    public var number: Int
    /// Line of the cell's first code line in the notebook that was read.
    public var originalLine: Int
    public var run: CellRun
    /// The new text of its output fence (nil: no output).
    public var output: String?
    /// The text recorded in the file before replay.
    public var recordedOutput: String?

    /// The replayed output equals the recorded one (ignoring trailing blanks).
    public var matches: Bool { CellOutputText.normalized(output) == CellOutputText.normalized(recordedOutput) }
}

/// Everything a replay produced: the rewritten notebook (prose, code and new outputs in order,
/// ready to write or to render as a report), each replayed cell, and warnings.
public struct ReplayResult: Sendable {
    public var notebook: Notebook
    public var cells: [ReplayedCell]
    /// Data files that changed since the notebook was written, and the like.
    public var warnings: [String]

    /// Unified diffs of the cells whose output differs, each naming its cell.
    public func differences(origin: String) -> String {
        cells.filter { !$0.matches }.map { cell in
            OutputDiff.unified(old: CellOutputText.normalized(cell.recordedOutput), new: CellOutputText.normalized(cell.output),
                               oldName: "\(origin) cell \(cell.number) (line \(cell.originalLine)), recorded output",
                               newName: "\(origin) cell \(cell.number), replayed output")
        }.joined()
    }

    /// Whether a cell failed.
    public var hasFailures: Bool { cells.contains { $0.run.hasFailed } }
}

/// Replays notebooks.
public enum NotebookReplay {
    /// The notebook's parameters: the front matter defaults, then `overrides` (`--param`).
    public static func parameters(of notebook: Notebook, overrides: [(name: String, value: String)]) -> [String: Value] {
        var values: [String: Value] = [:]
        for parameter in notebook.frontMatter?.parameters ?? [] { values[parameter.name] = ParameterValue.parse(parameter.value) }
        for parameter in overrides { values[parameter.name] = ParameterValue.parse(parameter.value) }
        return values
    }

    /// Runs each cell of `notebook` in `session` in order; a failing cell records its error and
    /// replay goes on with the next.
    /// - Parameters:
    ///   - origin: how errors name the notebook (its file name, so outputs do not depend on the
    ///     working directory).
    ///   - fileAccess: the sandbox in force; its reads become the notebook's data fingerprints.
    ///   - renderTable: draws result tables (`table` mode).
    public static func replay(_ notebook: Notebook, origin: String, in session: Session,
                              fileAccess: SandboxedFileAccess?, renderTable: NotebookTableRenderer) -> ReplayResult {
        let recorded = notebook.cells
        let runs = recorded.map { CellRun.run($0.code, in: session, origin: origin) }
        var warnings: [String] = []
        var frontMatter = notebook.frontMatter
        if let fileAccess {
            let fingerprints = fileAccess.readPaths.compactMap {
                DataFingerprinting.fingerprint(of: $0, relativeTo: fileAccess.baseDirectory)
            }
            warnings += DataFingerprinting.changes(from: notebook.frontMatter?.data ?? [], to: fingerprints)
            if frontMatter != nil || !fingerprints.isEmpty {
                frontMatter = frontMatter ?? FrontMatter()
                frontMatter?.data = fingerprints
            }
        }
        var laidOut = notebook
        laidOut.frontMatter = frontMatter
        laidOut = NotebookWriter.layOut(laidOut) { index, line in
            CellOutputText.render(runs[index], origin: origin, line: line, renderTable: renderTable)
        }
        let cells = laidOut.cells.enumerated().map { index, cell in
            ReplayedCell(number: index + 1, originalLine: recorded[index].line, run: runs[index], output: cell.output,
                         recordedOutput: recorded[index].output)
        }
        return ReplayResult(notebook: laidOut, cells: cells, warnings: warnings)
    }
}
