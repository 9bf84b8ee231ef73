// Runs `save table to "path"`: writes a session table as a snapshot file.
import TallyStore

extension Session {
    /// Writes table `name` to `path` as a snapshot (`load "path" as t` reads it back).
    ///
    /// The file is replaced atomically, so a failed or interrupted save leaves any earlier file
    /// at `path` as it was.
    /// - Throws: `Diagnostic`: `.semantic` for an unknown table (at its name, with "did you mean"),
    ///   `.runtime` naming the path and the system's reason when the file cannot be written.
    func save(_ name: String, tableSpan: SourceSpan, to path: String, span: SourceSpan) throws(Diagnostic) -> StatementResult.Output {
        guard let table = table(named: name) else {
            throw Diagnostic(kind: .semantic, message: "unknown table `\(name)`", span: tableSpan,
                             hints: Suggestion.hints(for: name, among: tables.map(\.name)))
        }
        // A replayed notebook may only write where `--allow-write` says.
        let allowedPath: String
        do {
            allowedPath = try fileAccess?.checkWrite(path) ?? path
        } catch {
            throw Diagnostic(kind: .semantic, message: error.message, span: span, hints: error.hints)
        }
        do {
            try SnapshotWriter.write(table, toPath: allowedPath)
        } catch {
            throw Diagnostic(kind: .runtime, message: error.description, span: span)
        }
        return .message("saved \(table.rowCount) row\(table.rowCount == 1 ? "" : "s") of \(name) to \(path)")
    }
}
