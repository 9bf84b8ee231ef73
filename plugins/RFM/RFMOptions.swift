// The bound arguments of one `rfm` call, checked and resolved against the input schema once.
import TallyPluginAPI
import TallyStore

/// What an `rfm` call asks for, with its columns located in the input.
struct RFMOptions: Sendable {
    /// Input column indices.
    var userColumn: Int
    var timeColumn: Int
    var amountColumn: Int
    /// The snapshot instant (µs UTC); nil = the local day after the last event of the input.
    var asOf: Int64?
    /// Number of score classes, 2…100.
    var bins: Int
    /// One row per named segment instead of one per user.
    var isSummary: Bool

    static let binsRange: ClosedRange<Int64> = 2...100
    static let defaultBins: Int64 = 5

    /// Reads `arguments` against `fields`.
    /// - Throws: a `PluginError` naming the parameter when a column is missing or mistyped.
    init(arguments: BoundArguments, fields: [Field]) throws(PluginError) {
        userColumn = try ColumnRole.user.resolve(in: fields, explicit: arguments.column("user"))
        timeColumn = try ColumnRole.time.resolve(in: fields, explicit: arguments.column("time"))
        guard let amountName = arguments.column("amount"),
              let amountIndex = fields.firstIndex(where: { $0.name == amountName })
        else { throw PluginError("`amount` must name a numeric column", parameter: "amount") }
        guard fields[amountIndex].type.isNumeric else {
            throw PluginError("the amount column `\(amountName)` is \(fields[amountIndex].type), expected int or float",
                              parameter: "amount")
        }
        amountColumn = amountIndex
        asOf = arguments.timestamp("as_of")
        let requestedBins = arguments.integer("bins") ?? Self.defaultBins
        guard Self.binsRange.contains(requestedBins) else {
            throw PluginError("`bins` must be an integer from \(Self.binsRange.lowerBound) to \(Self.binsRange.upperBound)",
                              parameter: "bins")
        }
        bins = Int(requestedBins)
        isSummary = arguments.boolean("summary") ?? false
    }
}
