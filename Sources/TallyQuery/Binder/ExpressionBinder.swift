// Resolves names and checks types in one expression against an input schema.
import TallyStore

/// An aggregate call found inside a `summarize` item, to be computed per group.
public struct BoundAggregate: Sendable {
    public var function: AggregateFunction
    /// Nil for `count()`.
    public var argument: BoundExpression?
    /// `percentile`'s p (0…100).
    public var parameter: Double
    public var type: DataType
}

/// Binds expressions over `schema`. In a `summarize`, aggregate calls are collected into
/// `aggregates` and replaced by references to column `aggregateBase + k` of the grouped table.
struct ExpressionBinder {
    let schema: [Field]
    var aggregates: [BoundAggregate] = []
    /// Set while binding a `summarize` item: the column index where aggregate results start.
    var aggregateBase: Int?
    /// Schema of the grouped table (keys), for names used outside aggregates in `summarize`.
    var groupedSchema: [Field] = []
    private var insideAggregate = false

    init(schema: [Field]) { self.schema = schema }

    static let functionNames = ScalarFunction.allCases.map(\.rawValue) + AggregateFunction.allCases.map(\.rawValue) + ["if"]

    mutating func bind(_ expression: ParsedExpression) throws(Diagnostic) -> BoundExpression {
        let span = expression.span
        switch expression.kind {
        case .literal(let value):
            return BoundExpression(.literal(value), value.type ?? .int, span, isNullLiteral: value.isNull)
        case .column(let name):
            return try bindColumn(name, span)
        case .negate(let operand):
            let bound = try bind(operand)
            guard bound.type.isNumeric || bound.type == .duration else {
                throw Diagnostic(kind: .semantic, message: "cannot negate a \(bound.type) value", span: span)
            }
            return BoundExpression(.negate(bound), bound.type, span)
        case .not(let operand):
            let bound = try requireBool(try bind(operand), "`not`")
            return BoundExpression(.not(bound), .bool, span)
        case .binary(let op, let left, let right):
            return try bindBinary(op, try bind(left), try bind(right), span)
        case .negatedMatch(let op, let left, let right):
            let inner = try bindBinary(op, try bind(left), try bind(right), span)
            return BoundExpression(.not(inner), .bool, span)
        case .inList(let value, let items, let negated):
            let bound = try bind(value)
            var combined: BoundExpression?
            for item in items {
                let test = try bindComparison(.equal, bound, try bind(item), item.span)
                combined = combined.map { BoundExpression(.or($0, test), .bool, span) } ?? test
            }
            let result = combined ?? BoundExpression(.literal(.bool(false)), .bool, span)
            return negated ? BoundExpression(.not(result), .bool, span) : result
        case .between(let value, let low, let high, let negated):
            let bound = try bind(value)
            let lower = try bindComparison(.greaterOrEqual, bound, try bind(low), span)
            let upper = try bindComparison(.lessOrEqual, bound, try bind(high), span)
            let both = BoundExpression(.and(lower, upper), .bool, span)
            return negated ? BoundExpression(.not(both), .bool, span) : both
        case .isNull(let operand, let negated):
            return BoundExpression(.isNull(try bind(operand), negated: negated), .bool, span)
        case .caseWhen(let branches, let otherwise):
            var bound: [(BoundExpression, BoundExpression)] = []
            for (condition, value) in branches {
                bound.append((try requireBool(try bind(condition), "a `when` condition"), try bind(value)))
            }
            return try makeCase(bound, otherwise: try otherwise.map { e throws(Diagnostic) in try bind(e) }, span)
        case .list:
            throw Diagnostic(kind: .semantic, message: "a list is only allowed as a stage argument", span: span)
        case .call(let name, let nameSpan, let arguments):
            return try bindCall(name.lowercased(), nameSpan, arguments, span)
        }
    }

    private func bindColumn(_ name: String, _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
        // Inside summarize, outside an aggregate, names refer to the group keys.
        let fields = (aggregateBase != nil && !insideAggregate) ? groupedSchema : schema
        if let index = fields.firstIndex(where: { $0.name == name }) {
            return BoundExpression(.column(index), fields[index].type, span)
        }
        if aggregateBase != nil, !insideAggregate, schema.contains(where: { $0.name == name }) {
            throw Diagnostic(kind: .semantic, message: "column `\(name)` must be inside an aggregate or listed after `by`",
                             span: span, hints: ["for example `max(\(name))`, or add `by \(name)`"])
        }
        throw Diagnostic(kind: .semantic, message: "unknown column `\(name)`", span: span,
                         hints: Suggestion.hints(for: name, among: fields.map(\.name)))
    }

    func requireBool(_ expression: BoundExpression, _ what: String) throws(Diagnostic) -> BoundExpression {
        if expression.isNullLiteral { return expression.cast(to: .bool) }
        guard expression.type == .bool else {
            throw Diagnostic(kind: .semantic, message: "\(what) needs a bool, found \(expression.type)", span: expression.span)
        }
        return expression
    }

    func makeCase(_ branches: [(BoundExpression, BoundExpression)], otherwise: BoundExpression?,
                  _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
        let values = branches.map(\.1) + (otherwise.map { [$0] } ?? [])
        let type = try TypeRules.common(values, span: span)
        let cast = branches.map { ($0.0, $0.1.cast(to: type)) }
        return BoundExpression(.caseWhen(cast, otherwise: otherwise?.cast(to: type)), type, span)
    }

    private func bindBinary(_ op: BinaryOperator, _ left: BoundExpression, _ right: BoundExpression,
                            _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
        switch op {
        case .and, .or:
            let l = try requireBool(left, "`\(op.rawValue)`"), r = try requireBool(right, "`\(op.rawValue)`")
            return BoundExpression(op == .and ? .and(l, r) : .or(l, r), .bool, span)
        case .equal: return try bindComparison(.equal, left, right, span)
        case .notEqual: return try bindComparison(.notEqual, left, right, span)
        case .less: return try bindComparison(.less, left, right, span)
        case .lessOrEqual: return try bindComparison(.lessOrEqual, left, right, span)
        case .greater: return try bindComparison(.greater, left, right, span)
        case .greaterOrEqual: return try bindComparison(.greaterOrEqual, left, right, span)
        case .contains, .startswith, .endswith, .like:
            for side in [left, right] where side.type != .string && !side.isNullLiteral {
                throw Diagnostic(kind: .semantic, message: "`\(op.rawValue)` needs strings, found \(side.type)", span: side.span)
            }
            let match: StringMatchOperator = op == .contains ? .contains : op == .startswith ? .startswith
                : op == .endswith ? .endswith : .like
            return BoundExpression(.stringMatch(match, left.cast(to: .string), right.cast(to: .string)), .bool, span)
        case .add, .subtract, .multiply, .divide, .remainder:
            return try TypeRules.arithmetic(op, left, right, span)
        }
    }

    func bindComparison(_ op: ComparisonOperator, _ left: BoundExpression, _ right: BoundExpression,
                        _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
        guard let type = TypeRules.comparable(left, right) else {
            throw Diagnostic(kind: .semantic, message: "cannot compare \(left.type) with \(right.type)", span: span)
        }
        return BoundExpression(.comparison(op, left.cast(to: type), right.cast(to: type)), .bool, span)
    }

    private mutating func bindCall(_ name: String, _ nameSpan: SourceSpan, _ arguments: [Argument],
                                   _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
        if let named = arguments.first(where: { $0.name != nil }), let argumentSpan = named.nameSpan {
            throw Diagnostic(kind: .semantic, message: "function `\(name)` takes no named arguments", span: argumentSpan)
        }
        if let aggregate = AggregateFunction(rawValue: name) {
            return try bindAggregate(aggregate, arguments.map(\.value), nameSpan, span)
        }
        var bound: [BoundExpression] = []
        for argument in arguments { bound.append(try bind(argument.value)) }
        if name == "if" {
            guard bound.count == 3 else {
                throw Diagnostic(kind: .semantic, message: "`if` takes 3 arguments (condition, then, else), found \(bound.count)", span: span)
            }
            return try makeCase([(try requireBool(bound[0], "the condition of `if`"), bound[1])], otherwise: bound[2], span)
        }
        guard let function = ScalarFunction(rawValue: name) else {
            throw Diagnostic(kind: .semantic, message: "unknown function `\(name)`", span: nameSpan,
                             hints: Suggestion.hints(for: name, among: Self.functionNames))
        }
        return try ScalarFunctionBinder.bind(function, bound, nameSpan: nameSpan, span: span)
    }

    private mutating func bindAggregate(_ function: AggregateFunction, _ arguments: [ParsedExpression], _ nameSpan: SourceSpan,
                                        _ span: SourceSpan) throws(Diagnostic) -> BoundExpression {
        guard let base = aggregateBase else {
            throw Diagnostic(kind: .semantic, message: "aggregate `\(function.rawValue)` is only allowed in `summarize`", span: nameSpan)
        }
        guard !insideAggregate else {
            throw Diagnostic(kind: .semantic, message: "aggregates cannot be nested", span: nameSpan)
        }
        insideAggregate = true
        defer { insideAggregate = false }
        var bound: [BoundExpression] = []
        for argument in arguments { bound.append(try bind(argument)) }
        let aggregate = try AggregateBinder.bind(function, bound, nameSpan: nameSpan, span: span)
        aggregates.append(aggregate)
        return BoundExpression(.column(base + aggregates.count - 1), aggregate.type, span)
    }
}
