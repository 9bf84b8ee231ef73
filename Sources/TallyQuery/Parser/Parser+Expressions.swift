// Parsing of expressions: precedence climbing over the table in Precedence.swift.
import TallyStore

extension Parser {
    /// expr -> prefix (infixOperator expr)*   (operators bind per `Precedence`)
    mutating func parseExpression(minimum: Int = 1) throws(Diagnostic) -> ParsedExpression {
        var left = try parsePrefix()
        while true {
            let token = current
            let spelling = token.kind == .identifier ? (token.isQuoted ? "" : token.text.lowercased()) : (token.kind == .symbol(token.text) ? token.text : "")
            guard let precedence = Precedence.infix[spelling], precedence >= minimum else { return left }
            if spelling == "not" {
                // `x not in (…)`, `x not between …`, `x not like …`
                let next = tokens[index + 1]
                guard next.kind == .identifier,
                      ["in", "between", "like", "contains", "startswith", "endswith"].contains(next.text.lowercased())
                else { return left }
                _ = advance()
                left = try parseInfix(left, spelling: next.text.lowercased(), precedence: precedence, negated: true)
            } else {
                left = try parseInfix(left, spelling: spelling, precedence: precedence, negated: false)
            }
        }
    }

    /// infix -> binaryOperator expr | `in` `(` list `)` | `between` expr `and` expr | `is` `not`? `null`
    private mutating func parseInfix(_ left: ParsedExpression, spelling: String, precedence: Int, negated: Bool) throws(Diagnostic) -> ParsedExpression {
        let operatorToken = advance()
        switch spelling {
        case "in":
            _ = try expectSymbol("(", "after `in`")
            var items: [ParsedExpression] = []
            while !current.isSymbol(")") {
                items.append(try parseExpression())
                if !acceptSymbol(",") { break }
            }
            _ = try expectSymbol(")", "to close the `in` list")
            return ParsedExpression(.inList(left, items, negated: negated), span(from: left.span))
        case "between":
            let low = try parseExpression(minimum: precedence + 1)
            try expectWord("and", "between the bounds of `between`")
            let high = try parseExpression(minimum: precedence + 1)
            return ParsedExpression(.between(left, low, high, negated: negated), span(from: left.span))
        case "is":
            let isNegated = acceptWord("not")
            try expectWord("null", "after `is`")
            return ParsedExpression(.isNull(left, negated: isNegated), span(from: left.span))
        case "=":
            throw Diagnostic(kind: .syntax, message: "`=` is not a comparison", span: operatorToken.span,
                             hints: ["use `==` to compare"])
        default:
            guard let op = BinaryOperator(rawValue: spelling) else { throw unexpected("an operator") }
            let right = try parseExpression(minimum: precedence + 1)
            let combined = span(from: left.span)
            if negated { return ParsedExpression(.negatedMatch(op, left, right), combined) }
            return ParsedExpression(.binary(op, left, right), combined)
        }
    }

    /// prefix -> `-` expr | `not` expr | primary
    private mutating func parsePrefix() throws(Diagnostic) -> ParsedExpression {
        let start = current.span
        if acceptSymbol("-") {
            let operand = try parseExpression(minimum: Precedence.unaryMinus)
            if case .literal(let value) = operand.kind {
                switch value {
                case .int(let v): return ParsedExpression(.literal(.int(-v)), span(from: start))
                case .float(let v): return ParsedExpression(.literal(.float(-v)), span(from: start))
                case .duration(let v): return ParsedExpression(.literal(.duration(-v)), span(from: start))
                default: break
                }
            }
            return ParsedExpression(.negate(operand), span(from: start))
        }
        if current.isWord("not") {
            _ = advance()
            let operand = try parseExpression(minimum: Precedence.notPrefix)
            return ParsedExpression(.not(operand), span(from: start))
        }
        return try parsePrimary()
    }

    /// primary -> literal | name | name `(` arguments `)` | `(` expr `)` | `[` list `]` | caseExpr
    private mutating func parsePrimary() throws(Diagnostic) -> ParsedExpression {
        let token = current
        switch token.kind {
        case .integer(let v): _ = advance(); return ParsedExpression(.literal(.int(v)), token.span)
        case .float(let v): _ = advance(); return ParsedExpression(.literal(.float(v)), token.span)
        case .string(let v): _ = advance(); return ParsedExpression(.literal(.string(v)), token.span)
        case .date(let v): _ = advance(); return ParsedExpression(.literal(.date(v)), token.span)
        case .timestamp(let v): _ = advance(); return ParsedExpression(.literal(.timestamp(v)), token.span)
        case .duration(let v): _ = advance(); return ParsedExpression(.literal(.duration(v)), token.span)
        case .symbol("("):
            _ = advance()
            let inner = try parseExpression()
            _ = try expectSymbol(")", "to close the parenthesis")
            return ParsedExpression(inner.kind, span(from: token.span))
        case .symbol("["):
            _ = advance()
            var items: [ParsedExpression] = []
            while !current.isSymbol("]") {
                items.append(try parseExpression())
                if !acceptSymbol(",") { break }
            }
            _ = try expectSymbol("]", "to close the list")
            return ParsedExpression(.list(items), span(from: token.span))
        case .identifier:
            let word = token.isQuoted ? "" : token.text.lowercased()
            if word == "true" || word == "false" { _ = advance(); return ParsedExpression(.literal(.bool(word == "true")), token.span) }
            if word == "null" { _ = advance(); return ParsedExpression(.literal(.null), token.span) }
            if word == "case" { return try parseCase() }
            _ = advance()
            if acceptSymbol("(") {
                // `count(*)` as SQL writes it is `count()`.
                if word == "count", current.isSymbol("*"), tokens[index + 1].isSymbol(")") { _ = advance() }
                let arguments = try parseArguments()
                return ParsedExpression(.call(name: token.text, nameSpan: token.span, arguments: arguments), span(from: token.span))
            }
            return ParsedExpression(.column(token.text), token.span)
        default:
            throw unexpected("an expression")
        }
    }

    /// caseExpr -> `case` (`when` expr `then` expr)+ (`else` expr)? `end`
    private mutating func parseCase() throws(Diagnostic) -> ParsedExpression {
        let start = advance().span
        var branches: [(ParsedExpression, ParsedExpression)] = []
        while acceptWord("when") {
            let condition = try parseExpression()
            try expectWord("then", "after the `when` condition")
            branches.append((condition, try parseExpression()))
        }
        guard !branches.isEmpty else { throw unexpected("`when`") }
        let otherwise = acceptWord("else") ? try parseExpression() : nil
        try expectWord("end", "to close `case`")
        return ParsedExpression(.caseWhen(branches, otherwise: otherwise), span(from: start))
    }
}
