// Inline Markdown (code spans, strong, emphasis, links) to HTML, escaping everything else.

/// Converts one paragraph's worth of inline Markdown. Unmatched markers stay as text.
enum MarkdownInline {
    static func html(_ text: String) -> String {
        let characters = Array(text)
        var result = ""
        var index = 0
        var plain = ""
        func flush() { result += HTMLText.escape(plain); plain = "" }
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, "\\`*_[]()#+-.!<>".contains(characters[index + 1]) {
                plain.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "`", let close = find("`", in: characters, from: index + 1) {
                flush()
                result += "<code>" + HTMLText.escape(String(characters[(index + 1)..<close])) + "</code>"
                index = close + 1
                continue
            }
            if character == "*" || character == "_" {
                let isDouble = index + 1 < characters.count && characters[index + 1] == character
                let marker = isDouble ? String([character, character]) : String(character)
                let start = index + marker.count
                if start < characters.count, characters[start] != " ",
                   let close = find(marker, in: characters, from: start + 1), characters[close - 1] != " " {
                    flush()
                    let tag = isDouble ? "strong" : "em"
                    result += "<\(tag)>" + html(String(characters[start..<close])) + "</\(tag)>"
                    index = close + marker.count
                    continue
                }
            }
            if character == "[", let closeText = find("]", in: characters, from: index + 1),
               closeText + 1 < characters.count, characters[closeText + 1] == "(",
               let closeURL = find(")", in: characters, from: closeText + 2) {
                flush()
                let label = html(String(characters[(index + 1)..<closeText]))
                let url = HTMLText.safeURL(String(characters[(closeText + 2)..<closeURL]))
                result += "<a href=\"\(url)\">\(label)</a>"
                index = closeURL + 1
                continue
            }
            plain.append(character)
            index += 1
        }
        flush()
        return result
    }

    /// The index where `marker` next starts at or after `start`, if it does.
    private static func find(_ marker: String, in characters: [Character], from start: Int) -> Int? {
        let pattern = Array(marker)
        guard start <= characters.count - pattern.count else { return nil }
        for index in start...(characters.count - pattern.count) where Array(characters[index..<(index + pattern.count)]) == pattern {
            return index
        }
        return nil
    }
}
