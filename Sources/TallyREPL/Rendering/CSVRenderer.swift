// The `csv` output mode: RFC 4180 fields, a header row, null as an empty field.
import TallyStore

/// Writes tables as CSV. A field is quoted (with inner quotes doubled) when it holds a comma, a
/// quote, CR or LF, or begins or ends with a space; rows end in `\n`.
public enum CSVRenderer {
    public static func render(_ table: Table, formatter: ValueFormatter) -> String {
        var out = table.names.map(field).joined(separator: ",") + "\n"
        for row in 0..<table.rowCount {
            var first = true
            for column in table.columns {
                if !first { out += "," }
                first = false
                if !column.isNull(row) { out += field(formatter.format(column.value(at: row))) }
            }
            out += "\n"
        }
        return out
    }

    /// One field, quoted when RFC 4180 requires it.
    public static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
