// Splitting a row loop over the two cores Tally is built for, with results written to disjoint slots.
import Dispatch

/// Runs a row loop as two halves at once on large inputs (one call on small ones).
enum ParallelHalves {
    /// Below this many rows the work is not worth a second thread.
    static let threshold = 1 << 20

    /// Number of parts `rows` rows are split into.
    static func parts(rows: Int) -> Int { rows >= threshold ? 2 : 1 }

    /// The rows of part `part` out of `parts`.
    static func rows(_ part: Int, of parts: Int, total rows: Int) -> Range<Int> {
        (rows * part / parts)..<(rows * (part + 1) / parts)
    }

    /// Calls `body(part, rows)` for every part, concurrently; returns when all are done.
    static func run(rows: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
        let parts = parts(rows: rows)
        run(parts: parts) { part in body(part, Self.rows(part, of: parts, total: rows)) }
    }

    /// Calls `body(part)` for `part` in `0..<parts`, concurrently (inline when there is one).
    static func run(parts: Int, _ body: @Sendable (Int) -> Void) {
        if parts == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: parts, execute: body)
        }
    }
}

/// A buffer that several parts of a `ParallelHalves` loop write to, each only to its own slots.
///
/// `@unchecked Sendable` because the compiler cannot see that the parts' slots are disjoint; the
/// buffer must outlive the loop (it comes from a `withUnsafeMutableBufferPointer` around it).
struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}

/// A read-only buffer shared by the parts of a `ParallelHalves` loop.
///
/// `@unchecked Sendable` because it is a raw view; the buffer must outlive the loop (it comes
/// from a `withUnsafeBufferPointer` around it) and nothing writes to it meanwhile.
struct SharedReads<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>

    init(_ buffer: UnsafeBufferPointer<Element>) { self.buffer = buffer }

    @inline(__always)
    subscript(index: Int) -> Element { buffer[index] }
}
