// Parses ints, floats and booleans straight from field bytes, without making a String.

/// Byte-level scalar parsers shared by the CSV and JSON Lines readers.
enum ValueParser {
    /// A decimal integer with optional sign, fitting in `Int64`; nil otherwise.
    @inline(__always)
    static func parseInt(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let count = bytes.count
        guard count > 0 else { return nil }
        var index = 0
        var negative = false
        let first = bytes[0]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
            guard count > 1 else { return nil }
        }
        // Accumulate negatively so that Int64.min parses.
        var value: Int64 = 0
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.subtractingReportingOverflow(Int64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = next
            index += 1
        }
        if negative { return value }
        return value == Int64.min ? nil : -value
    }

    /// Powers of ten exactly representable as doubles, for the exact fast path.
    private static let exactPowers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// A decimal number (`12`, `-1.5`, `.5`, `3e-4`, `1E+10`); nil for anything else, including
    /// `nan`, `inf` and hexadecimal.
    ///
    /// Numbers with at most 15 significant digits and a small exponent are computed exactly in
    /// one multiplication or division (both operands exact, so the result is correctly rounded);
    /// others take the standard library's slower exact path.
    static func parseFloat(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let count = bytes.count
        guard count > 0 else { return nil }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digitCount = 0
        var decimalExponent = 0
        while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
            accumulate(bytes[index], &mantissa, &significantDigits, &decimalExponent, afterPoint: false)
            digitCount += 1
            index += 1
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
                accumulate(bytes[index], &mantissa, &significantDigits, &decimalExponent, afterPoint: true)
                digitCount += 1
                index += 1
            }
        }
        guard digitCount > 0 else { return nil }
        if index < count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0
            let start = index
            while index < count, bytes[index] &- UInt8(ascii: "0") < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            guard index > start else { return nil }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard index == count else { return nil }
        if significantDigits <= 15, abs(decimalExponent) <= 22 {
            var value = Double(mantissa)
            if decimalExponent < 0 { value /= exactPowers[-decimalExponent] } else { value *= exactPowers[decimalExponent] }
            return negative ? -value : value
        }
        return slowParseFloat(bytes)
    }

    @inline(__always)
    private static func accumulate(_ byte: UInt8, _ mantissa: inout UInt64, _ significant: inout Int,
                                   _ exponent: inout Int, afterPoint: Bool) {
        let digit = UInt64(byte &- UInt8(ascii: "0"))
        if mantissa == 0 && digit == 0 {
            // Leading zeros are not significant; after the point they still shift the exponent.
            if afterPoint { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa * 10 + digit
            significant += 1
            if afterPoint { exponent -= 1 }
        } else {
            significant += 1
            if !afterPoint { exponent += 1 }
        }
    }

    /// The standard library's correctly rounded, locale-independent conversion (unlike `strtod`,
    /// which a REPL's `setlocale` could switch to a decimal comma); the caller checked the syntax.
    private static func slowParseFloat(_ bytes: UnsafeRawBufferPointer) -> Double? {
        Double(String(decoding: bytes, as: UTF8.self))
    }

    /// `true` or `false` in any letter case.
    @inline(__always)
    static func parseBool(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        if bytes.count == 4, bytes[0] | 0x20 == UInt8(ascii: "t"), bytes[1] | 0x20 == UInt8(ascii: "r"),
           bytes[2] | 0x20 == UInt8(ascii: "u"), bytes[3] | 0x20 == UInt8(ascii: "e") { return true }
        if bytes.count == 5, bytes[0] | 0x20 == UInt8(ascii: "f"), bytes[1] | 0x20 == UInt8(ascii: "a"),
           bytes[2] | 0x20 == UInt8(ascii: "l"), bytes[3] | 0x20 == UInt8(ascii: "s"),
           bytes[4] | 0x20 == UInt8(ascii: "e") { return false }
        return nil
    }

    /// `bytes` without leading and trailing ASCII spaces and tabs (typed values tolerate padding).
    @inline(__always)
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// Index of the first byte that breaks UTF-8 validity, or nil when `bytes` are valid UTF-8.
    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            if byte & 0xE0 == 0xC0 { length = 2; scalar = UInt32(byte & 0x1F); minimum = 0x80 }
            else if byte & 0xF0 == 0xE0 { length = 3; scalar = UInt32(byte & 0x0F); minimum = 0x800 }
            else if byte & 0xF8 == 0xF0 { length = 4; scalar = UInt32(byte & 0x07); minimum = 0x10000 }
            else { return index }
            guard index + length <= count else { return index }
            for offset in 1..<length {
                let next = bytes[index + offset]
                guard next & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
            index += length
        }
        return nil
    }

    /// True when every byte is ASCII: the fast path that skips UTF-8 validation.
    @inline(__always)
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            if bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}
