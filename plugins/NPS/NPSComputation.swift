// The nps metric as a pure function: survey rows in, one row of counts, score and interval out.
import TallyPluginAPI
import TallyStore

/// Counts promoters, passives and detractors and derives the Net Promoter Score.
enum NPSComputation {
    /// The output columns, in order.
    static let fields: [Field] = [
        Field(name: "responses", type: .int),
        Field(name: "promoters", type: .int), Field(name: "passives", type: .int), Field(name: "detractors", type: .int),
        Field(name: "promoters_pct", type: .float), Field(name: "passives_pct", type: .float),
        Field(name: "detractors_pct", type: .float),
        Field(name: "nps", type: .float), Field(name: "margin_of_error", type: .float),
        Field(name: "ci_low", type: .float), Field(name: "ci_high", type: .float),
        Field(name: "skipped", type: .int),
    ]

    /// Runs the metric. An input without rows gives a table without rows.
    /// - Throws: `PluginError` (parameter `score`, with the row) for the first score that is not an
    ///   integer from 0 to 10, unless `invalid: skip`.
    static func run(_ input: Table, options: NPSOptions, context: PluginContext) throws(PluginError) -> Table {
        guard input.rowCount > 0 else { return Table.empty(fields) }
        let tally = try ScoreTally(input.columns[options.scoreColumn], skipsInvalid: options.skipsInvalid,
                                   context: context)
        let n = tally.responses
        func share(_ count: Int) -> Value { n == 0 ? .null : .float(100 * Double(count) / Double(n)) }
        var nps = Value.null, margin = Value.null, low = Value.null, high = Value.null
        if n > 0 {
            nps = .float(100 * Double(tally.promoters - tally.detractors) / Double(n))
            let interval = NPSInterval(promoters: tally.promoters, detractors: tally.detractors, responses: n,
                                       interval: options.interval)
            margin = .float(interval.marginOfError)
            low = .float(interval.low)
            high = .float(interval.high)
        }
        let row: [Value] = [
            .int(Int64(n)), .int(Int64(tally.promoters)), .int(Int64(tally.passives)), .int(Int64(tally.detractors)),
            share(tally.promoters), share(tally.passives), share(tally.detractors),
            nps, margin, low, high, .int(Int64(tally.skipped)),
        ]
        return try! Table(zip(fields, row).map { field, value in
            var builder = ColumnBuilder(type: field.type, capacity: 1)
            builder.append(value)
            return (field.name, builder.finish())
        })
    }
}

/// The responses of a score column, counted by class.
struct ScoreTally: Sendable {
    var promoters = 0
    var passives = 0
    var detractors = 0
    /// Non-null scores outside 0…10 or not whole, left out under `invalid: skip`.
    var skipped = 0

    var responses: Int { promoters + passives + detractors }

    /// Counts `column` (int or float); nulls are not responses and are not counted as skipped.
    /// - Complexity: O(rows), no allocation.
    init(_ column: Column, skipsInvalid: Bool, context: PluginContext) throws(PluginError) {
        var counts = [Int](repeating: 0, count: 11)
        let ints = column.int64Values
        let floats = column.floatValues
        for row in 0..<column.count {
            if row & 0xFFFF == 0 { try context.checkCancellation() }
            if column.isNull(row) { continue }
            let score: Int?
            if let ints {
                score = (0...10).contains(ints[row]) ? Int(ints[row]) : nil
            } else if let floats {
                // A float column is accepted when the value is whole: 9.0 is a 9, 8.5 is invalid.
                let value = floats[row]
                score = value >= 0 && value <= 10 && value.rounded(.towardZero) == value ? Int(value) : nil
            } else {
                score = nil
            }
            guard let score else {
                if skipsInvalid { skipped += 1; continue }
                throw PluginError("`score` must be an integer from 0 to 10; this row has "
                                  + ValueFormatter().format(column.value(at: row)),
                                  parameter: "score", row: row,
                                  hints: ["use `invalid: skip` to leave such rows out and count them"])
            }
            counts[score] += 1
        }
        detractors = counts[0...6].reduce(0, +)
        passives = counts[7] + counts[8]
        promoters = counts[9] + counts[10]
    }
}
