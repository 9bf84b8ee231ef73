// What every renderer needs to know besides the table.
import TallyStore

/// Settings shared by the renderers.
public struct RenderOptions: Sendable {
    /// Turns cells into text; its zone is the session's, so timestamps show local wall time.
    public var formatter: ValueFormatter
    /// ANSI styling (only on a terminal, never under `NO_COLOR`).
    public var color: Bool
    /// `table` mode shows at most this many rows (first and last halves); nil shows all.
    public var maxRows: Int?
    /// `table` mode cuts longer cells to this many terminal cells.
    public var maxCellWidth: Int
    /// `table` mode narrows its widest columns to fit this many cells (the terminal's width); nil: no limit.
    public var terminalWidth: Int?

    public init(formatter: ValueFormatter = ValueFormatter(), color: Bool = false, maxRows: Int? = nil,
                maxCellWidth: Int = 48, terminalWidth: Int? = nil) {
        self.formatter = formatter
        self.color = color
        self.maxRows = maxRows
        self.maxCellWidth = maxCellWidth
        self.terminalWidth = terminalWidth
    }
}

/// Renders a table in any `OutputMode`.
public enum ResultRenderer {
    /// The whole text for `table` in `mode`, ending in a newline.
    public static func render(_ table: Table, mode: OutputMode, options: RenderOptions) -> String {
        switch mode {
        case .table: return TableRenderer.render(table, options: options)
        case .csv: return CSVRenderer.render(table, formatter: options.formatter)
        case .json: return JSONRenderer.render(table, formatter: options.formatter)
        case .markdown: return MarkdownRenderer.render(table, formatter: options.formatter)
        }
    }
}
