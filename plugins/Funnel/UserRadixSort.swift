// A stable LSD radix sort of funnel entries by dense user id, split across worker threads.
import Dispatch
import TallyPluginAPI

/// Sorts entries by `user`, keeping input order within a user, in passes of at most 11 bits
/// (2048 buckets, whose write positions stay in cache; a direct scatter into 10^5 user segments
/// would miss the cache on every write). Each pass: every part counts its slice's digits, the
/// offsets give part p the slots after parts < p in every bucket (which keeps the sort stable),
/// then every part scatters its slice.
enum UserRadixSort {
    /// - Complexity: O(n × passes); passes = ⌈log2(userCount) / 11⌉.
    static func sort(_ entries: inout [FunnelEntry], userCount: Int, parts requested: Int) {
        let count = entries.count
        let bits = max(1, Int.bitWidth - max(userCount - 1, 0).leadingZeroBitCount)
        let passes = (bits + 10) / 11
        let bitsPerPass = (bits + passes - 1) / passes
        let bucketCount = 1 << bitsPerPass
        let parts = max(1, min(requested, count / 65_536))
        let slices = (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
        // Every slot is written by the first pass before it is read.
        var other = [FunnelEntry](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        var offsets = [Int](repeating: 0, count: parts * bucketCount)
        for pass in 0..<passes {
            let shift = UInt32(pass * bitsPerPass)
            let mask = UInt32(bucketCount - 1)
            entries.withUnsafeBufferPointer { source in
                other.withUnsafeMutableBufferPointer { target in
                    offsets.withUnsafeMutableBufferPointer { offsets in
                        let source = SharedBuffer(source)
                        let target = SharedBuffer(target)
                        let counts = SharedBuffer(offsets)
                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                            let row = counts.base + part * bucketCount
                            for bucket in 0..<bucketCount { row[bucket] = 0 }
                            for index in slices[part] {
                                row[Int((UInt32(bitPattern: source.base[index].user) >> shift) & mask)] += 1
                            }
                        }
                        var total = 0
                        for bucket in 0..<bucketCount {
                            for part in 0..<parts {
                                let size = offsets[part * bucketCount + bucket]
                                offsets[part * bucketCount + bucket] = total
                                total += size
                            }
                        }
                        DispatchQueue.concurrentPerform(iterations: parts) { part in
                            let next = counts.base + part * bucketCount
                            for index in slices[part] {
                                let entry = source.base[index]
                                let bucket = Int((UInt32(bitPattern: entry.user) >> shift) & mask)
                                target.base[next[bucket]] = entry
                                next[bucket] += 1
                            }
                        }
                    }
                }
            }
            swap(&entries, &other)
        }
    }
}
