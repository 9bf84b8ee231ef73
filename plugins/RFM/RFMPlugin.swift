// The `rfm` stage: its descriptor and the thin Plugin conformance over RFMComputation.
import TallyPluginAPI
import TallyStore

/// Recency, frequency and monetary value per user, with quantile scores and segments.
public struct RFMPlugin: Plugin {
    public init() {}

    public var descriptor: PluginDescriptor {
        PluginDescriptor(
            name: "rfm",
            summary: "Recency, frequency and monetary value per user, scored 1…bins, with segments",
            discussion: """
            Per user over the input rows (filter purchases first): recency_days = the local calendar day of \
            `as_of` minus the local day of the user's last event (session time zone; default `as_of`: the day \
            after the last event of the input, so the most recent buyers have 1); frequency = rows; monetary = \
            compensated sum of `amount`, independent of row order (null amounts count as rows and add 0). Rows \
            with a null user or time are ignored; \
            an event after an explicit `as_of` is an error. Scores 1…bins, higher is better: the cut points are \
            ClickHouse's quantilesExact(k/bins) of the users' values (recency negated), i.e. sorted[⌊ℓ_k·n⌋], \
            and a score is 1 + the number of cut points the value strictly exceeds, so equal values score \
            equally. `segment` is the first matching named rule on the scores (mapped to 1–5 as ⌈5·s/bins⌉, \
            fm = (f+m)/2); `value_segment` compares R, F, M with the users' means (strictly better: fewer \
            days, more rows, more spent). `summary: true` gives one row per named segment instead.
            """,
            parameters: [
                ParameterSpec("amount", .column, .required, doc: "Numeric column summed into monetary value."),
                ParameterSpec("as_of", .timestamp,
                              .optional(meaning: "the local day after the last event of the input"),
                              doc: "Snapshot time; recency counts calendar days in the session zone up to its day."),
                ParameterSpec("bins", .integer(RFMOptions.binsRange),
                              .defaultValue(.integer(RFMOptions.defaultBins), text: "5"),
                              doc: "Number of score classes (2…100)."),
                ParameterSpec("summary", .boolean, .defaultValue(.boolean(false), text: "false"),
                              doc: "One row per named segment (users, share, monetary, avg_monetary) instead of per user."),
                .user,
                .time,
            ],
            examples: [
                "events | where event == \"purchase\" | rfm(amount: amount)",
                "events | where event == \"purchase\" | rfm(amount: amount, summary: true)",
                "events | where event == \"purchase\" | rfm(amount: amount, as_of: 2024-04-01, bins: 3)",
            ],
            outputColumns: [
                OutputColumn("user_id", .string, doc: "The user (the user column, its name and type kept)."),
                OutputColumn("recency_days", .int, doc: "Local calendar days from the last event to as_of."),
                OutputColumn("frequency", .int, doc: "Input rows of the user."),
                OutputColumn("monetary", .float, doc: "Sum of amount."),
                OutputColumn("r_score", .int, doc: "Recency score 1…bins (more recent is higher)."),
                OutputColumn("f_score", .int, doc: "Frequency score 1…bins."),
                OutputColumn("m_score", .int, doc: "Monetary score 1…bins."),
                OutputColumn("rfm", .string, doc: "The three scores as text: \"545\" (\"10-3-7\" when bins ≥ 10)."),
                OutputColumn("segment", .string, doc: "Named segment: champions, loyal, …, lost."),
                OutputColumn("value_segment", .string, doc: "One of the eight value groups: important value, …"),
                OutputColumn("value_segment_zh", .string, doc: "The same group in Chinese: 重要价值客户, …"),
            ])
    }

    public func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        let options = try RFMOptions(arguments: arguments, fields: input)
        let user = input[options.userColumn]
        return RFMComputation.fields(userName: user.name, userType: user.type, isSummary: options.isSummary)
    }

    /// The user, time and amount columns: after a `where`, the engine then gathers only these.
    /// Nil (every column) when the arguments do not resolve, so that `run` reports the error.
    public func inputColumns(arguments: BoundArguments, input: [Field]) -> [String]? {
        guard let options = try? RFMOptions(arguments: arguments, fields: input) else { return nil }
        return [options.userColumn, options.timeColumn, options.amountColumn].map { input[$0].name }
    }

    public func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        let options = try RFMOptions(arguments: arguments, fields: input.fields)
        return try RFMComputation.run(input, options: options, context: context)
    }
}
