// The parsed form of statements, pipelines and stages.
import TallyStore

/// Where a pipeline's rows come from.
public indirect enum SourceKind: Sendable {
    /// A named table (or `let` binding).
    case table(String)
    /// `values (a: int, b: string) [(1, "x"), …]`: an inline table.
    case values(columns: [(name: String, type: DataType)], rows: [[ParsedExpression]])
    /// `(pipeline)`: a nested pipeline.
    case pipeline(Pipeline)
}

/// A pipeline's source with its span.
public struct PipelineSource: Sendable {
    public var kind: SourceKind
    public var span: SourceSpan
}

/// `expr [asc|desc]` in `sort by` and `top`.
public struct SortKey: Sendable {
    public var expression: ParsedExpression
    public var descending: Bool
}

/// `join kind=inner` (matching rows only) or `kind=left` (every left row; right side null when unmatched).
public enum JoinKind: String, Sendable { case inner, left }

/// A join key: `key` (same name both sides) or `left_key == right_key`.
public struct JoinKey: Sendable {
    public var left: String
    public var leftSpan: SourceSpan
    public var right: String
    public var rightSpan: SourceSpan
}

/// What a stage does, as written.
public indirect enum StageKind: Sendable {
    case filter(ParsedExpression)
    case select([NamedExpression])
    case extend([NamedExpression])
    case summarize(aggregates: [NamedExpression], by: [NamedExpression])
    case sort([SortKey])
    case take(ParsedExpression)
    case top(ParsedExpression, SortKey)
    case distinct([NamedExpression])
    case count
    case join(JoinKind, PipelineSource, [JoinKey])
    case union(PipelineSource)
    /// `chart line|bar|heatmap options`: passes rows through and asks for a chart of them.
    case chart(ChartStageSyntax)
    /// `name(args…) [by cols]`: a `def` or a plugin.
    case call(name: String, nameSpan: SourceSpan, arguments: [Argument], by: [NamedExpression])
}

/// One `| stage` of a pipeline.
public struct Stage: Sendable {
    public var kind: StageKind
    public var span: SourceSpan
}

/// `source | stage | …`.
public struct Pipeline: Sendable {
    public var source: PipelineSource
    public var stages: [Stage]
    public var span: SourceSpan
}

/// The statement forms of a program.
public enum StatementKind: Sendable {
    case pipeline(Pipeline)
    case letBinding(name: String, Pipeline)
    case definition(name: String, parameters: [String], stages: [Stage])
    case setting(name: String, nameSpan: SourceSpan, value: String, valueSpan: SourceSpan)
    case load(path: String, name: String, types: [(String, DataType)], skipErrors: Bool)
    /// `save table to "path"`: writes a table as a snapshot file.
    case save(table: String, tableSpan: SourceSpan, path: String)
    /// `explain pipeline`: shows the bound logical plan instead of running it.
    case explain(Pipeline)
}

/// One statement with the span of its text.
public struct Statement: Sendable {
    public var kind: StatementKind
    public var span: SourceSpan
}
