// A fast 64-bit content hash for data fingerprints: FNV-1a over the bytes.

/// FNV-1a, 64-bit (offset basis 0xcbf29ce484222325, prime 0x100000001b3), over every byte of a
/// file. Not cryptographic: it tells a changed data file from the one a notebook was run on,
/// which is all a fingerprint is for. Written `fnv1a64:` plus 16 lowercase hex digits.
public struct ContentHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Adds `bytes` to the hash.
    /// - Complexity: O(n), one multiply per byte.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        value = hash
    }

    /// `fnv1a64:00112233aabbccdd`.
    public var text: String {
        let hex = String(value, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The hash of `bytes`, as text.
    public static func text(of bytes: [UInt8]) -> String {
        var hash = ContentHash()
        bytes.withUnsafeBytes { hash.update($0) }
        return hash.text
    }
}
