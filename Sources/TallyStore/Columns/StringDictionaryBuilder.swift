// Interns strings (or raw UTF-8 byte ranges) into dense codes while a column is being built;
// also the short-key form (`ShortKey`) the CSV reader builds its block lookups from.

/// Builds a `StringDictionary`, giving each distinct value the next dense code.
///
/// Values can be interned straight from a byte range (as the CSV reader does) so that no
/// `String` is created per field; only the arena grows, once per distinct value.
///
/// Two open-addressing tables share one code sequence. Values of at most 16 bytes (ids, event
/// names, countries: nearly every value in event data) live in the short table with their bytes
/// inline in the slot, so a lookup reads one slot and nothing else; longer values keep their
/// hash, length and arena offset in the long table and are compared against the arena. The CSV
/// reader interns a whole block of short keys at once (`intern(keys:count:base:into:)`), hashing
/// them all first so that the slot loads of a large table (a user-id column) overlap.
public struct StringDictionaryBuilder: Sendable {
    /// A long-table slot. `codePlusOne == 0` marks an empty slot.
    private struct LongSlot: Sendable {
        var hash: UInt64
        /// Arena offset in the low 48 bits, length (saturated at 0xFFFF) in the high 16.
        var place: UInt64
        var codePlusOne: UInt32
    }

    /// A short-table slot: the value's bytes zero-padded to two words, then `length << 32 | code + 1`
    /// (0 marks an empty slot).
    private struct ShortSlot: Sendable {
        var low: UInt64
        var high: UInt64
        var lengthAndCode: UInt64
    }

    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var shortSlots: [ShortSlot]
    private var shortMask: Int
    /// A short key's slot is the top bits of its hash: `hash &>> shortShift`.
    private var shortShift: Int
    private var shortCount = 0
    private var longSlots: [LongSlot]
    private var longMask: Int
    private var longCount = 0

    public init(expectedCount: Int = 16) {
        var capacity = 64
        while Self.loadLimit(capacity) < expectedCount { capacity <<= 1 }
        shortSlots = Array(repeating: ShortSlot(low: 0, high: 0, lengthAndCode: 0), count: capacity)
        shortMask = capacity - 1
        shortShift = 64 - capacity.trailingZeroBitCount
        longSlots = Array(repeating: LongSlot(hash: 0, place: 0, codePlusOne: 0), count: 16)
        longMask = 15
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
        if utf8.count <= ShortKey.maximumLength { return internShort(ShortKey(copying: utf8)) }
        return internLong(utf8)
    }

    /// Interns `keys[0..<count]` in order, writing each code to `codes` (0 for a null key).
    /// A `long` key's bytes are `base[key.low ..< key.high]`; short keys carry their hash.
    ///
    /// - Complexity: O(count) expected; one slot read per short key, no allocation unless new
    ///   values arrive.
    mutating func intern(keys: UnsafeMutablePointer<ShortKey>, count: Int, base: UnsafePointer<UInt8>,
                         into codes: UnsafeMutablePointer<UInt32>) {
        // On a table larger than the caches, touch every key's slot first so that the misses
        // of the whole block are in flight together instead of one after another.
        if shortSlots.count >= 1 << 14 {
            var touched: UInt64 = 0
            shortSlots.withUnsafeBufferPointer { slots in
                let shift = UInt64(shortShift)
                for index in 0..<count where keys[index].length <= ShortKey.maximumLength {
                    touched &+= slots[Int(truncatingIfNeeded: keys[index].hash &>> shift)].lengthAndCode
                }
            }
            touchSink = touched
        }
        var next = 0
        while next < count {
            next = internRun(keys: keys, from: next, count: count, into: codes)
            guard next < count else { break }
            // The run stopped at a long value or because the table must grow first.
            let key = keys[next]
            if key.length == ShortKey.longLength {
                let start = Int(key.low), end = Int(key.high)
                codes[next] = internLong(UnsafeRawBufferPointer(start: base + start, count: end - start))
                next += 1
            } else {
                growShort()
            }
        }
    }

    /// Keeps the touched slots' loads from being optimised away.
    private var touchSink: UInt64 = 0

    /// Interns short and null keys from `start` until a long key, a needed growth, or the end.
    @inline(__always)
    private mutating func internRun(keys: UnsafeMutablePointer<ShortKey>, from start: Int, count: Int,
                                    into codes: UnsafeMutablePointer<UInt32>) -> Int {
        let limit = Self.loadLimit(shortSlots.count)
        let mask = shortMask, shift = UInt64(shortShift)
        var interned = shortCount
        var next = start
        // Taken out of `self` so that the arena can grow while the slots are open.
        var table = shortSlots
        shortSlots = []
        defer { shortSlots = table }
        table.withUnsafeMutableBufferPointer { slots in
            let slots = slots.baseAddress!
            scan: while next < count {
                let key = keys[next]
                if key.length > ShortKey.maximumLength {
                    if key.length == ShortKey.nullLength {
                        codes[next] = 0
                        next += 1
                        continue
                    }
                    break scan
                }
                let lengthField = UInt64(key.length) << 32
                var index = Int(truncatingIfNeeded: key.hash &>> shift)
                while true {
                    let slot = slots[index]
                    if slot.lengthAndCode == 0 { break }
                    if slot.low == key.low, slot.high == key.high, slot.lengthAndCode & ~0xFFFF_FFFF == lengthField {
                        codes[next] = UInt32(truncatingIfNeeded: slot.lengthAndCode) - 1
                        next += 1
                        continue scan
                    }
                    index = (index &+ 1) & mask
                }
                if interned >= limit { break scan }
                let code = UInt32(offsets.count - 1)
                Self.append(key, to: &arena, offsets: &offsets)
                slots[index] = ShortSlot(low: key.low, high: key.high, lengthAndCode: lengthField | UInt64(code + 1))
                interned += 1
                codes[next] = code
                next += 1
            }
        }
        shortCount = interned
        return next
    }

    private mutating func internShort(_ key: ShortKey) -> UInt32 {
        // A read-only probe first: values already interned (the common case) return without
        // the mutable access `internRun` takes.
        let mask = shortMask, shift = UInt64(shortShift)
        let found: UInt32? = shortSlots.withUnsafeBufferPointer { slots in
            let lengthField = UInt64(key.length) << 32
            var index = Int(truncatingIfNeeded: key.hash &>> shift)
            while true {
                let slot = slots[index]
                if slot.lengthAndCode == 0 { return nil }
                if slot.low == key.low, slot.high == key.high, slot.lengthAndCode & ~0xFFFF_FFFF == lengthField {
                    return UInt32(truncatingIfNeeded: slot.lengthAndCode) - 1
                }
                index = (index &+ 1) & mask
            }
        }
        if let found { return found }
        var keys = key
        var code: UInt32 = 0
        while internRun(keys: &keys, from: 0, count: 1, into: &code) == 0 { growShort() }
        return code
    }

    private static func append(_ key: ShortKey, to arena: inout [UInt8], offsets: inout [Int]) {
        var low = key.low.littleEndian, high = key.high.littleEndian
        let length = Int(key.length)
        withUnsafeBytes(of: &low) { arena.append(contentsOf: $0.prefix(length)) }
        if length > 8 { withUnsafeBytes(of: &high) { arena.append(contentsOf: $0.prefix(length - 8)) } }
        offsets.append(arena.count)
    }

    /// Values a short table of `capacity` slots holds before growing: half while it is small
    /// enough to stay in cache (short probe runs are cheap to keep), three quarters above.
    private static func loadLimit(_ capacity: Int) -> Int {
        capacity <= 4096 ? capacity >> 1 : (capacity * 3) >> 2
    }

    private mutating func growShort() {
        let capacity = shortSlots.count * 2
        let newMask = capacity - 1, newShift = 64 - capacity.trailingZeroBitCount
        var bigger = Array(repeating: ShortSlot(low: 0, high: 0, lengthAndCode: 0), count: capacity)
        bigger.withUnsafeMutableBufferPointer { target in
            for slot in shortSlots where slot.lengthAndCode != 0 {
                let hash = ShortKey.hash(slot.low, slot.high, UInt32(truncatingIfNeeded: slot.lengthAndCode >> 32))
                var index = Int(truncatingIfNeeded: hash &>> UInt64(newShift))
                while target[index].lengthAndCode != 0 { index = (index + 1) & newMask }
                target[index] = slot
            }
        }
        shortSlots = bigger
        shortMask = newMask
        shortShift = newShift
    }

    private mutating func internLong(_ utf8: UnsafeRawBufferPointer) -> UInt32 {
        let hash = Self.hash(utf8)
        let lengthField = UInt64(min(utf8.count, 0xFFFF))
        var index = Int(truncatingIfNeeded: hash) & longMask
        while true {
            let slot = longSlots[index]
            if slot.codePlusOne == 0 { break }
            if slot.hash == hash, slot.place >> 48 == lengthField, matches(slot, utf8) {
                return slot.codePlusOne - 1
            }
            index = (index + 1) & longMask
        }
        let code = UInt32(count)
        let offset = arena.count
        arena.append(contentsOf: utf8)
        offsets.append(arena.count)
        longSlots[index] = LongSlot(hash: hash, place: lengthField << 48 | UInt64(offset), codePlusOne: code + 1)
        longCount += 1
        if longCount * 2 > longSlots.count { growLong() }
        return code
    }

    /// The finished dictionary (code order = first-seen order); the builder can keep being used.
    public func build() -> StringDictionary {
        StringDictionary(bytes: arena, offsets: offsets)
    }

    private func matches(_ slot: LongSlot, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let length = bytes.count
        let offset = Int(slot.place & 0xFFFF_FFFF_FFFF)
        if length >= 0xFFFF, offsets[Int(slot.codePlusOne)] - offset != length { return false }
        return arena.withUnsafeBytes { stored in
            memcmp(stored.baseAddress! + offset, bytes.baseAddress!, length) == 0
        }
    }

    private mutating func growLong() {
        let capacity = longSlots.count * 2
        var bigger = Array(repeating: LongSlot(hash: 0, place: 0, codePlusOne: 0), count: capacity)
        let newMask = capacity - 1
        for slot in longSlots where slot.codePlusOne != 0 {
            var index = Int(truncatingIfNeeded: slot.hash) & newMask
            while bigger[index].codePlusOne != 0 { index = (index + 1) & newMask }
            bigger[index] = slot
        }
        longSlots = bigger
        longMask = newMask
    }

    /// FNV-1a over 8-byte words with a final avalanche (for values over 16 bytes).
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

/// A value of at most 16 bytes as two little-endian words (zero-padded) and its length; or a
/// marker for a null cell or for a longer value held elsewhere.
struct ShortKey {
    static let maximumLength: UInt32 = 16
    /// `length` of a null cell: it gets code 0 and interns nothing.
    static let nullLength: UInt32 = 0xFFFF_FFFE
    /// `length` of a value over 16 bytes; `low ..< high` is its byte range in the input.
    static let longLength: UInt32 = 0xFFFF_FFFF

    var low: UInt64
    var high: UInt64
    var length: UInt32
    /// `ShortKey.hash` of a short key (0 for the markers).
    var hash: UInt64

    /// A marker key (`nullLength`, `longLength`).
    init(low: UInt64, high: UInt64, length: UInt32) {
        self.low = low
        self.high = high
        self.length = length
        hash = 0
    }

    /// A short key from its words (zero-padded past `length`).
    @inline(__always)
    init(hashing low: UInt64, _ high: UInt64, length: UInt32) {
        self.low = low
        self.high = high
        self.length = length
        hash = Self.hash(low, high, length)
    }

    /// The key of `bytes` (at most 16 of them), read one byte at a time.
    init(copying bytes: UnsafeRawBufferPointer) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        self.init(hashing: UInt64(littleEndian: words.0), UInt64(littleEndian: words.1), length: UInt32(bytes.count))
    }

    /// Multiplicative hashing: the table takes the *top* bits, which depend on every bit of
    /// both words and the length. Two multiplications, which the CSV reader pays per cell.
    @inline(__always)
    static func hash(_ low: UInt64, _ high: UInt64, _ length: UInt32) -> UInt64 {
        (low &+ (high ^ UInt64(length)) &* 0x94D0_49BB_1331_11EB) &* 0x9E37_79B9_7F4A_7C15
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
