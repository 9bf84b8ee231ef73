// The parsed (unbound) form of expressions: what the user wrote, with spans, no types yet.
import TallyStore

/// Binary operators, by their source spelling.
public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and, or
    case contains, startswith, endswith, like

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }
    var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .remainder: return true
        default: return false
        }
    }
    var isStringMatch: Bool {
        switch self {
        case .contains, .startswith, .endswith, .like: return true
        default: return false
        }
    }
}

/// An argument of a call: positional or `name: value`.
public struct Argument: Sendable {
    public var name: String?
    public var nameSpan: SourceSpan?
    public var value: ParsedExpression
}

/// The forms an expression takes in the source.
public indirect enum ExpressionKind: Sendable {
    case literal(Value)
    case column(String)
    case call(name: String, nameSpan: SourceSpan, arguments: [Argument])
    case negate(ParsedExpression)
    case not(ParsedExpression)
    case binary(BinaryOperator, ParsedExpression, ParsedExpression)
    /// `x in (a, b)` / `x not in (…)`.
    case inList(ParsedExpression, [ParsedExpression], negated: Bool)
    /// `x between a and b` / `x not between a and b`.
    case between(ParsedExpression, ParsedExpression, ParsedExpression, negated: Bool)
    /// `x is null` / `x is not null`.
    case isNull(ParsedExpression, negated: Bool)
    /// `case when c then v … [else e] end`.
    case caseWhen([(ParsedExpression, ParsedExpression)], otherwise: ParsedExpression?)
    /// `[a, b, c]`, only meaningful as a plugin argument.
    case list([ParsedExpression])
    /// `x not like p` and friends.
    case negatedMatch(BinaryOperator, ParsedExpression, ParsedExpression)
}

/// An expression as parsed: its form and its span; names are not resolved yet.
public struct ParsedExpression: Sendable {
    public var kind: ExpressionKind
    public var span: SourceSpan

    public init(_ kind: ExpressionKind, _ span: SourceSpan) {
        self.kind = kind
        self.span = span
    }

    /// The column name this expression would give a result column: a column's own name, a
    /// function's name (`day(ts)` → `day`), else nil.
    var impliedName: String? {
        switch kind {
        case .column(let name): return name
        case .call(let name, _, _): return name.lowercased()
        default: return nil
        }
    }
}

/// `name = expr` or a bare `expr` in `select`, `extend`, `summarize` and `by`.
public struct NamedExpression: Sendable {
    public var name: String?
    public var nameSpan: SourceSpan?
    public var expression: ParsedExpression
}
