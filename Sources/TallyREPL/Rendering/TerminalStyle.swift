// ANSI styling that turns itself off when output is not for a colour terminal.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wraps text in ANSI escapes when enabled, and returns it unchanged otherwise.
public struct TerminalStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Colour is for people: only when `fd` is a terminal and `NO_COLOR` is unset or empty
    /// (https://no-color.org), and never for `TERM=dumb`.
    public static func wantsColor(fd: Int32) -> Bool {
        guard isatty(fd) != 0 else { return false }
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return true
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[" + code + "m" + text + "\u{1B}[0m" : text
    }
}
