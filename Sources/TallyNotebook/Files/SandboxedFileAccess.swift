// The replay sandbox: reads only under allowed folders, writes only under --allow-write ones.
import TallyQuery

/// The file policy of a replayed notebook. Relative paths are taken from the notebook's folder;
/// every path is resolved (symlinks, `..`) before it is checked, so neither they nor absolute
/// paths reach outside the allowed folders. Reads are allowed under the notebook's folder and the
/// `readable` paths (`--data`, `--allow-read`); writes only under the `writable` ones (`--allow-write`).
/// Allowed reads are remembered for the notebook's data fingerprints.
public final class SandboxedFileAccess: FileAccessPolicy {
    /// The notebook's folder, resolved.
    public let baseDirectory: String
    public let readableRoots: [String]
    public let writableRoots: [String]
    /// Resolved paths of every allowed read, in order, without repeats.
    public private(set) var readPaths: [String] = []

    /// - Parameters:
    ///   - baseDirectory: the notebook's folder; relative paths in cells start here.
    ///   - readable: further files or folders that may be read.
    ///   - writable: files or folders that may be written (nothing else may).
    public init(baseDirectory: String, readable: [String] = [], writable: [String] = []) {
        let base = FilePaths.realPath(baseDirectory) ?? baseDirectory
        self.baseDirectory = base
        readableRoots = [base] + readable.compactMap { FilePaths.resolve($0, against: base) }
        writableRoots = writable.compactMap { FilePaths.resolve($0, against: base) }
    }

    public func checkRead(_ path: String) throws(FileAccessDenied) -> String {
        guard let resolved = FilePaths.resolve(path, against: baseDirectory),
              readableRoots.contains(where: { FilePaths.isInside(resolved, $0) }) else {
            throw FileAccessDenied("reading \"\(path)\" is not allowed: it is outside the notebook's folder",
                                   hints: ["allow it with `tally replay --allow-read PATH` or `--data`"])
        }
        if !readPaths.contains(resolved) { readPaths.append(resolved) }
        return resolved
    }

    public func checkWrite(_ path: String) throws(FileAccessDenied) -> String {
        guard let resolved = FilePaths.resolve(path, against: baseDirectory),
              writableRoots.contains(where: { FilePaths.isInside(resolved, $0) }) else {
            throw FileAccessDenied("writing \"\(path)\" is not allowed during replay",
                                   hints: ["allow a folder with `tally replay --allow-write PATH`"])
        }
        return resolved
    }
}

/// The REPL's policy: everything allowed; reads are remembered (resolved) so `.save` can
/// fingerprint the data the session loaded.
public final class RecordingFileAccess: FileAccessPolicy {
    public private(set) var readPaths: [String] = []
    /// Relative paths start here while set (`.open` runs a notebook's cells from its folder);
    /// nil: paths are used as written.
    public var baseDirectory: String?

    public init() {}

    public func checkRead(_ path: String) throws(FileAccessDenied) -> String {
        let located = located(path)
        if let resolved = FilePaths.realPath(located), !readPaths.contains(resolved) { readPaths.append(resolved) }
        return located
    }

    public func checkWrite(_ path: String) throws(FileAccessDenied) -> String { located(path) }

    private func located(_ path: String) -> String {
        guard let baseDirectory, !path.hasPrefix("/") else { return path }
        return FilePaths.join(baseDirectory, path)
    }
}
