// Building nps calls on small score columns.
import NPSPlugin
import TallyPluginAPI
import TallyStore

enum NPSTestSupport {
    static func intScores(_ scores: [Int64?]) -> Table {
        var builder = ColumnBuilder(type: .int)
        for score in scores {
            if let score { builder.append(int64: score) } else { builder.appendNull() }
        }
        return try! Table([("score", builder.finish())])
    }

    static func floatScores(_ scores: [Double?]) -> Table {
        var builder = ColumnBuilder(type: .float)
        for score in scores {
            if let score { builder.append(float: score) } else { builder.appendNull() }
        }
        return try! Table([("score", builder.finish())])
    }

    static func arguments(invalid: String = "error", interval: String = "wald") -> BoundArguments {
        BoundArguments(["score": .column("score"), "invalid": .choice(invalid), "interval": .choice(interval)])
    }

    static func run(_ input: Table, _ arguments: BoundArguments = arguments()) throws -> Table {
        try NPSPlugin().run(input, arguments: arguments, context: PluginContext())
    }

    /// The one output row by column name.
    static func row(_ table: Table) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: zip(table.names, table.row(0)))
    }
}
