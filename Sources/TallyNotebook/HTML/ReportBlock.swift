// The pieces of an HTML report, in reading order: what a replayed notebook hands to `HTMLReport`.
import TallyQuery
import TallyStore

/// One block of a report. A notebook maps to blocks as: prose → `.prose`, a cell's code →
/// `.code`, its result → `.table` (with the `ChartSpec` of a final `| chart …` stage, if any),
/// a message such as `loaded 1000 rows into events` → `.text`, a failed cell → `.error`.
public enum ReportBlock: Sendable {
    /// Markdown prose (headings, paragraphs, emphasis, code spans, lists, links, tables).
    case prose(String)
    /// A cell's source, shown verbatim as code.
    case code(String)
    /// A result table. `chart` is the stage's explicit request; without one the report still
    /// draws a chart for recognised shapes (time series, retention, funnels).
    case table(Table, chart: ChartSpec?)
    /// Plain output text, shown verbatim.
    case text(String)
    /// An error message (for example a rendered diagnostic), shown verbatim and marked as an error.
    case error(String)
}
