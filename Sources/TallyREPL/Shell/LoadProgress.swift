// A percentage on stderr while a large file loads, only when a person is watching.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress display for `TableLoader`'s `progress` callback.
public enum LoadProgress {
    /// Files smaller than this load too fast for a progress line to help.
    static let minimumBytes = 32 << 20

    /// A callback printing `loading NAME: 42%` on stderr, or nil when stderr is not a terminal.
    public static func reporter(for name: String) -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(2) != 0 else { return nil }
        let state = ProgressLine(name: name)
        return { done, total in state.update(done: done, total: total) }
    }
}

/// The line being redrawn. The loader calls its callback from one thread at a time (a promise of
/// `LoadOptions.progress`), which is what makes the mutable state safe to share.
private final class ProgressLine: @unchecked Sendable {
    private let name: String
    private var shownPercent = -1

    init(name: String) { self.name = name }

    func update(done: Int, total: Int) {
        guard total >= LoadProgress.minimumBytes else { return }
        let percent = done >= total ? 100 : done * 100 / total
        guard percent != shownPercent else { return }
        shownPercent = percent
        if percent == 100 {
            // Erase the line so the result or error starts clean.
            TextOutput.standardError.write("\r" + String(repeating: " ", count: name.count + 16) + "\r")
        } else {
            TextOutput.standardError.write("\rloading \(name): \(percent)%")
        }
    }
}
