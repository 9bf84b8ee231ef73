// Interns strings (or raw UTF-8 byte ranges) into dense codes while a column is being built.

/// Builds a `StringDictionary`, giving each distinct value the next dense code.
///
/// Values can be interned straight from a byte range (as the CSV reader does) so that no
/// `String` is created per field; only the arena grows, once per distinct value.
public struct StringDictionaryBuilder: Sendable {
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open-addressing table of `code + 1`; 0 marks an empty slot.
    private var slots: [UInt32]
    private var mask: Int

    public init(expectedCount: Int = 16) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
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
    public mutating func intern(_ utf8: UnsafeRawBufferPointer) -> UInt32 {
        let hash = Self.hash(utf8)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let code = Int(entry - 1)
            if hashes[code] == hash, equals(code: code, utf8) { return UInt32(code) }
            slot = (slot + 1) & mask
        }
        let code = count
        bytes.append(contentsOf: utf8)
        offsets.append(bytes.count)
        hashes.append(hash)
        slots[slot] = UInt32(code + 1)
        if count * 2 > slots.count { grow() }
        return UInt32(code)
    }

    /// The finished dictionary; the builder can keep being used afterwards.
    public func build() -> StringDictionary {
        StringDictionary(bytes: bytes, offsets: offsets)
    }

    private func equals(code: Int, _ utf8: UnsafeRawBufferPointer) -> Bool {
        let start = offsets[code], length = offsets[code + 1] - start
        guard length == utf8.count else { return false }
        if length == 0 { return true }
        return bytes.withUnsafeBytes { stored in
            memcmp(stored.baseAddress! + start, utf8.baseAddress!, length) == 0
        }
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
        for code in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(code + 1)
        }
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
