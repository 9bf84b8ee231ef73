// Notebooks and reports are written through the store's atomic writer, worded for notebooks.
import TallyStore

/// A failed atomic write, with the system's reason.
public struct AtomicWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes whole files atomically (see `AtomicFile`: temporary file, fsync, rename, folder
/// fsync; an existing file's mode is kept).
public enum AtomicFileWriter {
    public static func write(_ text: String, to path: String) throws(AtomicWriteError) {
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw AtomicWriteError(path: error.path, reason: error.reason)
        }
    }
}
