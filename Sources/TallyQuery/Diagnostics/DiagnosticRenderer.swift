// Draws a diagnostic: location line, the source line, carets under the span, hints.

/// Renders diagnostics as text:
///
///     error: unknown column `usr_id`
///      --> <repl>:1:16
///       |
///     1 | events | where usr_id == 3
///       |                ^^^^^^
///     hint: did you mean `user_id`?
///
/// Lines and columns are 1-based; columns count characters. A span over several lines is
/// underlined on its first line only. A load failure points at the data file first, then at
/// the statement that loaded it.
public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic, color: Bool = false) -> String {
        let red = color ? "\u{1B}[1;31m" : "", blue = color ? "\u{1B}[1;34m" : ""
        let bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
        var lines = ["\(red)error\(reset)\(bold): \(diagnostic.message)\(reset)"]
        if let loadError = diagnostic.loadError {
            lines.append("\(blue) --> \(reset)\(loadError.file):\(loadError.line):\(loadError.column)")
        }
        // A load failure shows both places: the fault in the data file, then the statement that read it.
        if let span = diagnostic.span, let source = diagnostic.source {
            let location = SourceLocator(source.text)
            let (line, column, lineText) = location.position(of: span.start)
            let number = String(line + source.firstLine - 1)
            let gutter = String(repeating: " ", count: number.count)
            let width = max(1, location.characterCount(from: span.start, to: min(span.end, location.lineEnd(of: span.start))))
            lines.append("\(gutter)\(blue)--> \(reset)\(source.origin):\(number):\(column)")
            lines.append("\(gutter) \(blue)|\(reset)")
            lines.append("\(blue)\(number) |\(reset) \(lineText)")
            // Tabs before the span are repeated so the carets line up under any tab width.
            let padding = String(lineText.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
            lines.append("\(gutter) \(blue)|\(reset) \(padding)\(red)\(String(repeating: "^", count: width))\(reset)")
        }
        for hint in diagnostic.hints {
            lines.append("\(bold)hint\(reset): \(hint)")
        }
        return lines.joined(separator: "\n")
    }
}

/// Finds lines and character columns for byte offsets in a text.
struct SourceLocator {
    let bytes: [UInt8]
    init(_ text: String) { bytes = Array(text.utf8) }

    func lineStart(of offset: Int) -> Int {
        var start = min(offset, bytes.count)
        while start > 0, bytes[start - 1] != 10 { start -= 1 }
        return start
    }

    func lineEnd(of offset: Int) -> Int {
        var end = min(offset, bytes.count)
        while end < bytes.count, bytes[end] != 10 { end += 1 }
        if end > 0, end <= bytes.count, end > lineStart(of: offset), bytes[end - 1] == 13 { end -= 1 }
        return end
    }

    /// 1-based line, 1-based character column, and the line's text.
    func position(of offset: Int) -> (Int, Int, String) {
        let clamped = min(max(0, offset), bytes.count)
        var line = 1
        for byte in bytes[0..<clamped] where byte == 10 { line += 1 }
        let start = lineStart(of: clamped)
        let column = characterCount(from: start, to: clamped) + 1
        let text = String(decoding: bytes[start..<lineEnd(of: clamped)], as: UTF8.self)
        return (line, column, text)
    }

    func characterCount(from start: Int, to end: Int) -> Int {
        guard end > start else { return 0 }
        return String(decoding: bytes[start..<end], as: UTF8.self).count
    }
}
