// Expands a call of a `def` by substituting its arguments for its parameters.
import TallyStore

extension Binder {
    /// `name(args)` where `def name(params) = stages`: binds the stages with each parameter
    /// replaced by its argument expression.
    func expand(_ definition: Definition, arguments: [Argument], by: [NamedExpression], input: LogicalPlan,
                span: SourceSpan) throws(Diagnostic) -> LogicalPlan {
        guard by.isEmpty else {
            throw Diagnostic(kind: .semantic, message: "`\(definition.name)` is a definition and takes no `by`", span: span)
        }
        guard arguments.count == definition.parameters.count else {
            throw Diagnostic(kind: .semantic,
                             message: "`\(definition.name)` takes \(definition.parameters.count) argument\(definition.parameters.count == 1 ? "" : "s"), found \(arguments.count)",
                             span: span)
        }
        var substitutions: [String: ParsedExpression] = [:]
        for (index, argument) in arguments.enumerated() {
            let parameter = argument.name ?? definition.parameters[index]
            guard definition.parameters.contains(parameter) else {
                throw Diagnostic(kind: .semantic, message: "`\(definition.name)` has no parameter `\(parameter)`",
                                 span: argument.nameSpan ?? argument.value.span,
                                 hints: Suggestion.hints(for: parameter, among: definition.parameters))
            }
            substitutions[parameter] = argument.value
        }
        guard !expanding.contains(definition.name) else {
            throw Diagnostic(kind: .semantic, message: "definition `\(definition.name)` calls itself", span: span,
                             hints: ["expanding " + (expanding + [definition.name]).joined(separator: " → ")])
        }
        var inner = self
        inner.expanding.append(definition.name)
        var plan = input
        for stage in definition.stages {
            do {
                plan = try inner.bindStage(Substitution(values: substitutions).apply(stage), plan)
            } catch {
                // The definition's text belongs to an earlier statement: point at the call instead.
                var diagnostic = error
                if !diagnostic.hints.contains(where: { $0.hasPrefix("expanding ") || $0.hasPrefix("in definition ") }) {
                    diagnostic.hints.append("in definition `\(definition.name)`")
                }
                diagnostic.span = span
                throw diagnostic
            }
        }
        // A chart ending the definition belongs to the call: errors about it point there.
        if case .chart(let chartInput, let spec, _) = plan.operation { plan = LogicalPlan(.chart(chartInput, spec, span: span), schema: plan.schema) }
        return plan
    }
}

/// Replaces column references named like a parameter by the argument's expression.
struct Substitution {
    let values: [String: ParsedExpression]

    func apply(_ stage: Stage) -> Stage {
        func named(_ items: [NamedExpression]) -> [NamedExpression] {
            items.map { NamedExpression(name: $0.name, nameSpan: $0.nameSpan, expression: apply($0.expression)) }
        }
        func key(_ key: SortKey) -> SortKey { SortKey(expression: apply(key.expression), descending: key.descending) }
        let kind: StageKind
        switch stage.kind {
        case .filter(let e): kind = .filter(apply(e))
        case .select(let items): kind = .select(named(items))
        case .extend(let items): kind = .extend(named(items))
        case .summarize(let aggregates, let by): kind = .summarize(aggregates: named(aggregates), by: named(by))
        case .sort(let keys): kind = .sort(keys.map(key))
        case .take(let e): kind = .take(apply(e))
        case .top(let e, let k): kind = .top(apply(e), key(k))
        case .distinct(let items): kind = .distinct(named(items))
        case .count, .join, .union, .chart: kind = stage.kind
        case .call(let name, let nameSpan, let arguments, let by):
            kind = .call(name: name, nameSpan: nameSpan,
                         arguments: arguments.map { Argument(name: $0.name, nameSpan: $0.nameSpan, value: apply($0.value)) },
                         by: named(by))
        }
        return Stage(kind: kind, span: stage.span)
    }

    func apply(_ expression: ParsedExpression) -> ParsedExpression {
        let kind: ExpressionKind
        switch expression.kind {
        case .column(let name):
            if let value = values[name] { return value }
            return expression
        case .literal: return expression
        case .call(let name, let span, let arguments):
            kind = .call(name: name, nameSpan: span, arguments: arguments.map { Argument(name: $0.name, nameSpan: $0.nameSpan, value: apply($0.value)) })
        case .negate(let e): kind = .negate(apply(e))
        case .not(let e): kind = .not(apply(e))
        case .binary(let op, let l, let r): kind = .binary(op, apply(l), apply(r))
        case .negatedMatch(let op, let l, let r): kind = .negatedMatch(op, apply(l), apply(r))
        case .inList(let e, let items, let negated): kind = .inList(apply(e), items.map(apply), negated: negated)
        case .between(let e, let l, let h, let negated): kind = .between(apply(e), apply(l), apply(h), negated: negated)
        case .isNull(let e, let negated): kind = .isNull(apply(e), negated: negated)
        case .caseWhen(let branches, let otherwise):
            kind = .caseWhen(branches.map { (apply($0.0), apply($0.1)) }, otherwise: otherwise.map(apply))
        case .list(let items): kind = .list(items.map(apply))
        }
        return ParsedExpression(kind, expression.span)
    }
}
