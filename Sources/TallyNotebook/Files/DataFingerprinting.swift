// Fingerprints of data files (size and content hash), and the warnings when they changed.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Computes and compares `DataFingerprint`s.
public enum DataFingerprinting {
    /// The fingerprint of the file at `path` (resolved), named relative to `folder` when inside it.
    /// Nil when the file cannot be read.
    public static func fingerprint(of path: String, relativeTo folder: String) -> DataFingerprint? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var hash = ContentHash()
        var size = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { break }
            buffer.withUnsafeBytes { hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            size += count
        }
        return DataFingerprint(path: FilePaths.relative(path, to: folder), size: size, hash: hash.text)
    }

    /// One warning per file recorded in `old` whose fingerprint in `new` differs or is missing.
    public static func changes(from old: [DataFingerprint], to new: [DataFingerprint]) -> [String] {
        old.compactMap { before in
            guard let after = new.first(where: { $0.path == before.path }) else {
                return "warning: data file \(before.path) was not loaded this time"
            }
            guard after != before else { return nil }
            return "warning: data file \(before.path) changed since the notebook was written "
                + "(size \(before.size) → \(after.size), \(before.hash) → \(after.hash))"
        }
    }
}
