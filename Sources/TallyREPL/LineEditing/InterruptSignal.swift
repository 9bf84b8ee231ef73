// Ctrl-C: a SIGINT handler that only writes flags, so queries stop at their next check.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A signal handler may only touch memory that is already set up and may not allocate or lock.
// It is a C function pointer and cannot capture context, so the words it writes are reached
// through these globals. They are written only on the main thread while SIGINT is not yet handled
// (in `InterruptSignal.install`), and read by the handler afterwards: `nonisolated(unsafe)` states
// exactly that this ordering, not the compiler, keeps them safe.
nonisolated(unsafe) private var pendingInterruptWord: UnsafeMutablePointer<Int>?
nonisolated(unsafe) private var cancellationWord: UnsafeMutablePointer<Int>?

private let handleInterrupt: @convention(c) (Int32) -> Void = { _ in
    pendingInterruptWord?.pointee = 1
    cancellationWord?.pointee = 1
}

/// Catches SIGINT for the interactive shell.
///
/// The handler sets two words: "an interrupt is pending" (the line editor polls it to clear the
/// line at the prompt) and the session's cancellation flag (the engine polls it to stop a running
/// query). It is installed without `SA_RESTART`, so a blocking `poll` at the prompt returns `EINTR`.
public enum InterruptSignal {
    /// Installs the handler; `cancellation` is the raw word of the session's `CancellationFlag`.
    /// Call once, on the main thread.
    public static func install(cancellation: UnsafeMutablePointer<Int>) {
        if pendingInterruptWord == nil {
            let word = UnsafeMutablePointer<Int>.allocate(capacity: 1)
            word.initialize(to: 0)
            pendingInterruptWord = word
        }
        cancellationWord = cancellation
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handleInterrupt
        #else
        action.__sigaction_u.__sa_handler = handleInterrupt
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// Whether Ctrl-C was pressed since the last `clear()`.
    public static var isPending: Bool { (pendingInterruptWord?.pointee ?? 0) != 0 }

    public static func clear() { pendingInterruptWord?.pointee = 0 }
}
