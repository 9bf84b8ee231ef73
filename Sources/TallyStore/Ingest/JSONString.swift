// Decodes the body of a JSON string (escapes, \uXXXX, surrogate pairs) into UTF-8 bytes.

enum JSONString {
    /// Appends the decoded text of the string body `base[start..<end]` (quotes excluded) to `out`.
    /// Returns the offset and description of the first bad escape, or nil on success.
    @discardableResult
    static func decode(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int,
                       into out: inout [UInt8]) -> (offset: Int, message: String)? {
        var index = start
        while index < end {
            let byte = base[index]
            if byte != UInt8(ascii: "\\") {
                out.append(byte)
                index += 1
                continue
            }
            guard index + 1 < end else { return (index, "expected an escaped character after `\\`, found the end of the string") }
            let escaped = base[index + 1]
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let high = hex4(base, index + 2, end) else {
                    return (index, "expected 4 hex digits after `\\u`")
                }
                var scalar = high
                var consumed = 6
                if (0xD800...0xDBFF).contains(high) {
                    guard index + 7 < end, base[index + 6] == UInt8(ascii: "\\"), base[index + 7] == UInt8(ascii: "u"),
                          let low = hex4(base, index + 8, end), (0xDC00...0xDFFF).contains(low) else {
                        return (index, "expected a low surrogate `\\uDC00`…`\\uDFFF` after a high surrogate")
                    }
                    scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                    consumed = 12
                } else if (0xDC00...0xDFFF).contains(high) {
                    return (index, "expected a high surrogate before a low surrogate `\\u\(String(high, radix: 16))`")
                }
                appendUTF8(scalar, to: &out)
                index += consumed
                continue
            default:
                let text = String(decoding: [escaped], as: UTF8.self)
                return (index, "expected a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u), found `\\\(text)`")
            }
            index += 2
        }
        return nil
    }

    private static func hex4(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt32? {
        guard start + 4 <= end else { return nil }
        var value: UInt32 = 0
        for index in start..<(start + 4) {
            let byte = base[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
