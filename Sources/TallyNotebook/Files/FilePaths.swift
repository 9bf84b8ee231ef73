// Path resolution for the sandbox: real paths (symlinks and `..` resolved) and containment.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small POSIX path helpers.
public enum FilePaths {
    /// `path` made absolute against `base` when relative, then resolved with realpath(3); for a
    /// file that does not exist yet, its folder is resolved and the name appended. Nil when even
    /// the folder cannot be resolved.
    public static func resolve(_ path: String, against base: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : join(base, path)
        if let real = realPath(absolute) { return real }
        let (folder, name) = split(absolute)
        guard name != "..", name != ".", let realFolder = realPath(folder) else { return nil }
        return join(realFolder, name)
    }

    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` is `root` or lies under it (both already resolved).
    public static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// `path` relative to `root` when inside it, else `path`.
    public static func relative(_ path: String, to root: String) -> String {
        guard isInside(path, root), path != root else { return path }
        return String(path.dropFirst(root.hasSuffix("/") ? root.count : root.count + 1))
    }

    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// (folder, last component) of `path`; the folder of `x.md` is `.`.
    public static func split(_ path: String) -> (folder: String, name: String) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return (".", trimmed) }
        let folder = String(trimmed[..<slash])
        return (folder.isEmpty ? "/" : folder, String(trimmed[trimmed.index(after: slash)...]))
    }
}
