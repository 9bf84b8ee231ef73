// Scans one JSON Lines record into flattened (dotted key, value range) pairs, validating syntax.

/// How a JSON value was written; the loader converts it once the column's type is known.
enum JSONValueKind: UInt8 {
    case null, int, float, bool, string, escapedString, raw
}

/// A value's place in the input: for strings the body between the quotes, for others the text.
struct JSONCell {
    var start: Int
    var length: Int32
    var kind: JSONValueKind

    static let null = JSONCell(start: 0, length: 0, kind: .null)
}

/// A flattened key (a range of `JSONLineScanner.keys`) and its value.
struct JSONPair {
    var keyStart: Int
    var keyEnd: Int
    var cell: JSONCell
}

/// A syntax error at a byte offset.
struct JSONFault: Error {
    var offset: Int
    var message: String
}

/// Parses one line holding one JSON object. Nested objects are flattened into dotted keys
/// (`{"a":{"b":1}}` gives `a.b`); arrays are kept whole as raw text.
struct JSONLineScanner {
    let base: UnsafePointer<UInt8>
    private var end = 0
    private var position = 0
    /// Dotted key bytes of every pair of the current line.
    private(set) var keys: [UInt8] = []
    private(set) var pairs: [JSONPair] = []
    private var prefix: [UInt8] = []
    private var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>) { self.base = base }

    /// Parses the object in `base[start..<end]` (surrounding spaces allowed).
    mutating func scan(start: Int, end: Int) throws(JSONFault) {
        self.end = end
        position = start
        keys.removeAll(keepingCapacity: true)
        pairs.removeAll(keepingCapacity: true)
        prefix.removeAll(keepingCapacity: true)
        skipSpace()
        guard position < end, base[position] == UInt8(ascii: "{") else {
            throw fault("expected a JSON object")
        }
        try parseObject()
        skipSpace()
        if position < end { throw fault("expected the end of the line after the object") }
    }

    private mutating func parseObject() throws(JSONFault) {
        position += 1
        skipSpace()
        if position < end, base[position] == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipSpace()
            guard position < end, base[position] == UInt8(ascii: "\"") else { throw fault("expected a string key") }
            let (keyStart, keyEnd, keyEscaped) = try scanString()
            let pairKeyStart = keys.count
            keys.append(contentsOf: prefix)
            if keyEscaped {
                if let bad = JSONString.decode(base, keyStart, keyEnd, into: &keys) { throw JSONFault(offset: bad.offset, message: bad.message) }
            } else {
                keys.append(contentsOf: UnsafeBufferPointer(start: base + keyStart, count: keyEnd - keyStart))
            }
            skipSpace()
            guard position < end, base[position] == UInt8(ascii: ":") else { throw fault("expected `:` after an object key") }
            position += 1
            skipSpace()
            if position < end, base[position] == UInt8(ascii: "{") {
                let saved = prefix.count
                prefix.append(contentsOf: keys[(pairKeyStart + saved)...])
                prefix.append(UInt8(ascii: "."))
                keys.removeSubrange(pairKeyStart...)
                try parseObject()
                prefix.removeSubrange(saved...)
            } else {
                let cell = try parseValue()
                pairs.append(JSONPair(keyStart: pairKeyStart, keyEnd: keys.count, cell: cell))
            }
            skipSpace()
            guard position < end else { throw fault("expected `,` or `}` in an object") }
            if base[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            guard base[position] == UInt8(ascii: "}") else { throw fault("expected `,` or `}` in an object") }
            position += 1
            return
        }
    }

    private mutating func parseValue() throws(JSONFault) -> JSONCell {
        guard position < end else { throw fault("expected a JSON value") }
        let start = position
        switch base[position] {
        case UInt8(ascii: "\""):
            let (bodyStart, bodyEnd, escaped) = try scanString()
            return JSONCell(start: bodyStart, length: Int32(bodyEnd - bodyStart), kind: escaped ? .escapedString : .string)
        case UInt8(ascii: "["):
            try skipArray()
            if let invalid = CSVText.utf8Error(UnsafeRawBufferPointer(start: base + start, count: position - start), origin: start) {
                throw JSONFault(offset: invalid.offset, message: "expected UTF-8 text")
            }
            return JSONCell(start: start, length: Int32(position - start), kind: .raw)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONCell(start: start, length: 4, kind: .bool)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONCell(start: start, length: 5, kind: .bool)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            var isIntegral = true
            while position < end {
                let byte = base[position]
                if byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e") { isIntegral = false }
                else if !(byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) { break }
                position += 1
            }
            let text = UnsafeRawBufferPointer(start: base + start, count: position - start)
            if isIntegral, ValueParser.parseInt(text) != nil {
                return JSONCell(start: start, length: Int32(position - start), kind: .int)
            }
            guard ValueParser.parseFloat(text) != nil else {
                position = start
                throw fault("expected a number")
            }
            return JSONCell(start: start, length: Int32(position - start), kind: .float)
        default:
            throw fault("expected a JSON value")
        }
    }

    /// Scans a string at `position` (its opening quote); returns the body range and whether it
    /// holds escapes. Escapes are checked here so the later decode cannot fail.
    private mutating func scanString() throws(JSONFault) -> (Int, Int, Bool) {
        let open = position
        position += 1
        let start = position
        var escaped = false
        while position < end {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position += 2
                continue
            }
            if byte < 0x20 { throw fault("expected a string character, not a control byte") }
            position += 1
        }
        guard position < end else { throw JSONFault(offset: open, message: "unterminated string") }
        let bodyEnd = position
        position += 1
        let body = UnsafeRawBufferPointer(start: base + start, count: bodyEnd - start)
        if let invalid = CSVText.utf8Error(body, origin: start), case .message(let message) = invalid.kind {
            throw JSONFault(offset: invalid.offset, message: message)
        }
        if escaped {
            scratch.removeAll(keepingCapacity: true)
            if let bad = JSONString.decode(base, start, bodyEnd, into: &scratch) {
                throw JSONFault(offset: bad.offset, message: bad.message)
            }
        }
        return (start, bodyEnd, escaped)
    }

    /// Skips a balanced array (strings inside may hold brackets).
    private mutating func skipArray() throws(JSONFault) {
        let open = position
        var depth = 0
        while position < end {
            let byte = base[position]
            if byte == UInt8(ascii: "\"") {
                _ = try scanString()
                continue
            }
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 {
                    position += 1
                    return
                }
            }
            position += 1
        }
        throw JSONFault(offset: open, message: "unterminated array")
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONFault) {
        let count = literal.utf8CodeUnitCount
        let text = literal.utf8Start
        guard position + count <= end else { throw fault("expected a JSON value") }
        for index in 0..<count where base[position + index] != text[index] { throw fault("expected a JSON value") }
        position += count
    }

    private mutating func skipSpace() {
        while position < end {
            let byte = base[position]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
            position += 1
        }
    }

    /// A fault at the current position naming what was found there.
    private func fault(_ expected: String) -> JSONFault {
        guard position < end else { return JSONFault(offset: position, message: "\(expected), found the end of the line") }
        var stop = position + 1
        while stop < end, stop - position < 12, base[stop] & 0xC0 == 0x80 { stop += 1 }
        let found = String(decoding: UnsafeBufferPointer(start: base + position, count: stop - position), as: UTF8.self)
        return JSONFault(offset: position, message: "\(expected), found `\(found)`")
    }
}
