// Reads a parameter's value from text (`--param weeks=8`, a notebook's `params:`) in literal syntax.
import TallyStore

/// Parameter values written the way literals are in the language.
public enum ParameterValue {
    /// The value `text` denotes: an integer (`8`, `-3`), a float (`0.5`), a date (`2024-03-01`), a
    /// timestamp (`2024-03-01T08:00:00Z`), a duration (`15m`, `-2d`), `true`/`false`/`null`, a
    /// quoted string (`"paid"`); any other text is taken as a string as it stands (`paid`).
    public static func parse(_ text: String) -> Value {
        let trimmed = text.trimmingBlanks
        let negative = trimmed.hasPrefix("-")
        let body = negative ? String(trimmed.dropFirst()) : trimmed
        guard let tokens = try? Lexer.tokenize(SourceText(origin: "<parameter>", text: body)),
              tokens.count == 2, tokens[1].kind == .end else {
            return .string(trimmed)
        }
        switch tokens[0].kind {
        case .integer(let number): return .int(negative ? -number : number)
        case .float(let number): return .float(negative ? -number : number)
        case .duration(let micros): return .duration(negative ? -micros : micros)
        case .date(let days) where !negative: return .date(days)
        case .timestamp(let micros) where !negative: return .timestamp(micros)
        case .string(let string) where !negative: return .string(string)
        case .identifier where !negative && !tokens[0].isQuoted:
            switch body {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: return .string(trimmed)
            }
        default: return .string(trimmed)
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
