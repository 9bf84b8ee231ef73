// Where the REPL's history lives, and making sure it exists privately (mode 0600).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The history file: `$XDG_STATE_HOME/tally/history`, or `~/.local/state/tally/history` when
/// `XDG_STATE_HOME` is unset, empty or relative (as the XDG Base Directory spec requires).
public struct HistoryFile: Sendable, Equatable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The path chosen from an environment (`XDG_STATE_HOME`, `HOME`); nil when neither helps.
    public static func location(environment: [String: String]) -> HistoryFile? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return HistoryFile(path: state + "/tally/history")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return HistoryFile(path: home + "/.local/state/tally/history")
    }

    /// The location for this process's environment.
    public static func current() -> HistoryFile? {
        var environment: [String: String] = [:]
        for key in ["XDG_STATE_HOME", "HOME"] {
            if let value = getenv(key) { environment[key] = String(cString: value) }
        }
        return location(environment: environment)
    }

    /// Creates missing directories (mode 0700) and the file (mode 0600), and narrows the mode of an
    /// existing file to 0600: history can hold data values typed in queries.
    /// - Returns: false when the file cannot be made (the REPL then keeps history in memory only).
    @discardableResult
    public func prepare() -> Bool {
        var directory = ""
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        for part in parts {
            directory += "/" + part
            if mkdir(directory, 0o700) != 0 && errno != EEXIST { return false }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return fchmod(fd, 0o600) == 0
    }
}
