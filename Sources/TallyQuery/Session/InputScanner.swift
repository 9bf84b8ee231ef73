// Decides whether typed input is complete: no open bracket, no open string, no trailing `|`.

enum InputScanner {
    static func completeness(of text: String) -> InputCompleteness {
        let bytes = Array(text.utf8)
        var depth = 0
        var index = 0
        var lastSignificant: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                index += 1
                while index < bytes.count, bytes[index] != byte {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                if index >= bytes.count { return .needsMore }
                lastSignificant = byte
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != 10 { index += 1 }
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                while index < bytes.count, bytes[index] != 10 { index += 1 }
            case UInt8(ascii: "("), UInt8(ascii: "["):
                depth += 1
                lastSignificant = byte
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
                lastSignificant = byte
            case 32, 9, 10, 13:
                break
            default:
                lastSignificant = byte
            }
            index += 1
        }
        if depth > 0 || lastSignificant == UInt8(ascii: "|") { return .needsMore }
        return .complete
    }
}
