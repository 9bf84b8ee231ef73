// Gives the loader a file's bytes: memory-mapped for regular files, read into memory otherwise.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a file, valid while the value lives. Regular files are mapped read-only (no copy,
/// pages come in as the parser touches them); pipes, FIFOs and character devices are read whole.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer
    /// True when `bytes` is a read-only mapping of the file (not a copy in memory).
    let isMapped: Bool

    /// Opens and maps (or reads) `path`.
    /// - Throws: `LoadError` at line 0, column 0 with the system's reason (`cannot open: …`).
    init(path: String) throws(LoadError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Self.systemError(path, "cannot open") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.systemError(path, "cannot stat") }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw LoadError(file: path, line: 0, column: 0, message: "cannot open: Is a directory")
        }
        let size = Int(info.st_size)
        if (info.st_mode & S_IFMT) == S_IFREG, size > 0 {
            guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
                throw Self.systemError(path, "cannot map")
            }
            // The parser reads front to back; tell the kernel so it reads ahead aggressively.
            _ = madvise(address, size, MADV_SEQUENTIAL)
            bytes = UnsafeRawBufferPointer(start: address, count: size)
            isMapped = true
            return
        }
        bytes = try Self.readAll(descriptor, path: path)
        isMapped = false
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            bytes.deallocate()
        }
    }

    private static func readAll(_ descriptor: Int32, path: String) throws(LoadError) -> UnsafeRawBufferPointer {
        var capacity = 1 << 16
        var storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        var length = 0
        while true {
            if length == capacity {
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                bigger.copyMemory(from: storage, byteCount: length)
                storage.deallocate()
                storage = bigger
                capacity *= 2
            }
            let got = read(descriptor, storage + length, capacity - length)
            if got < 0 {
                if errno == EINTR { continue }
                storage.deallocate()
                throw systemError(path, "cannot read")
            }
            if got == 0 { break }
            length += got
        }
        return UnsafeRawBufferPointer(start: storage, count: length)
    }

    private static func systemError(_ path: String, _ what: String) -> LoadError {
        let reason = String(cString: strerror(errno))
        return LoadError(file: path, line: 0, column: 0, message: "\(what): \(reason)")
    }
}
