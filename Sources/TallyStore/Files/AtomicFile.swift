// Replaces a file so that a crash at any moment leaves either the old or the whole new content.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed atomic write: the target path, the step that failed (`cannot create`, `cannot
/// write`, …) and the system's reason. Callers word it for their own messages.
public struct AtomicFileError: Error, Sendable, Equatable {
    public var path: String
    public var action: String
    public var reason: String
}

/// An open temporary file beside the destination, filled by the body of `write(path:_:)`.
///
/// The one atomic writer of the project (snapshots, notebooks, reports): the bytes go to a
/// temporary file in the same directory (created exclusively), which is fsynced and renamed
/// over the target — rename is atomic within a file system — and then the directory is fsynced
/// so the rename itself survives a power cut. An existing target's mode is kept exactly; a new
/// file gets 0644 less the umask.
public struct AtomicFile {
    private let descriptor: Int32
    private let path: String

    /// Creates the temporary file, lets `body` fill it, and puts it in place. On any failure the
    /// temporary file is removed and `path` is left as it was.
    public static func write(path: String, _ body: (AtomicFile) throws(AtomicFileError) -> Void) throws(AtomicFileError) {
        let directory = directoryName(of: path)
        let base = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        var status = stat()
        let keptMode: mode_t? = stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
        var temporaryPath = ""
        var descriptor: Int32 = -1
        // A name no other writer uses: the process id and a random suffix; O_EXCL makes sure.
        for _ in 0..<8 where descriptor < 0 {
            temporaryPath = "\(directory)/.\(base).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, keptMode ?? 0o644)
            if descriptor < 0, errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw systemError(path, "cannot create") }
        do throws(AtomicFileError) {
            try body(AtomicFile(descriptor: descriptor, path: path))
            // O_CREAT applied the umask; the replaced file's mode is wanted exactly.
            if let keptMode, fchmod(descriptor, keptMode) != 0 { throw systemError(path, "cannot set the mode of") }
            guard fsync(descriptor) == 0 else { throw systemError(path, "cannot flush") }
            guard close(descriptor) == 0 else {
                descriptor = -1
                throw systemError(path, "cannot close")
            }
            descriptor = -1
            guard rename(temporaryPath, path) == 0 else { throw systemError(path, "cannot write") }
        } catch {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporaryPath)
            throw error
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            // Best effort: some file systems refuse fsync on a directory; the data itself is already safe.
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Writes `text` as the whole new content of `path`.
    public static func write(_ text: String, to path: String) throws(AtomicFileError) {
        try write(path: path) { (file: AtomicFile) throws(AtomicFileError) in try file.write(Array(text.utf8)) }
    }

    /// Appends `buffer` to the file, retrying short and interrupted writes.
    public func write(_ buffer: UnsafeRawBufferPointer) throws(AtomicFileError) {
        var done = 0
        while done < buffer.count {
            let written = systemWrite(descriptor, buffer.baseAddress! + done, min(buffer.count - done, 1 << 30))
            if written < 0 {
                if errno == EINTR { continue }
                throw Self.systemError(path, "cannot write")
            }
            done += written
        }
    }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws(AtomicFileError) {
        let outcome = bytes.withUnsafeBytes { buffer -> Result<Void, AtomicFileError> in
            do throws(AtomicFileError) { return .success(try write(buffer)) } catch { return .failure(error) }
        }
        try outcome.get()
    }

    /// Appends `count` zero bytes (section padding).
    public func writeZeros(_ count: Int) throws(AtomicFileError) {
        if count > 0 { try write([UInt8](repeating: 0, count: count)) }
    }

    private static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func systemError(_ path: String, _ action: String) -> AtomicFileError {
        AtomicFileError(path: path, action: action, reason: String(cString: strerror(errno)))
    }
}

/// The system's `write`, named apart from `AtomicFile.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
