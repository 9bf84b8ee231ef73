// Which types combine under which operators, and the implicit casts that reconcile them.
import TallyStore

/// Typing rules. `/` on two ints gives a float (`7 / 2` is `3.5`); `%` on ints stays int.
/// Dates meet timestamps as midnight in the session zone; a null literal takes any type.
enum TypeRules {
    /// The type both sides of a comparison are cast to, or nil when they cannot be compared.
    static func comparable(_ left: BoundExpression, _ right: BoundExpression) -> DataType? {
        if left.isNullLiteral { return right.type }
        if right.isNullLiteral { return left.type }
        if left.type == right.type { return left.type }
        switch (left.type, right.type) {
        case (.int, .float), (.float, .int): return .float
        case (.date, .timestamp), (.timestamp, .date): return .timestamp
        default: return nil
        }
    }

    /// A type every value can be cast to (for `case`, `coalesce`, `least`, …).
    static func common(_ values: [BoundExpression], span: SourceSpan) throws(Diagnostic) -> DataType {
        var result: DataType?
        for value in values where !value.isNullLiteral {
            guard let current = result else { result = value.type; continue }
            if current == value.type { continue }
            switch (current, value.type) {
            case (.int, .float), (.float, .int): result = .float
            case (.date, .timestamp), (.timestamp, .date): result = .timestamp
            default:
                throw Diagnostic(kind: .semantic, message: "cannot mix \(current) and \(value.type) values", span: value.span)
            }
        }
        return result ?? values.first?.type ?? .int
    }

    static func arithmetic(_ op: BinaryOperator, _ left: BoundExpression, _ right: BoundExpression,
                           _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
        let kind: ArithmeticOperator = switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .divide: .divide
        default: .remainder
        }
        var l = left, r = right
        if l.isNullLiteral { l = l.cast(to: r.isNullLiteral ? .int : r.type) }
        if r.isNullLiteral { r = r.cast(to: l.type) }
        func make(_ lt: DataType, _ rt: DataType, _ result: DataType) -> BoundExpression {
            BoundExpression(.arithmetic(kind, l.cast(to: lt), r.cast(to: rt)), result, span)
        }
        switch (l.type, r.type, kind) {
        case (.int, .int, .divide): return make(.float, .float, .float)
        case (.int, .int, _): return make(.int, .int, .int)
        case (.int, .float, _), (.float, .int, _), (.float, .float, _): return make(.float, .float, .float)
        case (.timestamp, .timestamp, .subtract): return make(.timestamp, .timestamp, .duration)
        case (.timestamp, .duration, .add), (.timestamp, .duration, .subtract): return make(.timestamp, .duration, .timestamp)
        case (.duration, .timestamp, .add): return make(.duration, .timestamp, .timestamp)
        case (.date, .duration, .add), (.date, .duration, .subtract): return make(.timestamp, .duration, .timestamp)
        case (.date, .timestamp, .subtract): return make(.timestamp, .timestamp, .duration)
        case (.timestamp, .date, .subtract): return make(.timestamp, .timestamp, .duration)
        case (.date, .date, .subtract): return make(.timestamp, .timestamp, .duration)
        case (.date, .int, .add), (.date, .int, .subtract): return make(.date, .int, .date)
        case (.duration, .duration, .add), (.duration, .duration, .subtract), (.duration, .duration, .remainder):
            return make(.duration, .duration, .duration)
        case (.duration, .duration, .divide): return make(.duration, .duration, .float)
        case (.duration, .int, .multiply), (.duration, .int, .divide): return make(.duration, .int, .duration)
        case (.int, .duration, .multiply): return make(.int, .duration, .duration)
        case (.duration, .float, .multiply), (.duration, .float, .divide): return make(.duration, .float, .duration)
        case (.float, .duration, .multiply): return make(.float, .duration, .duration)
        default:
            throw Diagnostic(kind: .semantic,
                             message: "cannot apply `\(op.rawValue)` to \(l.type) and \(r.type)", span: span)
        }
    }
}
