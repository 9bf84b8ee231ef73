// Turns program text into tokens: literals (dates, timestamps, durations), names, symbols.
import TallyStore

/// Splits source text into tokens.
///
/// Statement ends: a newline at bracket depth 0 or `;`. A newline is not a statement end when the
/// previous token is `|` or the next line starts with `|` (pipelines continue). Comments run from
/// `#` or `//` to the end of the line.
public struct Lexer {
    let bytes: [UInt8]
    var position = 0
    var tokens: [Token] = []
    private var depth = 0
    /// Values for `$name` parameters, each replaced by a literal token (see `Lexer+Parameters.swift`).
    let parameters: [String: Value]

    public init(_ text: String, parameters: [String: Value] = [:]) {
        bytes = Array(text.utf8)
        self.parameters = parameters
    }

    /// All tokens of `source`, ending with `.end`; `$name` becomes the literal of `parameters[name]`.
    /// - Throws: `Diagnostic` (`.syntax`) for an unterminated string or a stray character,
    ///   (`.semantic`) for an unknown parameter.
    public static func tokenize(_ source: SourceText, parameters: [String: Value] = [:]) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(source.text, parameters: parameters)
        do {
            return try lexer.run()
        } catch {
            var diagnostic = error
            diagnostic.source = source
            throw diagnostic
        }
    }

    mutating func run() throws(Diagnostic) -> [Token] {
        while true {
            skipBlanksAndComments()
            guard position < bytes.count else { break }
            let start = position
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") {
                position += 1
                if depth == 0 { append(.statementEnd, from: start) }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                try lexString(quote: byte)
            } else if isDigit(byte) {
                try lexNumberOrTime()
            } else if isIdentifierStart(byte) {
                while position < bytes.count, isIdentifierPart(bytes[position]) { position += 1 }
                append(.identifier, from: start)
            } else if byte == UInt8(ascii: "$"), let next = peek(1), isIdentifierStart(next) {
                try lexParameter()
            } else if byte == UInt8(ascii: "`") {
                // A quoted name: `odd name`.
                position += 1
                while position < bytes.count, bytes[position] != UInt8(ascii: "`"), bytes[position] != 10 { position += 1 }
                guard position < bytes.count, bytes[position] == UInt8(ascii: "`") else {
                    throw Diagnostic(kind: .syntax, message: "unterminated quoted name",
                                     span: SourceSpan(start: start, end: position))
                }
                position += 1
                let name = String(decoding: bytes[(start + 1)..<(position - 1)], as: UTF8.self)
                tokens.append(Token(kind: .identifier, text: name, span: SourceSpan(start: start, end: position), isQuoted: true))
            } else {
                try lexSymbol()
            }
        }
        tokens.append(Token(kind: .end, text: "", span: SourceSpan(start: bytes.count, end: bytes.count)))
        return Self.joinContinuations(tokens)
    }

    /// Drops statement ends that a `|` on either side turns into a continuation, and repeats.
    static func joinContinuations(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            if token.kind == .statementEnd, result.last?.kind == .statementEnd { continue }
            if token.kind == .statementEnd, token.text != ";" {
                if let last = result.last, last.isSymbol("|") || last.kind == .statementEnd { continue }
                if result.isEmpty { continue }
                var next = index + 1
                while next < tokens.count, tokens[next].kind == .statementEnd, tokens[next].text != ";" { next += 1 }
                if next < tokens.count, tokens[next].isSymbol("|") { continue }
            }
            result.append(token)
        }
        return result
    }

    private mutating func append(_ kind: TokenKind, from start: Int) {
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        tokens.append(Token(kind: kind, text: text, span: SourceSpan(start: start, end: position)))
    }

    private mutating func skipBlanksAndComments() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 32 || byte == 9 || byte == 13 {
                position += 1
            } else if byte == UInt8(ascii: "#") || (byte == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "/")) {
                while position < bytes.count, bytes[position] != 10 { position += 1 }
            } else {
                return
            }
        }
    }

    func peek(_ offset: Int) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func lexSymbol() throws(Diagnostic) {
        let start = position
        let two = position + 1 < bytes.count ? String(decoding: bytes[position...(position + 1)], as: UTF8.self) : ""
        if ["==", "!=", "<=", ">=", "<>"].contains(two) {
            position += 2
            append(.symbol(two == "<>" ? "!=" : two), from: start)
            return
        }
        let one = String(UnicodeScalar(bytes[position]))
        guard "|,;()[]=<>+-*/%:.".contains(one) else {
            let scalarEnd = Self.scalarEnd(bytes, from: position)
            throw Diagnostic(kind: .syntax,
                             message: "unexpected character `\(String(decoding: bytes[position..<scalarEnd], as: UTF8.self))`",
                             span: SourceSpan(start: position, end: scalarEnd))
        }
        position += 1
        switch one {
        case "(", "[": depth += 1
        case ")", "]": depth = max(0, depth - 1)
        default: break
        }
        if one == ";" {
            append(.statementEnd, from: start)
        } else {
            append(.symbol(one), from: start)
        }
    }

    static func scalarEnd(_ bytes: [UInt8], from index: Int) -> Int {
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    private mutating func lexString(quote: UInt8) throws(Diagnostic) {
        let start = position
        position += 1
        var value: [UInt8] = []
        while true {
            guard position < bytes.count else {
                throw Diagnostic(kind: .syntax, message: "unterminated string",
                                 span: SourceSpan(start: start, end: start + 1))
            }
            let byte = bytes[position]
            if byte == quote { position += 1; break }
            if byte == UInt8(ascii: "\\"), position + 1 < bytes.count {
                let escaped = bytes[position + 1]
                switch escaped {
                case UInt8(ascii: "n"): value.append(10)
                case UInt8(ascii: "t"): value.append(9)
                case UInt8(ascii: "r"): value.append(13)
                case UInt8(ascii: "0"): value.append(0)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): value.append(escaped)
                default:
                    throw Diagnostic(kind: .syntax, message: "unknown escape `\\\(String(UnicodeScalar(escaped)))`",
                                     span: SourceSpan(start: position, end: position + 2))
                }
                position += 2
                continue
            }
            value.append(byte)
            position += 1
        }
        append(.string(String(decoding: value, as: UTF8.self)), from: start)
    }

    private mutating func lexNumberOrTime() throws(Diagnostic) {
        let start = position
        if let (kind, end) = TimeLiteralScanner.scan(bytes, from: position) {
            position = end
            append(kind, from: start)
            return
        }
        while position < bytes.count, isDigit(bytes[position]) || bytes[position] == UInt8(ascii: "_") { position += 1 }
        var isFloat = false
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), isDigit(bytes[position + 1]) {
            isFloat = true
            position += 1
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            var probe = position + 1
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "-") || bytes[probe] == UInt8(ascii: "+") { probe += 1 }
            if probe < bytes.count, isDigit(bytes[probe]) {
                isFloat = true
                position = probe
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
        }
        let text = String(String(decoding: bytes[start..<position], as: UTF8.self).filter { $0 != "_" })
        if position < bytes.count, isIdentifierStart(bytes[position]) {
            let suffixEnd = position
            var end = position
            while end < bytes.count, isIdentifierPart(bytes[end]) { end += 1 }
            let suffix = String(decoding: bytes[suffixEnd..<end], as: UTF8.self)
            throw Diagnostic(kind: .syntax, message: "unknown number suffix `\(suffix)`",
                             span: SourceSpan(start: start, end: end),
                             hints: ["durations use ms, s, m, h, d or w, as in `15m`"])
        }
        if isFloat {
            append(.float(Double(text) ?? 0), from: start)
        } else if let value = Int64(text) {
            append(.integer(value), from: start)
        } else {
            throw Diagnostic(kind: .syntax, message: "integer literal out of range",
                             span: SourceSpan(start: start, end: position))
        }
    }
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
@inline(__always) func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte == 95 || byte >= 0x80
}
@inline(__always) func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
