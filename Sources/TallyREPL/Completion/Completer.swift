// Decides what Tab offers from the text before the cursor: the heart of context-aware completion.
import TallyPluginAPI
import TallyQuery
import TallyStore

/// What completion offers for the word under the cursor.
public enum CompletionResult: Equatable, Sendable {
    /// Candidate words (readline keeps those starting with the typed word).
    case words([String])
    /// The word is a file path: readline's own file-name completion applies.
    case fileNames
}

/// Context-aware completion over a shell's session. Pure logic, so it is tested without a terminal.
///
/// - A `.` at the start of a line: dot-command names; after a dot-command: its arguments.
/// - At the start of a statement: table names and `let`, `load`, `set`, `def`.
/// - After `|`: stage names (built-in stages, plugins and `def`s).
/// - Inside a plugin call: its parameter names (`steps:`) at an argument's start; after `name:`
///   the words that parameter takes (choices, periods, flags, booleans, or column names).
/// - Inside a string that is an event argument of a plugin (`steps: ["vi`): the event names.
/// - Inside a string after `col ==`, `col !=` or `col in (`: the distinct values of `col` in the
///   statement's source table (event names, countries, …). After `load "`: file names.
/// - Elsewhere in a pipeline: the source table's columns, then functions and a few keywords.
public final class Completer {
    private let shell: ShellState
    private let pendingText: () -> String

    /// Words allowed at the start of a statement besides table names.
    static let statementKeywords = ["def", "let", "load", "set"]
    /// What `set` changes (DESIGN §5).
    static let settingNames = ["timezone", "week_start"]
    /// Words that read naturally inside a stage.
    static let stageKeywords = ["and", "asc", "by", "desc", "in", "not", "or"]

    /// - Parameters:
    ///   - shell: the shell whose session provides names and data.
    ///   - pendingText: earlier lines of an unfinished multi-line statement.
    public init(shell: ShellState, pendingText: @escaping () -> String = { "" }) {
        self.shell = shell
        self.pendingText = pendingText
    }

    /// Candidates for `word`, which follows `beforeWord` on the current line. Inside a string,
    /// `word` is the text after the opening quote and `beforeWord` ends with the quote.
    public func complete(beforeWord: String, word: String) -> CompletionResult {
        let pending = pendingText()
        let lineStart = beforeWord.drop { $0 == " " || $0 == "\t" }
        if pending.isEmpty, lineStart.isEmpty, word.hasPrefix(".") {
            return .words(filter(DotCommands.allNames, word))
        }
        if pending.isEmpty, lineStart.hasPrefix(".") {
            return dotCommandArguments(String(lineStart), word: word)
        }
        let statement = pending.isEmpty ? beforeWord : pending + "\n" + beforeWord
        var tokens = CompletionToken.scan(statement)
        // Only the statement under the cursor matters.
        if let lastSeparator = tokens.lastIndex(where: { $0.kind == .symbol && $0.text == ";" }) {
            tokens = Array(tokens[(lastSeparator + 1)...])
        }
        if let last = tokens.last, last.kind == .string(isClosed: false) {
            return stringContents(tokens.dropLast(), word: word)
        }
        guard let last = tokens.last else {
            return .words(filter(shell.session.tables.map(\.name) + Self.statementKeywords, word))
        }
        if last.kind == .symbol && last.text == "|" {
            return .words(filter(shell.session.stageNames, word))
        }
        if tokens.count == 1, tokens[0].text == "set" {
            return .words(filter(Self.settingNames, word))
        }
        if isBindingStart(tokens) {
            return .words(filter(shell.session.tables.map(\.name), word))
        }
        let columns = sourceTable(of: tokens)?.names ?? []
        if let call = PluginArgumentCompletion(tokens: tokens, registry: shell.session.registry) {
            let candidates = call.candidates(columns: columns)
            // At an argument's start, parameter names; after `name:` with nothing to offer, fall through.
            if call.parameter == nil || !candidates.isEmpty { return .words(filter(candidates, word)) }
        }
        return .words(filter(columns, word) + filter(shell.session.functionNames + Self.stageKeywords, word))
    }

    /// After `.schema `, `.mode ` …: what the command itself offers; after `.load `: files.
    private func dotCommandArguments(_ line: String, word: String) -> CompletionResult {
        let name = String(line.prefix { $0 != " " && $0 != "\t" })
        guard let command = DotCommands.named(name) else { return .words([]) }
        if command is LoadCommand || command is SaveCommand || command is OpenCommand { return .fileNames }
        return .words(filter(command.argumentCompletions(in: shell), word))
    }

    /// Inside an open string: values of the compared column, or file names after `load`.
    private func stringContents(_ before: ArraySlice<CompletionToken>, word: String) -> CompletionResult {
        let tokens = Array(before)
        if tokens.last?.text == "load" && tokens.last?.kind == .identifier { return .fileNames }
        if let table = sourceTable(of: tokens),
           let call = PluginArgumentCompletion(tokens: tokens, registry: shell.session.registry), call.takesEventNames,
           let index = try? ColumnRole.event.resolve(in: table.fields, explicit: nil),
           let values = table.columns[index].dictionary {
            // `steps: ["vi` → the event names of the source table.
            return .words(filter(values.strings, word))
        }
        guard let column = comparedColumn(tokens),
              let values = sourceTable(of: tokens)?.column(named: column)?.dictionary else {
            return .words([])
        }
        return .words(filter(values.strings, word))
    }

    /// `col ==` / `col !=` / `col in (` followed by earlier values: the column's name.
    private func comparedColumn(_ tokens: [CompletionToken]) -> String? {
        var index = tokens.count - 1
        guard index >= 1 else { return nil }
        if tokens[index].kind == .symbol && (tokens[index].text == "==" || tokens[index].text == "!=") {
            return tokens[index - 1].kind == .identifier ? tokens[index - 1].text : nil
        }
        // Walk back over `"a", "b",` to the `(` of an `in` list.
        while index >= 0, tokens[index].kind == .string(isClosed: true) || tokens[index].text == "," {
            index -= 1
        }
        guard index >= 2, tokens[index].text == "(", tokens[index - 1].text == "in",
              tokens[index - 2].kind == .identifier else { return nil }
        return tokens[index - 2].text
    }

    /// `let name =` just typed: a source table comes next.
    private func isBindingStart(_ tokens: [CompletionToken]) -> Bool {
        tokens.count == 3 && tokens[0].text == "let" && tokens[2].text == "="
    }

    /// The table a pipeline starts from: its first identifier (after `let name =`), if it is a table.
    private func sourceTable(of tokens: [CompletionToken]) -> Table? {
        var start = 0
        if tokens.count >= 3, tokens[0].text == "let", tokens[2].text == "=" { start = 3 }
        guard start < tokens.count, tokens[start].kind == .identifier else { return nil }
        return shell.session.table(named: tokens[start].text)
    }

    /// Sorted, de-duplicated candidates starting with `prefix`.
    private func filter(_ words: [String], _ prefix: String) -> [String] {
        var seen = Set<String>()
        return words.filter { $0.hasPrefix(prefix) && seen.insert($0).inserted }.sorted()
    }
}
