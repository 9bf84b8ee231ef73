// What a `| chart …` stage asks to be drawn: plain data that the REPL, HTML reports and notebooks read.

/// A chart request attached to a statement's result by the `chart` stage.
///
/// The spec names columns of the result table; it holds no rows, so any renderer (terminal,
/// SVG) can draw it from the table it came with. Column names are already checked against the
/// result's schema and the value columns are numeric (`int` or `float`).
public struct ChartSpec: Sendable, Equatable, Hashable {
    /// The chart kinds of `| chart line|bar|heatmap`.
    public enum Kind: String, Sendable, CaseIterable {
        /// One line per `y` column over `x` (dates, timestamps, numbers or labels, in row order).
        case line
        /// One bar per row, labelled by `x`, sized by each `y` column.
        case bar
        /// A grid: one row per distinct `x` value, one column per distinct `columns` value,
        /// each cell shaded by `y[0]` (for retention: cohort × period × rate).
        case heatmap

        /// The options the stage accepts for this kind, in the order they are documented.
        public var optionNames: [String] {
            switch self {
            case .line, .bar: return ["x", "y", "title"]
            case .heatmap: return ["rows", "columns", "value", "title"]
            }
        }
    }

    public var kind: Kind
    /// line: the horizontal axis; bar: the category labels; heatmap: the column labelling the grid's rows.
    public var x: String
    /// line, bar: the numeric series, one per column; heatmap: exactly one, the numeric value shading each cell.
    public var y: [String]
    /// heatmap: the column labelling the grid's columns (for retention, `period`); nil for line and bar.
    public var columns: String?
    /// A caption given with `title: "…"`; renderers fall back to a title made from the column names.
    public var title: String?

    public init(kind: Kind, x: String, y: [String], columns: String? = nil, title: String? = nil) {
        self.kind = kind
        self.x = x
        self.y = y
        self.columns = columns
        self.title = title
    }

    /// `line x: day, y: users, revenue`: the spec as the stage would be written (used by `explain`, tests).
    public var summary: String {
        var parts: [String]
        switch kind {
        case .line, .bar: parts = ["x: \(x)", "y: \(y.joined(separator: ", "))"]
        case .heatmap: parts = ["rows: \(x)", "columns: \(columns ?? "")", "value: \(y.first ?? "")"]
        }
        if let title { parts.append("title: \"\(title)\"") }
        return kind.rawValue + " " + parts.joined(separator: ", ")
    }

    /// A title for readers: the given one, or the value columns by the horizontal one.
    public var displayTitle: String {
        if let title { return title }
        switch kind {
        case .line, .bar: return y.joined(separator: ", ") + " by " + x
        case .heatmap: return (y.first ?? "value") + " by " + x + " and " + (columns ?? "")
        }
    }
}
