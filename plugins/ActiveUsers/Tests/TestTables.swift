// Building tiny event tables, bound arguments and contexts for the active-users tests.
import ActiveUsersPlugin
import TallyPluginAPI
import TallyStore
import XCTest

/// The instant of a UTC wall-clock time.
func utc(_ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64 = 12, _ minute: Int64 = 0) -> Int64 {
    (CivilTime.days(year: year, month: month, day: day) * 24 + hour) * CivilTime.microsPerHour
        + minute * CivilTime.microsPerMinute
}

/// The instant of a local wall-clock time in `zone`.
func local(_ zone: ZoneCalendar, _ year: Int64, _ month: Int64, _ day: Int64, _ hour: Int64, _ minute: Int64 = 0) -> Int64 {
    zone.utc(fromLocal: utc(year, month, day, hour, minute))
}

/// Days since 1970-01-01 of a date.
func date(_ year: Int64, _ month: Int64, _ day: Int64) -> Int64 { CivilTime.days(year: year, month: month, day: day) }

/// An event table with string users `user_id` and timestamps `ts` (nil = null).
func events(_ rows: [(String?, Int64?)]) -> Table {
    var times = ColumnBuilder(type: .timestamp)
    for (_, time) in rows {
        if let time { times.append(int64: time) } else { times.appendNull() }
    }
    return try! Table([("user_id", Column.string(rows.map(\.0))), ("ts", times.finish())])
}

/// Runs `plugin` on `input` the way the engine does, with arguments bound by hand.
func compute(_ plugin: any Plugin, _ input: Table, _ arguments: [String: ArgumentValue] = [:],
         zone: ZoneCalendar = .utc, weekStart: Int = 0, wholeInput: Table? = nil) throws -> Table {
    let bound = BoundArguments(arguments)
    let context = PluginContext(zone: zone, weekStart: weekStart, wholeInput: wholeInput)
    let fields = try plugin.outputFields(arguments: bound, input: input.fields)
    let output = try plugin.run(input, arguments: bound, context: context)
    XCTAssertEqual(output.fields, fields, "run must return the fields outputFields promised")
    return output
}

/// The table's rows as text cells (dates as YYYY-MM-DD, floats in full), for exact comparisons.
func rows(_ table: Table) -> [[String]] {
    let formatter = ValueFormatter()
    return (0..<table.rowCount).map { row in table.row(row).map(formatter.format) }
}
