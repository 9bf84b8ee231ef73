// Replaces a file so that a crash at any moment leaves either the old or the new content.
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// A failed atomic write, with the system's reason.
public struct AtomicWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// Writes whole files atomically: the bytes go to a temporary file in the same folder, which is
/// fsynced, renamed over the target (rename is atomic within a file system), and then the
/// folder is fsynced so the rename itself survives a power cut. The target's mode is kept; a
/// new file gets 0644 (less the umask).
public enum AtomicFileWriter {
    public static func write(_ text: String, to path: String) throws(AtomicWriteError) {
        let (folder, name) = FilePaths.split(path)
        var status = stat()
        let keptMode: mode_t? = stat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
        let temporary = FilePaths.join(folder, ".\(name).tally-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, keptMode ?? 0o644)
        guard fd >= 0 else { throw failure(path) }
        var isRenamed = false
        defer { if !isRenamed { unlink(temporary) } }
        do {
            defer { close(fd) }
            var bytes = Array(text.utf8)
            var written = 0
            while written < bytes.count {
                let count = bytes.withUnsafeMutableBytes { systemWrite(fd, $0.baseAddress! + written, $0.count - written) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw failure(path) }
                written += count
            }
            bytes.removeAll()
            // O_CREAT applied the umask; the original file's mode is wanted exactly.
            if let keptMode, fchmod(fd, keptMode) != 0 { throw failure(path) }
            guard fsync(fd) == 0 else { throw failure(path) }
        }
        guard rename(temporary, path) == 0 else { throw failure(path) }
        isRenamed = true
        let folderDescriptor = open(folder, O_RDONLY | O_CLOEXEC)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private static func failure(_ path: String) -> AtomicWriteError {
        AtomicWriteError(path: path, reason: String(cString: strerror(errno)))
    }
}
