// `tally run --format json`: one JSON document per statement, on one line each.
import TallyQuery
import TallyStore

/// A statement's result as one JSON object on one line (JSON Lines), so a script's output can be
/// read statement by statement:
///
///     {"statement":"events | count","columns":[{"name":"count","type":"int"}],"rows":[[100000]]}
///     {"statement":"let x = events | take 3","message":"x: 3 rows"}
///     {"statement":"def f() = take 1"}
///
/// Values are written as in the `json` mode (timestamps ISO 8601 in the session zone, dates
/// `YYYY-MM-DD`, durations like `"1d2h"`, NaN and infinities `null`). Errors stay on stderr.
public enum StatementDocument {
    public static func render(_ result: StatementResult, formatter: ValueFormatter) -> String {
        var text = "{\"statement\":" + JSONRenderer.quoted(result.text)
        switch result.output {
        case .table(let table):
            text += ",\"columns\":["
            text += table.fields.map { "{\"name\":\(JSONRenderer.quoted($0.name)),\"type\":\(JSONRenderer.quoted($0.type.description))}" }
                .joined(separator: ",")
            text += "],\"rows\":["
            for row in 0..<table.rowCount {
                if row > 0 { text += "," }
                text += "[" + table.columns.map { JSONRenderer.value($0.value(at: row), formatter: formatter) }
                    .joined(separator: ",") + "]"
            }
            text += "]"
        case .message(let message):
            text += ",\"message\":" + JSONRenderer.quoted(message)
        case .none:
            break
        }
        return text + "}\n"
    }
}
