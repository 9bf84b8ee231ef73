// The bound logical plan: typed operations over tables, separate from how they are executed.
import TallyStore
import TallyPluginAPI

/// A sort key after binding.
public struct BoundSortKey: Sendable {
    public var expression: BoundExpression
    public var descending: Bool
}

/// One operation of a plan. Inputs are nested plans, so a plan is a tree a second executor (for
/// example one that emits ClickHouse SQL) can walk.
public indirect enum PlanOperation: Sendable {
    /// A catalog table, captured when the statement was bound.
    case scan(name: String, Table)
    /// Rows given inline (`values`): constant expressions already cast to the column types.
    case values([[BoundExpression]])
    case filter(LogicalPlan, BoundExpression)
    /// Output columns, each computed over the input (`select` and `extend` both become this).
    case project(LogicalPlan, [(String, BoundExpression)])
    /// Groups by `keys`, computes `aggregates` per group, then `output` over the grouped table
    /// whose columns are the keys followed by the aggregate results.
    case aggregate(LogicalPlan, keys: [(String, BoundExpression)], aggregates: [BoundAggregate],
                   output: [(String, BoundExpression)])
    case sort(LogicalPlan, [BoundSortKey])
    case limit(LogicalPlan, Int)
    /// Distinct rows over all columns.
    case distinct(LogicalPlan)
    case count(LogicalPlan)
    /// `output` maps each result column to (side, column index): side 0 = left, 1 = right.
    case join(JoinKind, LogicalPlan, LogicalPlan, leftKeys: [Int], rightKeys: [Int], output: [(side: Int, index: Int)])
    case union(LogicalPlan, LogicalPlan)
    /// A native plugin run over the input, once per group of `call.keys` when there are keys.
    case plugin(LogicalPlan, BoundPluginCall)
    /// The input's rows unchanged, with a request to draw them (`| chart …`); always the last stage.
    case chart(LogicalPlan, ChartSpec, span: SourceSpan)
}

/// A plan node with its output schema.
public struct LogicalPlan: Sendable {
    public var operation: PlanOperation
    public var schema: [Field]

    public init(_ operation: PlanOperation, schema: [Field]) {
        self.operation = operation
        self.schema = schema
    }

    /// The chart the pipeline ends with, if it ends with `| chart …`.
    public var chart: ChartSpec? {
        if case .chart(_, let spec, _) = operation { return spec }
        return nil
    }

    /// An indented outline of the plan, for `.explain`-style debugging and tests.
    public var outline: String {
        var lines: [String] = []
        describe(into: &lines, depth: 0)
        return lines.joined(separator: "\n")
    }

    private func describe(into lines: inout [String], depth: Int) {
        let indent = String(repeating: "  ", count: depth)
        let columns = schema.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
        func line(_ text: String) { lines.append("\(indent)\(text) -> (\(columns))") }
        switch operation {
        case .scan(let name, _): line("scan \(name)")
        case .values(let rows): line("values \(rows.count) rows")
        case .filter(let input, _): line("filter"); input.describe(into: &lines, depth: depth + 1)
        case .project(let input, _): line("project"); input.describe(into: &lines, depth: depth + 1)
        case .aggregate(let input, let keys, let aggregates, _):
            line("aggregate \(aggregates.map(\.function.rawValue).joined(separator: ", ")) by \(keys.map(\.0).joined(separator: ", "))")
            input.describe(into: &lines, depth: depth + 1)
        case .sort(let input, _): line("sort"); input.describe(into: &lines, depth: depth + 1)
        case .limit(let input, let n): line("limit \(n)"); input.describe(into: &lines, depth: depth + 1)
        case .distinct(let input): line("distinct"); input.describe(into: &lines, depth: depth + 1)
        case .count(let input): line("count"); input.describe(into: &lines, depth: depth + 1)
        case .join(let kind, let left, let right, _, _, _):
            line("join \(kind.rawValue)")
            left.describe(into: &lines, depth: depth + 1)
            right.describe(into: &lines, depth: depth + 1)
        case .union(let left, let right):
            line("union")
            left.describe(into: &lines, depth: depth + 1)
            right.describe(into: &lines, depth: depth + 1)
        case .plugin(let input, let call):
            let by = call.keys.isEmpty ? "" : " by " + call.keys.map(\.0).joined(separator: ", ")
            line("plugin \(call.name)(\(call.arguments.keys.sorted().joined(separator: ", ")))\(by)")
            input.describe(into: &lines, depth: depth + 1)
        case .chart(let input, let spec, _):
            line("chart \(spec.summary)")
            input.describe(into: &lines, depth: depth + 1)
        }
    }
}
