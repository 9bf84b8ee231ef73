// The result formats a user can pick with `.mode` or `--format`.

/// How result tables are printed.
///
/// - `table`: aligned columns in a box, for people (long results truncated in the REPL).
/// - `csv`: RFC 4180 — a header row, fields quoted when they hold a comma, quote, CR or LF.
/// - `json`: one JSON array; each row is an object on its own line (valid JSON and still greppable).
/// - `markdown`: a GitHub pipe table.
public enum OutputMode: String, Sendable, CaseIterable {
    case table
    case csv
    case json
    case markdown

    /// The names `.mode` and `--format` accept, for messages.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }
}
