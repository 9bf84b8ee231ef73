// Block-level Markdown to HTML: headings, paragraphs, lists, fenced code, tables, rules, quotes.

/// A small CommonMark-flavoured converter for notebook prose. It covers what analysts write
/// between cells; anything it does not recognise is shown as escaped paragraph text, never as raw HTML.
public enum MarkdownHTML {
    /// HTML for `markdown`. Raw HTML in the input is escaped, and links may not use script schemes.
    public static func html(_ markdown: String) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var text = String(line)
            if text.hasSuffix("\r") { text.removeLast() }
            return text
        }
        if lines.last == "" { lines.removeLast() }
        var output: [String] = []
        var index = 0
        var paragraph: [String] = []
        func endParagraph() {
            guard !paragraph.isEmpty else { return }
            output.append("<p>" + MarkdownInline.html(paragraph.map(\.trimmed).joined(separator: "\n")) + "</p>")
            paragraph = []
        }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmed
            if trimmed.isEmpty {
                endParagraph()
                index += 1
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                endParagraph()
                let fence = String(trimmed.prefix(3))
                let language = String(trimmed.dropFirst(3)).trimmed
                var code: [String] = []
                index += 1
                while index < lines.count, !lines[index].trimmed.hasPrefix(fence) {
                    code.append(lines[index])
                    index += 1
                }
                index += 1
                let attribute = language.isEmpty ? "" : " class=\"language-\(HTMLText.escape(language))\""
                output.append("<pre><code\(attribute)>" + HTMLText.escape(code.joined(separator: "\n")) + "</code></pre>")
            } else if let (level, text) = heading(trimmed) {
                endParagraph()
                output.append("<h\(level)>" + MarkdownInline.html(text) + "</h\(level)>")
                index += 1
            } else if ["---", "***", "___"].contains(trimmed.replacingSpaces) {
                endParagraph()
                output.append("<hr>")
                index += 1
            } else if trimmed.hasPrefix(">") {
                endParagraph()
                var quoted: [String] = []
                while index < lines.count, lines[index].trimmed.hasPrefix(">") {
                    quoted.append(String(lines[index].trimmed.dropFirst()).trimmed)
                    index += 1
                }
                output.append("<blockquote>" + html(quoted.joined(separator: "\n")) + "</blockquote>")
            } else if let ordered = listItem(trimmed) {
                endParagraph()
                var items: [String] = []
                while index < lines.count, let item = listItem(lines[index].trimmed), item.ordered == ordered.ordered {
                    items.append("<li>" + MarkdownInline.html(item.text) + "</li>")
                    index += 1
                }
                let tag = ordered.ordered ? "ol" : "ul"
                output.append("<\(tag)>" + items.joined() + "</\(tag)>")
            } else if trimmed.hasPrefix("|"), index + 1 < lines.count, isTableSeparator(lines[index + 1].trimmed) {
                endParagraph()
                var rows: [[String]] = [cells(trimmed)]
                let alignments = cells(lines[index + 1].trimmed).map { $0.hasSuffix(":") ? " class=\"num\"" : "" }
                index += 2
                while index < lines.count, lines[index].trimmed.hasPrefix("|") {
                    rows.append(cells(lines[index].trimmed))
                    index += 1
                }
                output.append(table(rows, alignments: alignments))
            } else {
                paragraph.append(line)
                index += 1
            }
        }
        endParagraph()
        return output.joined(separator: "\n")
    }

    /// `## Title` → (2, "Title").
    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = String(rest).trimmed
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmed)
    }

    /// `- item`, `* item`, `+ item` (unordered) or `1. item`, `2) item` (ordered).
    static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (false, String(line.dropFirst(2)).trimmed)
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " else { return nil }
        return (true, String(rest.dropFirst(2)).trimmed)
    }

    private static func isTableSeparator(_ line: String) -> Bool {
        line.hasPrefix("|") && line.contains("-") && line.allSatisfy { "|-: ".contains($0) }
    }

    private static func cells(_ line: String) -> [String] {
        var text = line.trimmed
        if text.hasPrefix("|") { text.removeFirst() }
        if text.hasSuffix("|") { text.removeLast() }
        return text.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
    }

    private static func table(_ rows: [[String]], alignments: [String]) -> String {
        func row(_ cells: [String], tag: String) -> String {
            "<tr>" + cells.enumerated().map { position, cell in
                let alignment = position < alignments.count ? alignments[position] : ""
                return "<\(tag)\(alignment)>" + MarkdownInline.html(cell) + "</\(tag)>"
            }.joined() + "</tr>"
        }
        let body = rows.dropFirst().map { row($0, tag: "td") }.joined()
        return "<table><thead>" + row(rows[0], tag: "th") + "</thead><tbody>" + body + "</tbody></table>"
    }
}

extension String {
    /// The text with spaces removed (`- - -` is a rule too).
    fileprivate var replacingSpaces: String { String(filter { $0 != " " }) }
}
