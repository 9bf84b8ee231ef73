// A forgiving tokenizer for half-typed input: enough to tell the completer where the cursor is.

/// A token of partial program text. Unlike the engine's lexer it never fails: an unterminated
/// string is a token too (that is where the cursor usually is).
struct CompletionToken: Equatable {
    enum Kind: Equatable {
        case identifier
        /// A string literal; `isClosed` is false when the text ends inside it.
        case string(isClosed: Bool)
        case number
        /// Punctuation and operators: `|`, `;`, `(`, `,`, `==`, `!=`, …
        case symbol
    }

    var kind: Kind
    /// The identifier, the string's contents (unescaped), or the symbol.
    var text: String

    /// Tokens of `text`.
    static func scan(_ text: String) -> [CompletionToken] {
        var tokens: [CompletionToken] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character == "\"" {
                var contents = ""
                index += 1
                var isClosed = false
                while index < characters.count {
                    let next = characters[index]
                    index += 1
                    if next == "\\", index < characters.count {
                        contents.append(characters[index])
                        index += 1
                    } else if next == "\"" {
                        isClosed = true
                        break
                    } else {
                        contents.append(next)
                    }
                }
                tokens.append(CompletionToken(kind: .string(isClosed: isClosed), text: contents))
            } else if character.isLetter || character == "_" {
                let start = index
                while index < characters.count,
                      characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                        || characters[index] == "." {
                    index += 1
                }
                tokens.append(CompletionToken(kind: .identifier, text: String(characters[start..<index])))
            } else if character.isNumber {
                let start = index
                while index < characters.count, characters[index].isLetter || characters[index].isNumber
                        || characters[index] == "." || characters[index] == "-" || characters[index] == ":" {
                    index += 1
                }
                tokens.append(CompletionToken(kind: .number, text: String(characters[start..<index])))
            } else {
                let pair = index + 1 < characters.count ? String(characters[index...index + 1]) : ""
                if ["==", "!=", ">=", "<="].contains(pair) {
                    tokens.append(CompletionToken(kind: .symbol, text: pair))
                    index += 2
                } else {
                    tokens.append(CompletionToken(kind: .symbol, text: String(character)))
                    index += 1
                }
            }
        }
        return tokens
    }
}
