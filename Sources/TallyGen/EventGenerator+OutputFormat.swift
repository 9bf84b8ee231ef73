// The two file formats the generator writes.

extension EventGenerator {
    /// The file format written by `write`.
    public enum OutputFormat: String, Sendable, CaseIterable {
        case csv
        case jsonLines = "jsonl"

        /// The format a file name's extension asks for (`.jsonl`, `.ndjson`, `.json` → JSON
        /// Lines), CSV otherwise.
        public init(path: String) {
            let lower = path.lowercased()
            self = [".jsonl", ".ndjson", ".json"].contains { lower.hasSuffix($0) } ? .jsonLines : .csv
        }
    }
}
