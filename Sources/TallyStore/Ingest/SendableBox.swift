// Carries pointers into the parallel parse, where the compiler cannot see they are safe.

/// Wraps a value that is shared across the workers of one `concurrentPerform`.
///
/// Used only for the read-only input pointer and for per-worker result slots, each written by
/// exactly one worker and read after `concurrentPerform` returns, so no access ever races.
struct UncheckedSendable<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
