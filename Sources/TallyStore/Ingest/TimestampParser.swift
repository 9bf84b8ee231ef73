// Parses ISO-8601 timestamps and plain dates straight from UTF-8 bytes, validating every field.

/// Byte-level parsers for the timestamp and date forms Tally accepts in data and in query literals.
///
/// Accepted timestamps: `YYYY-MM-DD` followed by `T` or one space and `HH:MM` or `HH:MM:SS`, an
/// optional fraction (`.` or `,` then 1 or more digits; digits past microseconds are truncated),
/// and an optional zone: `Z`/`z`, `+HH:MM`, `+HHMM` or `+HH` (or `-`). No zone means UTC.
/// A plain date `YYYY-MM-DD` is also a timestamp (midnight UTC). Ranges are checked: month 1–12,
/// day within the month (leap years included), hour < 24, minute < 60, second < 60 (a leap
/// second `60` is rejected), zone offset below 24 hours.
public enum TimestampParser {
    /// Microseconds since the Unix epoch (UTC) of `bytes`, or nil when they are not a valid timestamp.
    ///
    /// - Complexity: O(n) in the byte count, no allocation.
    public static func parseTimestamp(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard let (days, length) = parseDatePrefix(bytes) else { return nil }
        let count = bytes.count
        if length == count { return days * CivilTime.microsPerDay }
        let separator = bytes[length]
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ")
        else { return nil }
        var index = length + 1
        guard let hour = digits(bytes, at: index, count: 2), hour < 24 else { return nil }
        index += 2
        guard index < count, bytes[index] == UInt8(ascii: ":"),
              let minute = digits(bytes, at: index + 1, count: 2), minute < 60 else { return nil }
        index += 3
        var second: Int64 = 0
        if index < count, bytes[index] == UInt8(ascii: ":") {
            guard let value = digits(bytes, at: index + 1, count: 2), value < 60 else { return nil }
            second = value
            index += 3
        }
        var fraction: Int64 = 0
        if index < count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            var scale: Int64 = 100_000
            let start = index
            while index < count, let digit = digitValue(bytes[index]) {
                fraction += digit * scale
                scale /= 10
                index += 1
            }
            if index == start { return nil }
        }
        guard let offsetSeconds = parseZone(bytes, from: index) else { return nil }
        let secondsOfDay = hour * 3600 + minute * 60 + second
        return (days * 86_400 + secondsOfDay - offsetSeconds) * CivilTime.microsPerSecond + fraction
    }

    /// Days since 1970-01-01 of a plain date `YYYY-MM-DD`, or nil when `bytes` are anything else.
    public static func parseDate(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard let (days, length) = parseDatePrefix(bytes), length == bytes.count else { return nil }
        return days
    }

    /// Convenience for callers holding a `String` (query literals).
    public static func parseTimestamp(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parseTimestamp(UnsafeRawBufferPointer($0)) }
    }

    /// Convenience for callers holding a `String` (query literals).
    public static func parseDate(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { parseDate(UnsafeRawBufferPointer($0)) }
    }

    /// The day number of a leading `YYYY-MM-DD` and its length (always 10).
    private static func parseDatePrefix(_ bytes: UnsafeRawBufferPointer) -> (Int64, Int)? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = digits(bytes, at: 0, count: 4),
              let month = digits(bytes, at: 5, count: 2), (1...12).contains(month),
              let day = digits(bytes, at: 8, count: 2), day >= 1,
              day <= CivilTime.daysInMonth(year: year, month: month)
        else { return nil }
        return (CivilTime.days(year: year, month: month, day: day), 10)
    }

    /// Seconds east of UTC of the zone suffix starting at `index` (0 when there is none).
    private static func parseZone(_ bytes: UnsafeRawBufferPointer, from index: Int) -> Int64? {
        let count = bytes.count
        if index == count { return 0 }
        let sign = bytes[index]
        if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") { return index + 1 == count ? 0 : nil }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
              let hours = digits(bytes, at: index + 1, count: 2), hours < 24 else { return nil }
        var minutes: Int64 = 0
        var next = index + 3
        if next < count {
            if bytes[next] == UInt8(ascii: ":") { next += 1 }
            guard let value = digits(bytes, at: next, count: 2), value < 60 else { return nil }
            minutes = value
            next += 2
        }
        guard next == count else { return nil }
        let offset = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -offset : offset
    }

    /// The decimal number made by exactly `count` digits at `index`, or nil.
    @inline(__always)
    private static func digits(_ bytes: UnsafeRawBufferPointer, at index: Int, count: Int) -> Int64? {
        guard index + count <= bytes.count else { return nil }
        var value: Int64 = 0
        for position in index..<(index + count) {
            guard let digit = digitValue(bytes[position]) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    @inline(__always)
    private static func digitValue(_ byte: UInt8) -> Int64? {
        byte &- UInt8(ascii: "0") < 10 ? Int64(byte &- UInt8(ascii: "0")) : nil
    }
}
