// Parsing of pipeline stages.
import TallyStore

extension Parser {
    /// The built-in stage keywords, for completion and "did you mean".
    static let stageKeywords = ["where", "select", "extend", "summarize", "sort", "take", "limit", "top",
                                "distinct", "count", "join", "union", "chart"]

    /// stage -> whereStage | selectStage | extendStage | summarizeStage | sortStage | takeStage
    ///        | topStage | distinctStage | `count` | joinStage | unionStage | chartStage | callStage
    mutating func parseStage() throws(Diagnostic) -> Stage {
        let start = current.span
        if current.isSymbol("|") {
            throw Diagnostic(kind: .syntax, message: "a stage is missing between two `|`", span: current.span,
                             hints: ["remove one `|`, or add a stage such as `where` or `summarize`"])
        }
        guard current.kind == .identifier else { throw unexpected("a stage such as `where` or `summarize`") }
        let keyword = current.isQuoted ? "" : current.text.lowercased()
        let kind: StageKind
        switch keyword {
        case "where":
            _ = advance()
            kind = .filter(try parseExpression())
        case "select":
            _ = advance()
            kind = .select(try parseNamedList(requireOne: true))
        case "extend":
            _ = advance()
            kind = .extend(try parseNamedList(requireOne: true))
        case "summarize":
            _ = advance()
            let aggregates = current.isWord("by") ? [] : try parseNamedList(requireOne: true)
            let by = acceptWord("by") ? try parseNamedList(requireOne: true) : []
            kind = .summarize(aggregates: aggregates, by: by)
        case "sort":
            _ = advance()
            try expectWord("by", "after `sort`")
            var keys = [try parseSortKey()]
            while acceptSymbol(",") { keys.append(try parseSortKey()) }
            kind = .sort(keys)
        case "take", "limit":
            _ = advance()
            kind = .take(try parseExpression())
        case "top":
            _ = advance()
            let count = try parseExpression(minimum: Precedence.comparison + 1)
            try expectWord("by", "after the row count of `top`")
            kind = .top(count, try parseSortKey(descendingByDefault: true))
        case "distinct":
            _ = advance()
            kind = .distinct(atStageEnd ? [] : try parseNamedList(requireOne: true))
        case "count":
            _ = advance()
            kind = .count
        case "join":
            _ = advance()
            var joinKind = JoinKind.inner
            if acceptWord("kind") {
                _ = try expectSymbol("=", "after `kind`")
                let word = try expectIdentifier("`inner` or `left`")
                guard let parsed = JoinKind(rawValue: word.text.lowercased()) else {
                    throw Diagnostic(kind: .syntax, message: "unknown join kind `\(word.text)`", span: word.span,
                                     hints: ["join kinds are inner and left"])
                }
                joinKind = parsed
            } else if acceptWord("left") {
                joinKind = .left
            } else {
                _ = acceptWord("inner")
            }
            let other = try parseSource()
            try expectWord("on", "after the table to join")
            var keys = [try parseJoinKey()]
            while acceptSymbol(",") { keys.append(try parseJoinKey()) }
            kind = .join(joinKind, other, keys)
        case "union":
            _ = advance()
            kind = .union(try parseSource())
        case "chart":
            _ = advance()
            kind = .chart(try parseChartStage())
        default:
            kind = try parseCallStage()
        }
        return Stage(kind: kind, span: span(from: start))
    }

    var atStageEnd: Bool {
        current.kind == .statementEnd || current.kind == .end || current.isSymbol("|") || current.isSymbol(")")
    }

    /// callStage -> name (`(` (argument (`,` argument)*)? `)`)? (`by` namedList)?
    mutating func parseCallStage() throws(Diagnostic) -> StageKind {
        let name = advance()
        var arguments: [Argument] = []
        if acceptSymbol("(") {
            arguments = try parseArguments()
        } else if !atStageEnd, !current.isWord("by"),
                  let keyword = Suggestion.closest(to: name.text, among: Self.stageKeywords) {
            // `wher x == 1`: a misspelt stage, not a call of a stage named `wher`.
            throw Diagnostic(kind: .syntax, message: "unknown stage `\(name.text)`", span: name.span,
                             hints: ["did you mean `\(keyword)`?"])
        }
        let by = acceptWord("by") ? try parseNamedList(requireOne: true) : []
        return .call(name: name.text, nameSpan: name.span, arguments: arguments, by: by)
    }

    /// arguments -> (argument (`,` argument)*)? `)`;  argument -> (name `:`)? expr
    mutating func parseArguments() throws(Diagnostic) -> [Argument] {
        var arguments: [Argument] = []
        while !current.isSymbol(")") {
            if current.kind == .identifier, tokens[index + 1].isSymbol(":") {
                let name = advance()
                _ = advance()
                arguments.append(Argument(name: name.text, nameSpan: name.span, value: try parseExpression()))
            } else {
                arguments.append(Argument(name: nil, nameSpan: nil, value: try parseExpression()))
            }
            if !acceptSymbol(",") { break }
        }
        _ = try expectSymbol(")", "to close the argument list")
        return arguments
    }

    /// namedList -> named (`,` named)*;  named -> (name `=`)? expr
    mutating func parseNamedList(requireOne: Bool) throws(Diagnostic) -> [NamedExpression] {
        var items: [NamedExpression] = []
        repeat {
            if current.kind == .identifier, tokens[index + 1].isSymbol("=") {
                let name = advance()
                _ = advance()
                items.append(NamedExpression(name: name.text, nameSpan: name.span, expression: try parseExpression()))
            } else {
                items.append(NamedExpression(name: nil, nameSpan: nil, expression: try parseExpression()))
            }
        } while acceptSymbol(",")
        return items
    }

    /// sortKey -> expr (`asc` | `desc`)?   (`top` sorts descending unless told `asc`)
    mutating func parseSortKey(descendingByDefault: Bool = false) throws(Diagnostic) -> SortKey {
        let expression = try parseExpression()
        if acceptWord("desc") { return SortKey(expression: expression, descending: true) }
        if acceptWord("asc") { return SortKey(expression: expression, descending: false) }
        return SortKey(expression: expression, descending: descendingByDefault)
    }

    /// joinKey -> name | name `==` name
    mutating func parseJoinKey() throws(Diagnostic) -> JoinKey {
        let left = try expectIdentifier("a join key column")
        if acceptSymbol("==") {
            let right = try expectIdentifier("the right side's key column")
            return JoinKey(left: left.text, leftSpan: left.span, right: right.text, rightSpan: right.span)
        }
        return JoinKey(left: left.text, leftSpan: left.span, right: left.text, rightSpan: left.span)
    }
}
