// Reading a plugin README's tables, for tests that tie the docs to the descriptor.
import Foundation
import TallyPluginAPI

/// The rows of every Markdown table in a plugin's README.md, and how a parameter's row must read.
public enum PluginReadme {
    /// Cells of each `|` row of `plugins/<folder>/README.md`, trimmed; `\|` inside a cell (as in
    /// `error\|skip`) is a literal pipe, not a cell boundary.
    public static func tableRows(folder: String) throws -> [[String]] {
        let url = PythonPeer.repositoryRoot.appendingPathComponent("plugins/\(folder)/README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").filter { $0.hasPrefix("|") }.map { line in
            line.replacingOccurrences(of: "\\|", with: "\u{0}")
                .split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
                .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{0}", with: "|") }
        }
    }

    /// The first three cells a parameter's row must have: name, type, default.
    public static func parameterCells(_ spec: ParameterSpec) -> [String] {
        let defaultText: String
        switch spec.requirement {
        case .required: defaultText = "required"
        case .optional(let meaning): defaultText = "(absent: \(meaning))"
        case .defaultValue(_, let text): defaultText = "`\(text)`"
        }
        return ["`\(spec.name)`", "`\(spec.type)`", defaultText]
    }
}
