// Lists the rows a scan selects, parts scanned in parallel, into one exactly sized result.
import Dispatch

/// The row list of a selection scanned in parts over the cores.
///
/// Each part lists its rows in scratch room for 1/16 of its rows: rare matches (the usual `where`)
/// are listed in one pass; a part with more is only counted then, and listed by a second pass
/// straight into the result. Untouched scratch pages are never faulted in, and the result is
/// allocated once at its final size (no growing arrays, no concatenation).
enum PartitionedSelection {
    /// Writes the matching rows of a range, ascending, to the pointer — at most `capacity` of them —
    /// and returns how many match (more than `capacity` when they did not all fit).
    typealias PartWriter = @Sendable (_ rows: Range<Int>, _ output: UnsafeMutablePointer<Int>, _ capacity: Int) -> Int

    /// The rows of `0..<count` that `writePart` selects, ascending.
    static func rows(count: Int, partSize: Int, _ writePart: PartWriter) -> [Int] {
        let parts = max(1, (count + partSize - 1) / partSize)
        let capacity = max(64, partSize / 16)
        let scratch = UnsafeMutablePointer<Int>.allocate(capacity: parts * capacity)
        defer { scratch.deallocate() }
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: parts)
        defer { counts.deallocate() }
        let first = SelectionSlots(counts: counts, scratch: scratch, output: scratch)
        inParts(count, partSize: partSize) { part, range in
            // Each part writes only its own count and its own scratch slots.
            first.counts[part] = writePart(range, first.scratch + part * capacity, capacity)
        }
        var offsets = [Int](repeating: 0, count: parts + 1)
        for part in 0..<parts { offsets[part + 1] = offsets[part] + counts[part] }
        let total = offsets[parts], starts = offsets
        if total == 0 { return [] }
        return [Int](unsafeUninitializedCapacity: total) { output, initialized in
            let second = SelectionSlots(counts: counts, scratch: scratch, output: output.baseAddress!)
            inParts(count, partSize: partSize) { part, range in
                // Each part fills only its own slice of the result.
                let target = second.output + starts[part]
                if second.counts[part] <= capacity {
                    target.initialize(from: second.scratch + part * capacity, count: second.counts[part])
                } else {
                    _ = writePart(range, target, .max)
                }
            }
            initialized = total
        }
    }

    /// Runs `body(part, rows)` for each part of `count` rows, on all cores when there are several.
    static func inParts(_ count: Int, partSize: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
        let parts = max(1, (count + partSize - 1) / partSize)
        if parts == 1 { return body(0, 0..<count) }
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            body(part, part * partSize..<min(count, (part + 1) * partSize))
        }
    }
}

/// The per-part counts, scratch rows and result shared by the workers of one selection: each worker
/// writes only its own part's slots.
private struct SelectionSlots: @unchecked Sendable {
    let counts: UnsafeMutablePointer<Int>
    let scratch: UnsafeMutablePointer<Int>
    let output: UnsafeMutablePointer<Int>
}

/// A read-only buffer handed to the workers of one scan.
struct SharedReadOnly<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}
