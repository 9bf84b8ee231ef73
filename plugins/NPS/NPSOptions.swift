// The bound arguments of one `nps` call, checked against the input schema once.
import TallyPluginAPI
import TallyStore

/// What an `nps` call asks for.
struct NPSOptions: Sendable {
    /// How an interval around the score is computed.
    enum Interval: String, Sendable, CaseIterable {
        /// p − d ± 1.96·√((p + d − (p − d)²)/n).
        case wald
        /// The same on n + 3 responses with ¾ promoter and ¾ detractor added (Rocks 2016).
        case adjustedWald = "adjusted_wald"
    }

    /// The score column's index in the input.
    var scoreColumn: Int
    /// Skip scores outside 0…10 (and non-integers) instead of failing.
    var skipsInvalid: Bool
    var interval: Interval

    static let invalidChoices = ["error", "skip"]

    /// Reads `arguments` against `fields`.
    /// - Throws: a `PluginError` naming `score` when the column is missing or not numeric.
    init(arguments: BoundArguments, fields: [Field]) throws(PluginError) {
        guard let name = arguments.column("score"), let index = fields.firstIndex(where: { $0.name == name }) else {
            throw PluginError("`score` must name a numeric column", parameter: "score")
        }
        guard fields[index].type.isNumeric else {
            throw PluginError("the score column `\(name)` is \(fields[index].type), expected int or float",
                              parameter: "score")
        }
        scoreColumn = index
        skipsInvalid = arguments.choice("invalid") == "skip"
        interval = Interval(rawValue: arguments.choice("interval") ?? "wald") ?? .wald
    }
}
