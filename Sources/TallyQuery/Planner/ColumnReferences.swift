// Which input columns an expression reads, and the same expression over a narrower input.
import TallyStore

extension BoundExpression {
    /// Adds the index of every input column this expression reads to `columns`.
    func collectColumns(into columns: inout Set<Int>) {
        switch kind {
        case .literal:
            break
        case .column(let index):
            columns.insert(index)
        case .cast(let inner), .not(let inner), .negate(let inner), .isNull(let inner, _):
            inner.collectColumns(into: &columns)
        case .arithmetic(_, let left, let right), .comparison(_, let left, let right), .and(let left, let right),
             .or(let left, let right), .stringMatch(_, let left, let right):
            left.collectColumns(into: &columns)
            right.collectColumns(into: &columns)
        case .caseWhen(let branches, let otherwise):
            for (condition, value) in branches {
                condition.collectColumns(into: &columns)
                value.collectColumns(into: &columns)
            }
            otherwise?.collectColumns(into: &columns)
        case .function(_, let arguments):
            for argument in arguments { argument.collectColumns(into: &columns) }
        }
    }

    /// The same expression reading column `newIndex[i]` wherever it read column `i`. Every column
    /// it reads must have a new index.
    func remappingColumns(_ newIndex: [Int: Int]) -> BoundExpression {
        func remap(_ e: BoundExpression) -> BoundExpression { e.remappingColumns(newIndex) }
        var result = self
        switch kind {
        case .literal:
            return self
        case .column(let index):
            guard let mapped = newIndex[index] else { preconditionFailure("column \(index) was pruned but is read") }
            result.kind = .column(mapped)
        case .cast(let inner): result.kind = .cast(remap(inner))
        case .not(let inner): result.kind = .not(remap(inner))
        case .negate(let inner): result.kind = .negate(remap(inner))
        case .isNull(let inner, let negated): result.kind = .isNull(remap(inner), negated: negated)
        case .arithmetic(let op, let left, let right): result.kind = .arithmetic(op, remap(left), remap(right))
        case .comparison(let op, let left, let right): result.kind = .comparison(op, remap(left), remap(right))
        case .and(let left, let right): result.kind = .and(remap(left), remap(right))
        case .or(let left, let right): result.kind = .or(remap(left), remap(right))
        case .stringMatch(let op, let left, let right): result.kind = .stringMatch(op, remap(left), remap(right))
        case .caseWhen(let branches, let otherwise):
            result.kind = .caseWhen(branches.map { (remap($0.0), remap($0.1)) }, otherwise: otherwise.map(remap))
        case .function(let function, let arguments):
            result.kind = .function(function, arguments.map(remap))
        }
        return result
    }
}

extension BoundArgumentExpression {
    /// Adds the columns the predicates of this argument read to `columns`.
    func collectColumns(into columns: inout Set<Int>) {
        switch self {
        case .value: break
        case .predicate(let expression, _): expression.collectColumns(into: &columns)
        case .list(let items): for item in items { item.collectColumns(into: &columns) }
        }
    }

    /// The argument with its predicates reading the remapped columns.
    func remappingColumns(_ newIndex: [Int: Int]) -> BoundArgumentExpression {
        switch self {
        case .value: return self
        case .predicate(let expression, let label): return .predicate(expression.remappingColumns(newIndex), label: label)
        case .list(let items): return .list(items.map { $0.remappingColumns(newIndex) })
        }
    }
}
