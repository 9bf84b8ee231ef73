// The text of a span.

extension SourceText {
    /// The source text covered by `span` (byte offsets), as a string.
    func slice(_ span: SourceSpan) -> String {
        let bytes = Array(text.utf8)
        let start = min(max(0, span.start), bytes.count), end = min(max(start, span.end), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
