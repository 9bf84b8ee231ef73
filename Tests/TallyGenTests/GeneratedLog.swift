// Test support: runs the generator into a temporary file and splits the CSV it wrote.
import Foundation
import TallyGen

/// The generator's output for some options, read back as bytes and as rows of fields.
struct GeneratedLog {
    let bytes: [UInt8]
    let text: String

    init(_ options: EventGenerator.Options, format: EventGenerator.OutputFormat = .csv) throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tally-gen-\(UUID().uuidString).\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: url) }
        try EventGenerator.write(options, format: format, toPath: url.path)
        bytes = Array(try Data(contentsOf: url))
        text = String(decoding: bytes, as: UTF8.self)
    }

    /// All lines, header included, without the final newline.
    var lines: [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Data rows split on commas (the generator never quotes: no field contains a comma).
    var rows: [CSVRow] { lines.dropFirst().map { CSVRow(fields: $0.split(separator: ",", omittingEmptySubsequences: false)) } }
}

/// One CSV row with its fields named after the generator's columns.
struct CSVRow {
    let fields: [Substring]
    var ts: Substring { fields[0] }
    var userId: Substring { fields[1] }
    var event: Substring { fields[2] }
    var channel: Substring { fields[3] }
    var country: Substring { fields[4] }
    var platform: Substring { fields[5] }
    var amount: Substring { fields[6] }
    var score: Substring { fields[7] }
    /// `YYYY-MM-DD` of the timestamp.
    var day: Substring { ts.prefix(10) }
}
