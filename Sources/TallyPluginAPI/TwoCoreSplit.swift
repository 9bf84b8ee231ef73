// Running a loop as two halves on the two cores Tally is built for, with results in disjoint slots.
import Dispatch

/// Splits work over two cores when it is large enough to pay for a second thread.
///
/// Used by the shared scan helpers of this module (`TimeOrder`, `PeriodUserSets`) and by plugin
/// loops that split their work the same way (each part writes its own partial result; the
/// caller merges them after `run` returns).
public enum TwoCoreSplit {
    /// Below this many rows a second thread costs more than it saves.
    public static let threshold = 1 << 20

    /// Number of parts `rows` rows are split into: 2 from `threshold` rows on, else 1.
    public static func parts(rows: Int) -> Int { rows >= threshold ? 2 : 1 }

    /// The rows of part `part` out of `parts` when `rows` rows are cut into equal ranges.
    public static func rows(_ part: Int, of parts: Int, total rows: Int) -> Range<Int> {
        (rows * part / parts)..<(rows * (part + 1) / parts)
    }

    /// Calls `body(part, rows)` for each part of `rows` rows cut into `parts(rows:)` equal
    /// ranges, concurrently; returns when all are done.
    public static func run(rows: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
        let parts = parts(rows: rows)
        run(parts: parts) { part in body(part, Self.rows(part, of: parts, total: rows)) }
    }

    /// Calls `body(part)` for `part` in `0..<parts`, concurrently (inline when there is one).
    public static func run(parts: Int, _ body: @Sendable (Int) -> Void) {
        if parts == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: parts, execute: body)
        }
    }
}

/// A raw buffer that the parts of a `TwoCoreSplit` loop share: each reads anything, and writes
/// only its own slots.
///
/// `@unchecked Sendable` because the compiler cannot see that the written slots are disjoint; the
/// buffer must outlive the loop (it comes from a `withUnsafe…BufferPointer` around it).
public struct SharedBuffer<Element>: @unchecked Sendable {
    public let base: UnsafeMutablePointer<Element>

    /// Shares `buffer` (its elements are read and written through `base`).
    public init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        // A dummy address for an empty buffer: nothing is ever read or written through it.
        base = buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }

    /// Shares a read-only `buffer` (never write through this one).
    public init(_ buffer: UnsafeBufferPointer<Element>) {
        self.init(UnsafeMutableBufferPointer(mutating: buffer))
    }

    @inline(__always)
    public subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
