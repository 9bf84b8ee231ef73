// Interns strings (or raw UTF-8 byte ranges) into dense codes while a column is being built.

/// Builds a `StringDictionary`, giving each distinct value the next dense code.
///
/// Values can be interned straight from a byte range (as the CSV reader does) so that no
/// `String` is created per field; only the arena grows, once per distinct value. Each slot keeps
/// the full hash, the length and the arena offset, so a lookup reads the slot and the stored
/// bytes and nothing else, and growing never re-hashes: on a user-id column with a million
/// distinct values that halves the cache misses per row.
public struct StringDictionaryBuilder: Sendable {
    /// One open-addressing slot. `codePlusOne == 0` marks an empty slot.
    private struct Slot: Sendable {
        var hash: UInt64
        /// Arena offset in the low 48 bits, length (saturated at 0xFFFF) in the high 16.
        var place: UInt64
        var codePlusOne: UInt32
    }

    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var slots: [Slot]
    private var mask: Int

    public init(expectedCount: Int = 16) {
        var capacity = 64
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = Array(repeating: Slot(hash: 0, place: 0, codePlusOne: 0), count: capacity)
        mask = capacity - 1
    }

    /// Number of distinct values interned so far.
    public var count: Int { offsets.count - 1 }

    /// The code of `value`, adding it when new.
    public mutating func intern(_ value: String) -> UInt32 {
        var value = value
        return value.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    /// The code of the value whose UTF-8 bytes are `utf8`, adding it when new.
    @inline(__always)
    public mutating func intern(_ utf8: UnsafeRawBufferPointer) -> UInt32 {
        let hash = Self.hash(utf8)
        let lengthField = UInt64(min(utf8.count, 0xFFFF))
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot.codePlusOne == 0 { break }
            if slot.hash == hash, slot.place >> 48 == lengthField, matches(slot, utf8) {
                return slot.codePlusOne - 1
            }
            index = (index + 1) & mask
        }
        let code = UInt32(count)
        let offset = arena.count
        arena.append(contentsOf: utf8)
        offsets.append(arena.count)
        slots[index] = Slot(hash: hash, place: lengthField << 48 | UInt64(offset), codePlusOne: code + 1)
        if count * 2 > slots.count { grow() }
        return code
    }

    /// The finished dictionary (code order = first-seen order); the builder can keep being used.
    public func build() -> StringDictionary {
        StringDictionary(bytes: arena, offsets: offsets)
    }

    @inline(__always)
    private func matches(_ slot: Slot, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let length = bytes.count
        if length == 0 { return true }
        let offset = Int(slot.place & 0xFFFF_FFFF_FFFF)
        if length >= 0xFFFF, offsets[Int(slot.codePlusOne)] - offset != length { return false }
        return arena.withUnsafeBytes { stored in
            let left = stored.baseAddress! + offset
            // Short values (ids, event names) compare faster inline than through a call.
            if length <= 16 {
                for index in 0..<length where left.load(fromByteOffset: index, as: UInt8.self) != bytes[index] {
                    return false
                }
                return true
            }
            return memcmp(left, bytes.baseAddress!, length) == 0
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var bigger = Array(repeating: Slot(hash: 0, place: 0, codePlusOne: 0), count: capacity)
        let newMask = capacity - 1
        for slot in slots where slot.codePlusOne != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & newMask
            while bigger[index].codePlusOne != 0 { index = (index + 1) & newMask }
            bigger[index] = slot
        }
        slots = bigger
        mask = newMask
    }

    /// FNV-1a over 8-byte words with a final avalanche: fast on short keys such as ids.
    @inline(__always)
    static func hash(_ utf8: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(utf8.count)
        var index = 0
        let count = utf8.count
        while index + 8 <= count {
            h = (h ^ utf8.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x100_0000_01b3
            h ^= h >> 29
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(utf8[index]) << shift
            shift += 8
            index += 1
        }
        h = (h ^ tail) &* 0x100_0000_01b3
        h ^= h >> 32
        h &*= 0xd6e8_feb8_6659_fd93
        h ^= h >> 32
        return h
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
