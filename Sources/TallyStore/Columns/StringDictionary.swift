// The distinct values of a dictionary-encoded string column, stored as one UTF-8 arena.

/// The distinct strings of a `string` column, addressed by dense codes `0..<count`.
///
/// All values live in one contiguous UTF-8 buffer with an offsets array, so a dictionary of a
/// million user ids is two allocations, not a million `String`s. Immutable once built and
/// shared by every column (and every query result) that uses it.
public final class StringDictionary: Sendable {
    /// UTF-8 bytes of every value, back to back.
    public let bytes: [UInt8]
    /// `offsets[code] ..< offsets[code + 1]` is the value's byte range; `count + 1` entries.
    public let offsets: [Int]

    public init(bytes: [UInt8], offsets: [Int]) {
        precondition(!offsets.isEmpty && offsets[0] == 0, "offsets start with 0")
        self.bytes = bytes
        self.offsets = offsets
    }

    /// A dictionary holding `values` in this order (duplicates are kept as given).
    public convenience init(_ values: [String]) {
        var bytes: [UInt8] = []
        var offsets = [0]
        offsets.reserveCapacity(values.count + 1)
        for value in values {
            bytes.append(contentsOf: value.utf8)
            offsets.append(bytes.count)
        }
        self.init(bytes: bytes, offsets: offsets)
    }

    public static let empty = StringDictionary(bytes: [], offsets: [0])

    /// Number of distinct values.
    public var count: Int { offsets.count - 1 }

    /// The value with this code.
    public func string(at code: Int) -> String {
        let start = offsets[code], end = offsets[code + 1]
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 bytes of the value with this code, without copying.
    public func withUTF8<R>(at code: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = offsets[code], end = offsets[code + 1]
        return try bytes.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// All values, in code order. Allocates one `String` per value.
    public var strings: [String] { (0..<count).map(string(at:)) }

    /// The code of `value`, or nil when the dictionary does not hold it.
    ///
    /// - Complexity: O(total bytes); meant for looking up a literal once per query, not per row.
    public func code(of value: String) -> Int? {
        var target = value
        return target.withUTF8 { needle -> Int? in
            bytes.withUnsafeBufferPointer { buffer in
                for code in 0..<count {
                    let start = offsets[code], end = offsets[code + 1]
                    guard end - start == needle.count else { continue }
                    if needle.count == 0 { return code }
                    if memcmp(buffer.baseAddress! + start, needle.baseAddress!, needle.count) == 0 {
                        return code
                    }
                }
                return nil
            }
        }
    }

    /// Bytes this dictionary occupies: the arena plus the offsets.
    public var byteCount: Int { bytes.count + offsets.count * MemoryLayout<Int>.stride }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
