// Seeded random tables for the engine fast-path tests: string columns at every code width, nulls.
import TallyStore
import TallyPluginAPI
@testable import TallyQuery

/// Builds tables whose string columns need 1, 2 and 4 bytes per code.
enum EngineTestTables {
    /// A deterministic generator (PCG-style LCG), so every failure reproduces.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Columns: `small` (6 values, u8), `mid` (300 values, u16), `big` (66,000 values, u32), `score`
    /// (int 0–10), `amount` (float), `channel` (3 values); each string column null in 1/20 of the
    /// rows when `withNulls` (but for the first 66,000 `big` values), `score` null in 1/7.
    static func table(rows: Int, seed: UInt64, withNulls: Bool) throws -> Table {
        var random = Generator(state: seed)
        var small = ColumnBuilder(type: .string), mid = ColumnBuilder(type: .string), big = ColumnBuilder(type: .string)
        var score = ColumnBuilder(type: .int), amount = ColumnBuilder(type: .float), channel = ColumnBuilder(type: .string)
        // Every `big` value appears once first so that the dictionary needs 4-byte codes.
        for row in 0..<rows {
            func string(_ builder: inout ColumnBuilder, _ prefix: String, _ values: Int, _ forced: Int? = nil) {
                if withNulls, forced == nil, random.next(20) == 0 { builder.appendNull(); return }
                builder.append(string: "\(prefix)\(forced ?? random.next(values))")
            }
            string(&small, "a", 6)
            string(&mid, "m", 300)
            string(&big, "b", 66_000, row < 66_000 ? row : nil)
            if random.next(7) == 0 { score.appendNull() } else { score.append(int64: Int64(random.next(11))) }
            amount.append(float: Double(random.next(1000)) / 8)
            channel.append(string: ["web", "ios", "android"][random.next(3)])
        }
        return try Table([("small", small.finish()), ("mid", mid.finish()), ("big", big.finish()),
                          ("score", score.finish()), ("amount", amount.finish()), ("channel", channel.finish())])
    }

    static func context() -> ExecutionContext {
        ExecutionContext(zone: .utc, weekStart: 0, cancellation: CancellationFlag())
    }

    /// The condition of `t | where <condition>` bound against `table`.
    static func condition(_ text: String, over table: Table) throws -> BoundExpression {
        let session = Session()
        session.register(table, as: "t")
        let plan = try session.plan(SourceText(origin: "<test>", text: "t | where \(text)"))
        guard case .filter(_, let condition) = plan.operation else { preconditionFailure("not a filter: \(text)") }
        return condition
    }

    /// Runs `text` in a session with the built-in plugins and `table` as `t`.
    static func query(_ text: String, over table: Table, registry: PluginRegistry = PluginRegistry()) throws -> Table {
        let session = Session(registry: registry)
        session.register(table, as: "t")
        return try session.execute(try session.plan(SourceText(origin: "<test>", text: text)))
    }

    /// Every cell of `table` as text, row by row, with the column names first.
    static func cells(_ table: Table) -> [[String]] {
        let formatter = ValueFormatter()
        return [table.names] + (0..<table.rowCount).map { row in table.row(row).map { formatter.format($0) } }
    }
}
