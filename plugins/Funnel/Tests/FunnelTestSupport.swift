// Builders for funnel tests: tiny event tables, bound arguments, and running the plugin.
import FunnelPlugin
import TallyPluginAPI
import TallyStore
import XCTest

/// One event row of a hand-written case: user, time in seconds, event name (nil = null predicate).
struct FunnelRow {
    var user: String?
    var second: Int64?
    var event: String?
    init(_ user: String?, _ second: Int64?, _ event: String?) {
        self.user = user
        self.second = second
        self.event = event
    }
}

enum FunnelFixture {
    static let second: Int64 = 1_000_000

    /// A table `user_id, ts, event` from rows.
    static func table(_ rows: [FunnelRow]) -> Table {
        var times = ColumnBuilder(type: .timestamp, capacity: rows.count)
        for row in rows {
            if let value = row.second { times.append(int64: value * second) } else { times.appendNull() }
        }
        return try! Table([("user_id", Column.string(rows.map(\.user))), ("ts", times.finish()),
                           ("event", Column.string(rows.map(\.event)))])
    }

    /// A step predicate: true where the event is one of `events`, null where the event is null.
    static func step(_ events: Set<String>, over rows: [FunnelRow]) -> Column {
        var builder = ColumnBuilder(type: .bool, capacity: rows.count)
        for row in rows {
            if let event = row.event { builder.append(bool: events.contains(event)) } else { builder.appendNull() }
        }
        return builder.finish()
    }

    /// Bound arguments for steps given as event-name sets (a label joins them with `|`).
    static func arguments(_ steps: [Set<String>], over rows: [FunnelRow], within seconds: Int64? = nil,
                          mode: Set<String> = [], perUser: Bool = false) -> BoundArguments {
        var values: [String: ArgumentValue] = [
            "steps": .list(steps.map { .predicate(step($0, over: rows), label: $0.sorted().joined(separator: "|")) }),
            "mode": .flags(mode), "per_user": .boolean(perUser),
        ]
        if let seconds { values["within"] = .duration(seconds * second) }
        return BoundArguments(values)
    }

    static func run(_ rows: [FunnelRow], _ steps: [Set<String>], within: Int64? = nil, mode: Set<String> = [],
                    perUser: Bool = false) throws -> Table {
        try FunnelPlugin().run(table(rows), arguments: arguments(steps, over: rows, within: within, mode: mode, perUser: perUser),
                               context: PluginContext())
    }

    /// Levels by user from a per-user run.
    static func levels(_ rows: [FunnelRow], _ steps: [Set<String>], within: Int64? = nil,
                       mode: Set<String> = []) throws -> [String: Int64] {
        let table = try run(rows, steps, within: within, mode: mode, perUser: true)
        var result: [String: Int64] = [:]
        for index in 0..<table.rowCount {
            guard case .string(let user) = table.columns[0].value(at: index),
                  case .int(let level) = table.columns[1].value(at: index) else { XCTFail("bad row"); continue }
            result[user] = level
        }
        return result
    }
}
