// Reads the YAML-style front matter: `title:`, `params:` (name: default), `data:` (fingerprints).

/// A small reader for the front matter Tally writes and people edit. Not general YAML: top-level
/// `key: value` lines, `params:` followed by indented `name: value` lines, and `data:` followed by
/// `- path: …` items with indented `size:` and `hash:`. Unknown keys are ignored.
enum FrontMatterReader {
    static func read(_ lines: [String], firstLine: Int) -> (FrontMatter, [NotebookReadError]) {
        var frontMatter = FrontMatter()
        var errors: [NotebookReadError] = []
        var section = ""
        for (offset, line) in lines.enumerated() {
            let lineNumber = firstLine + offset
            let trimmed = line.trimmingCharacters(in: " \t")
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let isIndented = line.hasPrefix(" ") || line.hasPrefix("\t")
            let isItem = trimmed.hasPrefix("- ")
            let entry = isItem ? String(trimmed.dropFirst(2)) : trimmed
            guard let colon = entry.firstIndex(of: ":") else {
                errors.append(NotebookReadError(line: lineNumber, message: "expected `key: value` in the front matter"))
                continue
            }
            let key = entry[..<colon].trimmingCharacters(in: " \t")
            let value = unquoted(entry[entry.index(after: colon)...].trimmingCharacters(in: " \t"))
            if !isIndented && !isItem {
                section = key
                if key == "title" { frontMatter.title = value }
                continue
            }
            switch section {
            case "params":
                frontMatter.parameters.append((key, entry[entry.index(after: colon)...].trimmingCharacters(in: " \t")))
            case "data":
                if isItem { frontMatter.data.append(DataFingerprint(path: "", size: 0, hash: "")) }
                guard !frontMatter.data.isEmpty else {
                    errors.append(NotebookReadError(line: lineNumber, message: "a `data:` entry starts with `- path:`"))
                    continue
                }
                let last = frontMatter.data.count - 1
                switch key {
                case "path": frontMatter.data[last].path = value
                case "size": frontMatter.data[last].size = Int(value) ?? -1
                case "hash": frontMatter.data[last].hash = value
                default: break
                }
            default:
                break
            }
        }
        return (frontMatter, errors)
    }

    /// `"a b"` → `a b`; other text as it is.
    static func unquoted(_ text: String) -> String {
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { return String(text.dropFirst().dropLast()) }
        return text
    }
}
