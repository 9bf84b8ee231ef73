// The `nps` stage: its descriptor and the thin Plugin conformance over NPSComputation.
import TallyPluginAPI
import TallyStore

/// The Net Promoter Score of 0–10 survey answers, with a 95% interval.
public struct NPSPlugin: Plugin {
    public init() {}

    public var descriptor: PluginDescriptor {
        PluginDescriptor(
            name: "nps",
            summary: "Net Promoter Score of 0–10 answers with its 95% margin of error",
            discussion: """
            Each input row is one response; null scores are not responses. Over the integer scores 0–10 \
            (an int column, or a float column holding whole numbers): promoters 9–10, passives 7–8, \
            detractors 0–6. nps = 100·(promoters − detractors)/responses (−100…100); the *_pct columns are \
            percentages of the responses. wald: margin_of_error = 1.96·√((p + d − (p − d)²)/n)·100 with p, d \
            the promoter and detractor shares, interval nps ± margin. adjusted_wald (Rocks 2016): the same \
            with n + 3 responses, ¾ promoter and ¾ detractor added, centred on the adjusted score. ci_low and \
            ci_high are clamped to −100…100. A score outside 0–10 or not whole is an error naming its row, \
            unless `invalid: skip`, which leaves it out and counts it in `skipped`. With no responses the \
            counts are 0 and the shares, score and interval null; an input without rows gives no row.
            """,
            parameters: [
                ParameterSpec("score", .column, .required, doc: "Numeric column of 0–10 answers."),
                ParameterSpec("invalid", .choice(NPSOptions.invalidChoices), .defaultValue(.choice("error"), text: "error"),
                              doc: "What a score outside 0–10 or not whole does: `error` stops, `skip` leaves it out."),
                ParameterSpec("interval", .choice(NPSOptions.Interval.allCases.map(\.rawValue)),
                              .defaultValue(.choice("wald"), text: "wald"),
                              doc: "How the 95% interval is computed: `wald` or `adjusted_wald` (Rocks 2016)."),
            ],
            examples: [
                "events | where event == \"nps_survey\" | nps(score: score)",
                "events | where event == \"nps_survey\" | nps(score: score, interval: adjusted_wald) by channel",
            ],
            outputColumns: [
                OutputColumn("responses", .int, doc: "Valid non-null scores."),
                OutputColumn("promoters", .int, doc: "Scores 9–10."),
                OutputColumn("passives", .int, doc: "Scores 7–8."),
                OutputColumn("detractors", .int, doc: "Scores 0–6."),
                OutputColumn("promoters_pct", .float, doc: "Promoters as a percentage of responses."),
                OutputColumn("passives_pct", .float, doc: "Passives as a percentage of responses."),
                OutputColumn("detractors_pct", .float, doc: "Detractors as a percentage of responses."),
                OutputColumn("nps", .float, doc: "promoters_pct − detractors_pct, −100…100."),
                OutputColumn("margin_of_error", .float, doc: "Half-width of the 95% interval, in NPS points."),
                OutputColumn("ci_low", .float, doc: "Lower end of the 95% interval, at least −100."),
                OutputColumn("ci_high", .float, doc: "Upper end of the 95% interval, at most 100."),
                OutputColumn("skipped", .int, doc: "Invalid scores left out (always 0 unless `invalid: skip`)."),
            ])
    }

    public func outputFields(arguments: BoundArguments, input: [Field]) throws(PluginError) -> [Field] {
        _ = try NPSOptions(arguments: arguments, fields: input)
        return NPSComputation.fields
    }

    /// Only the score column: after a `where`, the engine gathers nothing else for `nps`.
    public func inputColumns(arguments: BoundArguments, input: [Field]) -> [String]? {
        arguments.column("score").map { [$0] }
    }

    public func run(_ input: Table, arguments: BoundArguments, context: PluginContext) throws(PluginError) -> Table {
        let options = try NPSOptions(arguments: arguments, fields: input.fields)
        return try NPSComputation.run(input, options: options, context: context)
    }
}
