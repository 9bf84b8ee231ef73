// `$name` in program text: replaced while lexing by the literal token of the parameter's value.
import TallyStore

extension Lexer {
    /// Lexes `$name` as the literal of `parameters[name]`, so a parameter goes wherever a literal
    /// of its type may (`take $n`, `where ts >= $since`, `retention(horizon: $weeks)`, `load $path`).
    /// The token keeps the span and text `$name`, so messages point at what was written.
    mutating func lexParameter() throws(Diagnostic) {
        let start = position
        position += 1
        while position < bytes.count, isIdentifierPart(bytes[position]) { position += 1 }
        let name = String(decoding: bytes[(start + 1)..<position], as: UTF8.self)
        let span = SourceSpan(start: start, end: position)
        guard let value = parameters[name] else {
            let known = parameters.keys.sorted()
            var hints: [String] = []
            if let closest = Suggestion.closest(to: name, among: known) {
                hints = ["did you mean `$\(closest)`?"]
            } else {
                hints = [known.isEmpty ? "no parameters are set: give them with `--param NAME=VALUE` or in a notebook's `params:`"
                         : "parameters here: " + known.map { "$" + $0 }.joined(separator: ", ")]
            }
            throw Diagnostic(kind: .semantic, message: "unknown parameter `$\(name)`", span: span, hints: hints)
        }
        let text = "$" + name
        switch value {
        case .null: tokens.append(Token(kind: .identifier, text: "null", span: span))
        case .bool(let flag): tokens.append(Token(kind: .identifier, text: flag ? "true" : "false", span: span))
        case .int(let number): tokens.append(Token(kind: .integer(number), text: text, span: span))
        case .float(let number): tokens.append(Token(kind: .float(number), text: text, span: span))
        case .string(let string): tokens.append(Token(kind: .string(string), text: text, span: span))
        case .date(let days): tokens.append(Token(kind: .date(days), text: text, span: span))
        case .timestamp(let micros): tokens.append(Token(kind: .timestamp(micros), text: text, span: span))
        case .duration(let micros): tokens.append(Token(kind: .duration(micros), text: text, span: span))
        }
    }
}
