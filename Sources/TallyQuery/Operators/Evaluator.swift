// Evaluates a bound expression over a whole table, column at a time.
import TallyStore

/// Computes expressions vectorised: every node turns its children's columns into one column.
struct Evaluator {
    let context: ExecutionContext

    /// The value of `expression` for every row of `table`.
    /// - Complexity: O(rows × nodes); each node is one tight loop over contiguous buffers.
    func evaluate(_ expression: BoundExpression, over table: Table) throws(Diagnostic) -> Column {
        try evaluate(expression, columns: table.columns, count: table.rowCount)
    }

    func evaluate(_ expression: BoundExpression, columns: [Column], count: Int) throws(Diagnostic) -> Column {
        if count >= ExecutionContext.chunkSize { try context.checkCancellation() }
        if count > 1, expression.isConstant {
            // Computed once (a date literal cast to a timestamp in the session zone, `2 * 1h`…).
            let single = try evaluate(expression, columns: columns, count: 1)
            return Column.constant(single.value(at: 0), type: expression.type, count: count)
        }
        func child(_ e: BoundExpression) throws(Diagnostic) -> Column { try evaluate(e, columns: columns, count: count) }
        switch expression.kind {
        case .literal(let value):
            return Column.constant(value, type: expression.type, count: count)
        case .column(let index):
            return columns[index]
        case .cast(let inner):
            return try CastKernels.cast(try child(inner), to: expression.type, context: context, span: inner.span)
        case .arithmetic(let op, let left, let right):
            return ArithmeticKernels.apply(op, try child(left), try child(right), resultType: expression.type)
        case .comparison(let op, let left, let right):
            // Against a constant (`ts > 2024-03-02`), compare with one value instead of a column of copies.
            if count > 1, right.isConstant || right.literalValue != nil {
                return ComparisonKernels.compare(op, try child(left), scalar: try evaluate(right, columns: columns, count: 1))
            }
            if count > 1, left.isConstant || left.literalValue != nil {
                return ComparisonKernels.compare(op.flipped, try child(right), scalar: try evaluate(left, columns: columns, count: 1))
            }
            return ComparisonKernels.compare(op, try child(left), try child(right))
        case .and(let left, let right):
            return LogicalKernels.and(try child(left), try child(right))
        case .or(let left, let right):
            return LogicalKernels.or(try child(left), try child(right))
        case .not(let inner):
            return LogicalKernels.not(try child(inner))
        case .negate(let inner):
            return ArithmeticKernels.negate(try child(inner))
        case .isNull(let inner, let negated):
            let column = try child(inner)
            return .bool((0..<count).map { column.isNull($0) != negated })
        case .stringMatch(let op, let left, let right):
            return StringMatchKernels.match(op, try child(left), try child(right))
        case .caseWhen(let branches, let otherwise):
            var choice = [Int](repeating: otherwise == nil ? -1 : branches.count, count: count)
            var decided = [Bool](repeating: false, count: count)
            var values: [Column] = []
            for (index, branch) in branches.enumerated() {
                let condition = try child(branch.0)
                let flags = condition.boolValues!
                for row in 0..<count where !decided[row] && flags[row] && !condition.isNull(row) {
                    choice[row] = index
                    decided[row] = true
                }
                values.append(try child(branch.1))
            }
            if let otherwise { values.append(try child(otherwise)) }
            return Column.choose(choice, from: values, type: expression.type)
        case .function(let function, let arguments):
            var evaluated: [Column] = []
            for argument in arguments { evaluated.append(try child(argument)) }
            return try FunctionKernels.apply(function, evaluated, count: count, type: expression.type, context: context)
        }
    }
}
