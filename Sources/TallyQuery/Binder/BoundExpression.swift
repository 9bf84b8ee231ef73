// Expressions after name resolution and type checking: column indices, explicit casts, typed nodes.
import TallyStore

/// Arithmetic after type checking; operand types are already reconciled by casts.
public enum ArithmeticOperator: Sendable { case add, subtract, multiply, divide, remainder }

/// Comparisons after type checking; both operands have the same type.
public enum ComparisonOperator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

    /// The operator with its operands swapped: `a < b` is `b > a`.
    public var flipped: ComparisonOperator {
        switch self {
        case .equal, .notEqual: return self
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        }
    }
}

/// `contains`, `startswith`, `endswith`, `like` on strings.
public enum StringMatchOperator: Sendable { case contains, startswith, endswith, like }

/// A typed expression over the columns of one input schema. Plain data: an executor (in
/// process or, later, a SQL emitter) walks it.
public indirect enum BoundExpressionKind: Sendable {
    case literal(Value)
    case column(Int)
    case cast(BoundExpression)
    case arithmetic(ArithmeticOperator, BoundExpression, BoundExpression)
    case comparison(ComparisonOperator, BoundExpression, BoundExpression)
    case and(BoundExpression, BoundExpression)
    case or(BoundExpression, BoundExpression)
    case not(BoundExpression)
    case negate(BoundExpression)
    case isNull(BoundExpression, negated: Bool)
    case stringMatch(StringMatchOperator, BoundExpression, BoundExpression)
    /// Branches `(condition, value)` then the value when none holds (null if absent).
    case caseWhen([(BoundExpression, BoundExpression)], otherwise: BoundExpression?)
    case function(ScalarFunction, [BoundExpression])
}

/// A bound expression: its form, its result type and the span it came from.
public struct BoundExpression: Sendable {
    public var kind: BoundExpressionKind
    public var type: DataType
    /// True for a bare `null` literal, whose type adapts to its context.
    public var isNullLiteral: Bool = false
    public var span: SourceSpan

    init(_ kind: BoundExpressionKind, _ type: DataType, _ span: SourceSpan, isNullLiteral: Bool = false) {
        self.kind = kind
        self.type = type
        self.span = span
        self.isNullLiteral = isNullLiteral
    }

    /// This expression converted to `type` (no-op when it already has it).
    func cast(to target: DataType) -> BoundExpression {
        if type == target { return self }
        if isNullLiteral { return BoundExpression(.literal(.null), target, span, isNullLiteral: true) }
        return BoundExpression(.cast(self), target, span)
    }

    /// True when no column is read, so the value is the same for every row (literals excluded:
    /// they are already as cheap as it gets).
    var isConstant: Bool {
        func readsNoColumn(_ e: BoundExpression) -> Bool {
            switch e.kind {
            case .literal: return true
            case .column: return false
            case .cast(let inner), .not(let inner), .negate(let inner), .isNull(let inner, _): return readsNoColumn(inner)
            case .arithmetic(_, let l, let r), .comparison(_, let l, let r), .and(let l, let r), .or(let l, let r),
                 .stringMatch(_, let l, let r):
                return readsNoColumn(l) && readsNoColumn(r)
            case .caseWhen(let branches, let otherwise):
                return branches.allSatisfy { readsNoColumn($0.0) && readsNoColumn($0.1) } && (otherwise.map(readsNoColumn) ?? true)
            case .function(_, let arguments): return arguments.allSatisfy(readsNoColumn)
            }
        }
        if case .literal = kind { return false }
        return readsNoColumn(self)
    }

    /// The literal value, when the expression is one.
    var literalValue: Value? {
        if case .literal(let value) = kind { return value }
        return nil
    }
}
