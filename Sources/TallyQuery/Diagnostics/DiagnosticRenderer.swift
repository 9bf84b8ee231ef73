// Draws a diagnostic: location line, the source line, carets under the span, hints.

/// Renders diagnostics as text. PLACEHOLDER: the query engine owns the final form, which looks like
///
///     error: unknown column `usr_id`
///      --> <repl>:1:16
///     1 | events | where usr_id == 3
///       |                ^^^^^^
///     hint: did you mean `user_id`?
public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic, color: Bool = false) -> String {
        "error: " + diagnostic.message
    }
}
