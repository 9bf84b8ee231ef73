// Helpers for the retention tests: tiny event tables, predicate columns, and rows as compact text.
@testable import RetentionPlugin
import TallyPluginAPI
import TallyStore
import XCTest

/// A UTC instant from a civil date and time.
func utc(_ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64 = 12, _ minute: Int64 = 0) -> Int64 {
    CivilTime.days(year: year, month: month, day: day) * CivilTime.microsPerDay
        + hour * CivilTime.microsPerHour + minute * CivilTime.microsPerMinute
}

/// An event row: user (nil = null), time (nil = null), event name.
struct EventRow {
    var user: String?
    var time: Int64?
    var event: String?

    init(_ user: String?, _ time: Int64?, _ event: String?) {
        self.user = user
        self.time = time
        self.event = event
    }
}

/// A table `user_id`, `ts`, `event` of these rows.
func eventTable(_ rows: [EventRow]) -> Table {
    var times = ColumnBuilder(type: .timestamp)
    for row in rows {
        if let time = row.time { times.append(int64: time) } else { times.appendNull() }
    }
    return try! Table([
        ("user_id", Column.string(rows.map(\.user))),
        ("ts", times.finish()),
        ("event", Column.string(rows.map(\.event))),
    ])
}

/// The predicate `event == name` over `table`: null where the event is null.
func eventIs(_ name: String, in table: Table) -> Column {
    let events = table.column(named: "event")!
    let codes = events.codes!, dictionary = events.dictionary!
    // Compare codes, not strings: the cross-check builds this for 30k rows many times.
    let matches = (0..<dictionary.count).map { dictionary.string(at: $0) == name }
    var builder = ColumnBuilder(type: .bool, capacity: table.rowCount)
    for row in 0..<table.rowCount {
        if events.isNull(row) { builder.appendNull() } else { builder.append(bool: matches[Int(codes[row])]) }
    }
    return builder.finish()
}

/// Runs the `retention` plugin with hand-built arguments, and checks that both counting layouts
/// (period bitsets and per-user groups) give exactly the plugin's table.
func runRetention(_ table: Table, start: String? = nil, return returnEvent: String? = nil,
                  startColumn: Column? = nil, period: CalendarPeriod = .week, horizon: Int64 = 8,
                  mode: String = "exact", cohort: String = "first", zone: ZoneCalendar = .utc, weekStart: Int = 0,
                  wholeInput: Table? = nil, extra: [String: ArgumentValue] = [:]) throws -> Table {
    var values: [String: ArgumentValue] = [
        "period": .period(period), "horizon": .integer(horizon), "mode": .choice(mode), "cohort": .choice(cohort),
    ]
    if let start { values["start"] = .predicate(eventIs(start, in: table), label: "\"\(start)\"") }
    if let startColumn { values["start"] = .predicate(startColumn, label: "custom") }
    if let returnEvent { values["return"] = .predicate(eventIs(returnEvent, in: table), label: "\"\(returnEvent)\"") }
    values.merge(extra) { _, new in new }
    let context = PluginContext(zone: zone, weekStart: weekStart, wholeInput: wholeInput)
    let arguments = BoundArguments(values)
    let result = try RetentionPlugin().run(table, arguments: arguments, context: context)
    let userColumn = try ColumnRole.user.resolve(in: table.fields, explicit: arguments.column("user"))
    let timeColumn = try ColumnRole.time.resolve(in: table.fields, explicit: arguments.column("time"))
    for layout in [Retention.Layout.bitsets, .groups] {
        let other = try Retention.compute(table, userColumn: userColumn, timeColumn: timeColumn,
                                          start: arguments.predicate("start")?.column,
                                          returns: arguments.predicate("return")?.column,
                                          options: RetentionOptions(arguments: arguments), context: context, layout: layout)
        XCTAssertEqual(other.rowCount, result.rowCount, "\(layout) layout")
        for row in 0..<min(other.rowCount, result.rowCount) where other.row(row) != result.row(row) {
            XCTFail("\(layout) layout, row \(row): \(other.row(row)) ≠ \(result.row(row))")
        }
    }
    return result
}

/// Rows as `cohort k users retained` (`avg` for average rows, `null` for nulls), after checking
/// that every rate is exactly retained / users and null exactly where retained is.
func compactRows(_ table: Table, file: StaticString = #filePath, line: UInt = #line) -> [String] {
    XCTAssertEqual(table.fields, Retention.outputFields, file: file, line: line)
    return (0..<table.rowCount).map { row in
        let cells = table.row(row)
        let cohort: String
        switch (cells[0], cells[5]) {
        case (.date(let day), .bool(false)): cohort = CivilTime.format(micros: day * CivilTime.microsPerDay, dateOnly: true)
        case (.null, .bool(true)): cohort = "avg"
        default: cohort = "bad(\(cells[0]), \(cells[5]))"
        }
        guard case .int(let k) = cells[1], case .int(let users) = cells[2] else { return "bad row \(cells)" }
        switch (cells[3], cells[4]) {
        case (.int(let retained), .float(let rate)):
            XCTAssertEqual(rate, Double(retained) / Double(users), "rate of \(cohort) \(k)", file: file, line: line)
            return "\(cohort) \(k) \(users) \(retained)"
        case (.null, .null):
            return "\(cohort) \(k) \(users) null"
        default:
            return "bad retained/rate \(cells)"
        }
    }
}
