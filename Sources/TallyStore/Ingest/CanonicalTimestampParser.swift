// The fast path for the commonest timestamp shape in event logs, `YYYY-MM-DDTHH:MM:SSZ`.

/// Parses exactly `YYYY-MM-DDTHH:MM:SSZ` (20 bytes, upper-case `T` and `Z`) and nothing else;
/// every other shape returns nil and goes to `TimestampParser`, which accepts a superset and
/// gives the same value for this shape.
///
/// The time of day is checked and converted eight bytes at a time. The date part is validated
/// and converted by `TimestampParser.parseDate`, but only when it differs from the previous
/// value's date: in a log sorted or clustered by time, consecutive events mostly share a day.
struct CanonicalTimestampParser {
    private var cachedDatePrefix: UInt64 = 0
    private var cachedDateSuffix: UInt16 = 0
    private var cachedDays: Int64 = 0
    private var hasCachedDate = false

    /// Microseconds since the epoch of the 20 bytes at `bytes`, or nil when they are not a valid
    /// timestamp of exactly this shape.
    @inline(__always)
    mutating func parse(_ bytes: UnsafePointer<UInt8>) -> Int64? {
        let raw = UnsafeRawPointer(bytes)
        guard bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z") else { return nil }
        // "HH:MM:SS" at offset 11, first byte in the low bits.
        let time = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 11, as: UInt64.self))
        let colons: UInt64 = 0x0000_FF00_00FF_0000
        guard time & colons == 0x0000_3A00_003A_0000 else { return nil }
        let digits = time & ~colons
        let highNibbles: UInt64 = 0xF0F0_00F0_F000_F0F0
        // Each digit byte is 0x30...0x39: high nibble 3, and adding 6 does not carry out of the low nibble.
        guard digits & highNibbles == 0x3030_0030_3000_3030,
              (digits &+ 0x0606_0006_0600_0606) & highNibbles == 0x3030_0030_3000_3030 else { return nil }
        let values = digits &- 0x3030_0030_3000_3030
        let hour = Int64(values & 0xFF) * 10 + Int64(values >> 8 & 0xFF)
        let minute = Int64(values >> 24 & 0xFF) * 10 + Int64(values >> 32 & 0xFF)
        let second = Int64(values >> 48 & 0xFF) * 10 + Int64(values >> 56 & 0xFF)
        guard hour < 24, minute < 60, second < 60 else { return nil }

        let prefix = raw.loadUnaligned(as: UInt64.self)
        let suffix = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        if !hasCachedDate || prefix != cachedDatePrefix || suffix != cachedDateSuffix {
            guard let days = TimestampParser.parseDate(UnsafeRawBufferPointer(start: raw, count: 10)) else { return nil }
            cachedDatePrefix = prefix
            cachedDateSuffix = suffix
            cachedDays = days
            hasCachedDate = true
        }
        return (cachedDays * 86_400 + hour * 3600 + minute * 60 + second) * CivilTime.microsPerSecond
    }
}
