// The parsed form of a `| chart kind option: value …` stage, with spans for diagnostics.

/// One `name: value` option of a chart stage.
public struct ChartOption: Sendable {
    public enum Value: Sendable {
        /// Column names, each with its span (`y: users, revenue`).
        case columns([(name: String, span: SourceSpan)])
        /// A string literal (`title: "Weekly buyers"`).
        case text(String)
    }

    public var name: String
    public var nameSpan: SourceSpan
    public var value: Value
}

/// `chart line x: day, y: users`, as written.
public struct ChartStageSyntax: Sendable {
    public var kind: ChartSpec.Kind
    public var kindSpan: SourceSpan
    public var options: [ChartOption]
}
