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
    public var value: Expression
}

/// An expression node with its source span.
public indirect enum ExpressionKind: Sendable {
    case literal(Value)
    case column(String)
    case call(name: String, nameSpan: SourceSpan, arguments: [Argument])
    case negate(Expression)
    case not(Expression)
    case binary(BinaryOperator, Expression, Expression)
    /// `x in (a, b)` / `x not in (…)`.
    case inList(Expression, [Expression], negated: Bool)
    /// `x between a and b` / `x not between a and b`.
    case between(Expression, Expression, Expression, negated: Bool)
    /// `x is null` / `x is not null`.
    case isNull(Expression, negated: Bool)
    /// `case when c then v … [else e] end`.
    case caseWhen([(Expression, Expression)], otherwise: Expression?)
    /// `[a, b, c]`, only meaningful as a plugin argument.
    case list([Expression])
    /// `x not like p` and friends.
    case negatedMatch(BinaryOperator, Expression, Expression)
}

public struct Expression: Sendable {
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
    public var expression: Expression
}
