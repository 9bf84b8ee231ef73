// The 64-bit checksum of snapshot sections, fused with the copy that loads them.

/// A fast 64-bit hash over bytes, four independent multiply-rotate lanes over 32-byte stripes
/// (the structure of xxHash64, written here from its published design).
///
/// Each step is a bijection of the lane for a fixed input word and of the word for a fixed lane,
/// so changing any single 8-byte word (in particular any single byte) always changes the result,
/// and an error in one section cannot cancel another's. `hashCopying` writes the bytes it reads,
/// so loading a section reads the mapped file once.
enum SnapshotHash {
    static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The hash of `count` bytes at `source`.
    static func hash(_ source: UnsafeRawPointer?, count: Int) -> UInt64 {
        hashCopying(from: source, to: nil, count: count)
    }

    static func hash(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        hash(buffer.baseAddress, count: buffer.count)
    }

    /// The hash of `count` bytes at `source`, also copying them to `destination` when it is not nil.
    ///
    /// - Complexity: O(count), one read of the source and one write of the destination.
    static func hashCopying(from source: UnsafeRawPointer?, to destination: UnsafeMutableRawPointer?,
                            count: Int) -> UInt64 {
        guard count > 0, let source else { return avalanche(prime5) }
        var offset = 0
        var accumulated: UInt64
        if count >= 32 {
            var lane1 = prime1 &+ prime2, lane2 = prime2, lane3: UInt64 = 0, lane4 = 0 &- prime1
            let stripeEnd = count & ~31
            if let destination {
                while offset < stripeEnd {
                    let w1 = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    let w2 = source.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                    let w3 = source.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)
                    let w4 = source.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)
                    destination.storeBytes(of: w1, toByteOffset: offset, as: UInt64.self)
                    destination.storeBytes(of: w2, toByteOffset: offset + 8, as: UInt64.self)
                    destination.storeBytes(of: w3, toByteOffset: offset + 16, as: UInt64.self)
                    destination.storeBytes(of: w4, toByteOffset: offset + 24, as: UInt64.self)
                    lane1 = round(lane1, w1); lane2 = round(lane2, w2)
                    lane3 = round(lane3, w3); lane4 = round(lane4, w4)
                    offset += 32
                }
            } else {
                while offset < stripeEnd {
                    lane1 = round(lane1, source.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    lane2 = round(lane2, source.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                    lane3 = round(lane3, source.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                    lane4 = round(lane4, source.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                    offset += 32
                }
            }
            accumulated = rotate(lane1, 1) &+ rotate(lane2, 7) &+ rotate(lane3, 12) &+ rotate(lane4, 18)
            accumulated = merge(accumulated, lane1)
            accumulated = merge(accumulated, lane2)
            accumulated = merge(accumulated, lane3)
            accumulated = merge(accumulated, lane4)
        } else {
            accumulated = prime5
        }
        accumulated &+= UInt64(count)
        // The tail: whole words, then single bytes.
        while offset + 8 <= count {
            let word = source.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            destination?.storeBytes(of: word, toByteOffset: offset, as: UInt64.self)
            accumulated ^= round(0, word)
            accumulated = rotate(accumulated, 27) &* prime1 &+ prime4
            offset += 8
        }
        while offset < count {
            let byte = source.load(fromByteOffset: offset, as: UInt8.self)
            destination?.storeBytes(of: byte, toByteOffset: offset, as: UInt8.self)
            accumulated ^= UInt64(byte) &* prime5
            accumulated = rotate(accumulated, 11) &* prime1
            offset += 1
        }
        return avalanche(accumulated)
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        (value << bits) | (value >> (64 - bits))
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        rotate(lane &+ word &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func merge(_ accumulated: UInt64, _ lane: UInt64) -> UInt64 {
        (accumulated ^ round(0, lane)) &* prime1 &+ prime4
    }

    @inline(__always)
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var hash = value
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }
}
