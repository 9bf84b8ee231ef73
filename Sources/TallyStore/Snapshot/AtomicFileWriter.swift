// Writes a file so that a crash leaves the old file or the whole new one: temp file, fsync, rename.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open temporary file beside the destination; `write(path:_:)` renames it into place.
struct AtomicFileWriter {
    private let descriptor: Int32
    private let path: String

    /// Creates a temporary file in `path`'s directory, lets `body` fill it, flushes it to disk and
    /// renames it to `path` (then flushes the directory so the rename itself is durable). On any
    /// failure the temporary file is removed and `path` is left as it was.
    ///
    /// - Throws: `SnapshotWriteError` naming `path` and the system's reason.
    static func write(path: String, _ body: (AtomicFileWriter) throws(SnapshotWriteError) -> Void) throws(SnapshotWriteError) {
        let directory = directoryName(of: path)
        let base = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        var temporaryPath = ""
        var descriptor: Int32 = -1
        // A name no other writer uses: the process id and a random suffix; O_EXCL makes sure.
        for _ in 0..<8 where descriptor < 0 {
            temporaryPath = "\(directory)/.\(base).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor < 0, errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw systemError(path, "cannot create") }
        let writer = AtomicFileWriter(descriptor: descriptor, path: path)
        do throws(SnapshotWriteError) {
            try body(writer)
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

    /// Appends `buffer` to the file, retrying short and interrupted writes.
    func write(_ buffer: UnsafeRawBufferPointer) throws(SnapshotWriteError) {
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
    func write(_ bytes: [UInt8]) throws(SnapshotWriteError) {
        let outcome = bytes.withUnsafeBytes { buffer -> Result<Void, SnapshotWriteError> in
            do throws(SnapshotWriteError) { return .success(try write(buffer)) } catch { return .failure(error) }
        }
        try outcome.get()
    }

    /// Appends `count` zero bytes (section padding).
    func writeZeros(_ count: Int) throws(SnapshotWriteError) {
        if count > 0 { try write([UInt8](repeating: 0, count: count)) }
    }

    private static func directoryName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func systemError(_ path: String, _ what: String) -> SnapshotWriteError {
        SnapshotWriteError(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// The system's `write`, named apart from `AtomicFileWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
