// The hook that decides which files statements may read and write (notebook replay sandboxes it).

/// Decides whether a statement may read or write a file, and which file that is.
///
/// `Session.fileAccess` is consulted by every statement that touches a file (`load` reads; a
/// future `save … to "path"` writes). With no policy the path is used as written, relative to the
/// working directory. A replayed notebook gets a policy that resolves paths against the
/// notebook's folder and refuses anything outside the folders it was given.
public protocol FileAccessPolicy: AnyObject {
    /// The path to open for reading `path` (as written in the statement).
    /// - Throws: `FileAccessDenied` when reading it is not allowed.
    func checkRead(_ path: String) throws(FileAccessDenied) -> String
    /// The path to create or replace for writing `path` (as written in the statement).
    /// - Throws: `FileAccessDenied` when writing there is not allowed.
    func checkWrite(_ path: String) throws(FileAccessDenied) -> String
}

/// A refused file access; `message` says what was refused and why, for the statement's diagnostic.
public struct FileAccessDenied: Error, Sendable, Equatable {
    public var message: String
    /// Ways to allow it (`--allow-read DIR`).
    public var hints: [String]

    public init(_ message: String, hints: [String] = []) {
        self.message = message
        self.hints = hints
    }
}
