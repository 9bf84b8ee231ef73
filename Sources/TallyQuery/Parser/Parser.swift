// Recursive-descent parser: statements and pipelines. Stages and expressions live in extensions.
import TallyStore

/// Parses a program into statements. Each function quotes the rule it implements.
public struct Parser {
    var tokens: [Token]
    var index = 0
    let source: SourceText

    /// - Parameter parameters: values for `$name` in the text (notebook and script parameters).
    public init(source: SourceText, parameters: [String: Value] = [:]) throws(Diagnostic) {
        self.source = source
        tokens = try Lexer.tokenize(source, parameters: parameters)
    }

    /// Parses a whole program; `$name` stands for the literal `parameters[name]`.
    /// - Throws: `Diagnostic` (`.syntax`) at the first error.
    public static func parse(_ source: SourceText, parameters: [String: Value] = [:]) throws(Diagnostic) -> [Statement] {
        var parser = try Parser(source: source, parameters: parameters)
        do {
            return try parser.parseProgram()
        } catch {
            var diagnostic = error
            diagnostic.source = source
            throw diagnostic
        }
    }

    // MARK: token helpers

    var current: Token { tokens[index] }
    var previous: Token { tokens[max(0, index - 1)] }

    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        if current.isSymbol(symbol) { _ = advance(); return true }
        return false
    }

    mutating func acceptWord(_ word: String) -> Bool {
        if current.isWord(word) { _ = advance(); return true }
        return false
    }

    mutating func expectSymbol(_ symbol: String, _ context: String) throws(Diagnostic) -> Token {
        guard current.isSymbol(symbol) else { throw unexpected("`\(symbol)` \(context)") }
        return advance()
    }

    mutating func expectWord(_ word: String, _ context: String) throws(Diagnostic) {
        guard current.isWord(word) else { throw unexpected("`\(word)` \(context)") }
        _ = advance()
    }

    mutating func expectIdentifier(_ what: String) throws(Diagnostic) -> Token {
        guard current.kind == .identifier else { throw unexpected(what) }
        return advance()
    }

    func unexpected(_ expected: String) -> Diagnostic {
        Diagnostic(kind: .syntax, message: "expected \(expected), found \(current.quoted)", span: current.span)
    }

    func span(from start: SourceSpan) -> SourceSpan {
        SourceSpan(start: start.start, end: max(start.end, previous.span.end))
    }

    // MARK: statements

    /// program -> statement? (statementEnd statement?)* end
    mutating func parseProgram() throws(Diagnostic) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while current.kind == .statementEnd { _ = advance() }
            if current.kind == .end { return statements }
            statements.append(try parseStatement())
            guard current.kind == .statementEnd || current.kind == .end else {
                throw unexpected("`|` or the end of the statement")
            }
        }
    }

    /// statement -> letStatement | defStatement | setStatement | loadStatement | saveStatement | `explain` pipeline | pipeline
    /// letStatement -> `let` name `=` pipeline
    /// setStatement -> `set` name `=` (string | name)
    mutating func parseStatement() throws(Diagnostic) -> Statement {
        let start = current.span
        if current.isWord("let"), tokens[index + 1].kind == .identifier {
            _ = advance()
            let name = try expectIdentifier("a name after `let`")
            _ = try expectSymbol("=", "after the name")
            let pipeline = try parsePipeline()
            return Statement(kind: .letBinding(name: name.text, pipeline), span: span(from: start))
        }
        if current.isWord("def"), tokens[index + 1].kind == .identifier {
            return try parseDefinition()
        }
        if current.isWord("set"), tokens[index + 1].kind == .identifier {
            _ = advance()
            let name = try expectIdentifier("a setting name")
            _ = try expectSymbol("=", "after the setting name")
            let value: String
            switch current.kind {
            case .string(let text): value = text
            case .identifier, .integer: value = current.text
            default: throw unexpected("a value")
            }
            let valueToken = advance()
            return Statement(kind: .setting(name: name.text, nameSpan: name.span, value: value, valueSpan: valueToken.span),
                             span: span(from: start))
        }
        if current.isWord("load"), case .string = tokens[index + 1].kind {
            return try parseLoad()
        }
        if current.isWord("save"), tokens[index + 1].kind == .identifier, tokens[index + 2].isWord("to") {
            return try parseSave()
        }
        if current.isWord("explain"), tokens[index + 1].kind == .identifier || tokens[index + 1].isSymbol("(") {
            _ = advance()
            let pipeline = try parsePipeline()
            return Statement(kind: .explain(pipeline), span: span(from: start))
        }
        let pipeline = try parsePipeline()
        return Statement(kind: .pipeline(pipeline), span: pipeline.span)
    }

    /// defStatement -> `def` name `(` (name (`,` name)*)? `)` `=` `|`? stage (`|` stage)*
    mutating func parseDefinition() throws(Diagnostic) -> Statement {
        let start = advance().span
        let name = try expectIdentifier("a name after `def`")
        var parameters: [String] = []
        if acceptSymbol("(") {
            while !current.isSymbol(")") {
                parameters.append(try expectIdentifier("a parameter name").text)
                if !acceptSymbol(",") { break }
            }
            _ = try expectSymbol(")", "to close the parameter list")
        }
        _ = try expectSymbol("=", "before the definition's stages")
        _ = acceptSymbol("|")
        var stages = [try parseStage()]
        while acceptSymbol("|") { stages.append(try parseStage()) }
        return Statement(kind: .definition(name: name.text, parameters: parameters, stages: stages), span: span(from: start))
    }

    /// loadStatement -> `load` string `as` name (`with` `(` name `:` type (`,` name `:` type)* `)`)? `skip_errors`?
    mutating func parseLoad() throws(Diagnostic) -> Statement {
        let start = advance().span
        guard case .string(let path) = advance().kind else { throw unexpected("a file path") }
        try expectWord("as", "after the file path")
        let name = try expectIdentifier("a table name after `as`")
        var types: [(String, DataType)] = []
        if acceptWord("with") {
            types = try parseColumnTypes()
        }
        let skipErrors = acceptWord("skip_errors")
        return Statement(kind: .load(path: path, name: name.text, types: types, skipErrors: skipErrors), span: span(from: start))
    }

    /// saveStatement -> `save` name `to` string
    mutating func parseSave() throws(Diagnostic) -> Statement {
        let start = advance().span
        let table = try expectIdentifier("a table name after `save`")
        try expectWord("to", "after the table name")
        guard case .string(let path) = current.kind else { throw unexpected("a file path after `to`") }
        _ = advance()
        return Statement(kind: .save(table: table.text, tableSpan: table.span, path: path), span: span(from: start))
    }

    /// columnTypes -> `(` name `:` type (`,` name `:` type)* `)`
    mutating func parseColumnTypes() throws(Diagnostic) -> [(String, DataType)] {
        _ = try expectSymbol("(", "before the column types")
        var result: [(String, DataType)] = []
        while !current.isSymbol(")") {
            let column = try expectIdentifier("a column name")
            _ = try expectSymbol(":", "after the column name")
            let typeToken = try expectIdentifier("a type")
            guard let type = DataType(rawValue: typeToken.text.lowercased()) else {
                let alias = Self.typeAliases[typeToken.text.lowercased()]
                throw Diagnostic(kind: .syntax, message: "unknown type `\(typeToken.text)`", span: typeToken.span,
                                 hints: (alias.map { ["did you mean `\($0)`?"] }
                                    ?? Suggestion.hints(for: typeToken.text, among: DataType.allCases.map(\.rawValue)))
                                    + ["types are " + DataType.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            result.append((column.text, type))
            if !acceptSymbol(",") { break }
        }
        _ = try expectSymbol(")", "to close the column types")
        return result
    }

    /// Type names from other systems, for "did you mean".
    static let typeAliases = [
        "integer": "int", "bigint": "int", "long": "int", "int64": "int", "double": "float", "real": "float",
        "number": "float", "boolean": "bool", "text": "string", "varchar": "string", "datetime": "timestamp",
        "time": "timestamp", "interval": "duration", "timespan": "duration",
    ]

    /// pipeline -> source (`|` stage)*
    mutating func parsePipeline() throws(Diagnostic) -> Pipeline {
        let source = try parseSource()
        var stages: [Stage] = []
        while acceptSymbol("|") { stages.append(try parseStage()) }
        return Pipeline(source: source, stages: stages, span: span(from: source.span))
    }

    /// source -> name | `(` pipeline `)` | `values` `(` columnTypes `)` `[` row (`,` row)* `]`
    /// row -> `(` expr (`,` expr)* `)`
    mutating func parseSource() throws(Diagnostic) -> PipelineSource {
        let start = current.span
        if current.isWord("values"), tokens[index + 1].isSymbol("(") {
            _ = advance()
            let columns = try parseColumnTypes()
            _ = try expectSymbol("[", "before the rows of `values`")
            var rows: [[ParsedExpression]] = []
            while !current.isSymbol("]") {
                _ = try expectSymbol("(", "to start a row")
                var row: [ParsedExpression] = []
                while !current.isSymbol(")") {
                    row.append(try parseExpression())
                    if !acceptSymbol(",") { break }
                }
                _ = try expectSymbol(")", "to end the row")
                rows.append(row)
                if !acceptSymbol(",") { break }
            }
            _ = try expectSymbol("]", "to end the rows of `values`")
            return PipelineSource(kind: .values(columns: columns.map { (name: $0.0, type: $0.1) }, rows: rows),
                                  span: span(from: start))
        }
        if acceptSymbol("(") {
            let inner = try parsePipeline()
            _ = try expectSymbol(")", "to close the nested pipeline")
            return PipelineSource(kind: .pipeline(inner), span: span(from: start))
        }
        let name = try expectIdentifier("a table name")
        return PipelineSource(kind: .table(name.text), span: name.span)
    }
}
