// Connects readline's C completion hook to the Swift `Completer`.
import CReadline
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// readline calls plain C function pointers that cannot capture a Swift object, so the active
// completer and the candidates of the current attempt live in globals. readline runs only on
// the main thread and calls these hooks synchronously from `rl_callback_read_char`, so no two
// accesses can overlap; `nonisolated(unsafe)` records that this discipline, not the compiler,
// makes them safe under Swift 6's strict concurrency.
nonisolated(unsafe) private var activeCompleter: Completer?
nonisolated(unsafe) private var candidates: [String] = []
nonisolated(unsafe) private var nextCandidate = 0

/// Hands readline one candidate per call (state 0 starts a new round), as `strdup`ed C strings
/// that readline frees.
private let generateCandidate: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = {
    _, state in
    if state == 0 { nextCandidate = 0 }
    guard nextCandidate < candidates.count else { return nil }
    defer { nextCandidate += 1 }
    return strdup(candidates[nextCandidate])
}

private let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, end in
    guard let completer = activeCompleter, let buffer = tally_rl_line_buffer() else { return nil }
    let bytes = UnsafeRawBufferPointer(start: buffer, count: Int(end))
    let line = String(decoding: bytes, as: UTF8.self)
    let prefixBytes = UnsafeRawBufferPointer(start: buffer, count: Int(start))
    let beforeWord = String(decoding: prefixBytes, as: UTF8.self)
    let word = String(line.utf8.dropFirst(prefixBytes.count)) ?? ""
    switch completer.complete(beforeWord: beforeWord, word: word) {
    case .fileNames:
        // Let readline fall back to its own file-name completion (for `load "…` and `.load`).
        tally_rl_set_attempted_completion_over(0)
        return nil
    case .words(let words):
        tally_rl_set_attempted_completion_over(1)
        candidates = words
        return rl_completion_matches(text, generateCandidate)
    }
}

/// Installs or removes the completion hook.
enum ReadlineCompletion {
    static func attach(_ completer: Completer?) {
        activeCompleter = completer
        tally_rl_set_completion(completer == nil ? nil : attemptCompletion)
    }
}
