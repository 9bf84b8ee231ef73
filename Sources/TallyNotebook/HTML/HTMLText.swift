// Escaping text for HTML element content and attribute values.

/// The one place text becomes HTML: everything from a notebook or a table goes through here.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities: safe in content and in quoted attributes.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A link target that cannot run script: http(s), mailto, fragment and relative links pass;
    /// any other scheme (`javascript:`, `data:`) becomes `#`.
    static func safeURL(_ url: String) -> String {
        let trimmed = url.trimmed
        let lowered = trimmed.lowercased()
        if let colon = lowered.firstIndex(of: ":"),
           !lowered[..<colon].contains("/"), !lowered[..<colon].contains("?"), !lowered[..<colon].contains("#") {
            let scheme = lowered[..<colon]
            guard scheme == "http" || scheme == "https" || scheme == "mailto" else { return "#" }
        }
        return escape(trimmed)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
