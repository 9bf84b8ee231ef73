// The generator's only source of randomness: a seeded xoshiro256** stream.

/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64.
///
/// Written here rather than taken from the standard library because the output must be
/// byte-identical on every machine and Swift release: only integer arithmetic, no platform RNG.
struct Xoshiro256 {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A stream fully determined by `seed`; SplitMix64 spreads even tiny seeds over all 256 bits.
    init(seed: UInt64) {
        var mixer = seed
        s0 = Self.splitMix(&mixer)
        s1 = Self.splitMix(&mixer)
        s2 = Self.splitMix(&mixer)
        s3 = Self.splitMix(&mixer)
    }

    /// SplitMix64's step: advances `state` and returns a well-mixed 64-bit value.
    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let shifted = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= shifted
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A value in `0..<bound` by multiply-high (Lemire); the bias, below 2⁻⁴⁰ for our bounds,
    /// is irrelevant for synthetic data and keeps one draw per call, so streams stay aligned.
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// True with the probability encoded by `chance`.
    @inline(__always)
    mutating func happens(_ chance: Chance) -> Bool {
        next() < chance.threshold
    }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }
}
