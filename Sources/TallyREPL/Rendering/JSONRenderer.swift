// The `json` output mode: an array of row objects, one per line.
import TallyStore

/// Writes tables as one JSON array whose elements are row objects keyed by column name, each on
/// its own line. Nulls are `null`; NaN and infinities (not JSON) are `null` too; timestamps are
/// ISO 8601 strings in the session zone with its offset (`2024-03-01T08:00:00Z`,
/// `2024-03-01T16:00:00+08:00`); dates are `YYYY-MM-DD`; durations are strings like `"1d2h"`.
public enum JSONRenderer {
    public static func render(_ table: Table, formatter: ValueFormatter) -> String {
        guard table.rowCount > 0 else { return "[]\n" }
        let keys = table.names.map { quoted($0) + ":" }
        var out = "[\n"
        for row in 0..<table.rowCount {
            out += "{"
            for (index, column) in table.columns.enumerated() {
                if index > 0 { out += "," }
                out += keys[index] + value(column.value(at: row), formatter: formatter)
            }
            out += row + 1 < table.rowCount ? "},\n" : "}\n"
        }
        return out + "]\n"
    }

    static func value(_ value: Value, formatter: ValueFormatter) -> String {
        switch value {
        case .null: return "null"
        case .int(let number): return String(number)
        case .float(let number): return number.isFinite ? ValueFormatter.format(float: number) : "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return quoted(text)
        case .timestamp(let micros): return quoted(isoTimestamp(micros, zone: formatter.zone))
        case .date, .duration: return quoted(formatter.format(value))
        }
    }

    /// `YYYY-MM-DDTHH:MM:SS[.ffffff]` plus `Z` or the zone's `±HH:MM` offset at that instant.
    static func isoTimestamp(_ micros: Int64, zone: ZoneCalendar) -> String {
        let offset = zone.offset(atUTC: micros)
        var text = CivilTime.format(micros: micros + offset)
        if let space = text.firstIndex(of: " ") { text.replaceSubrange(space...space, with: "T") }
        if offset == 0 { return text + "Z" }
        let minutes = abs(offset) / CivilTime.microsPerMinute
        let hours = minutes / 60
        let rest = minutes % 60
        return text + (offset < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":"
            + (rest < 10 ? "0" : "") + String(rest)
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
