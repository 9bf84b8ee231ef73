// Reads and writes golden test files: records of program text and expected output.
import Foundation

/// A `.test` file: comment/blank lines kept verbatim, and records
///
///     statement | query | query sorted | error | input
///     <program text, one or more lines>
///     ----
///     <expected output up to the next blank line or end of file>
///
/// `statement` expects `ok`; `query` a tab-separated table (header line, then rows);
/// `error` the exact rendered diagnostic; `input` whether the text is `complete` or `needs more`
/// lines (what the REPL asks before running it).
struct GoldenFile {
    enum Chunk {
        case verbatim(String)
        case record(GoldenRecord)
    }

    struct GoldenRecord {
        var kind: String
        var isSorted: Bool
        var program: [String]
        var expected: [String]
        /// 1-based line of the record's header in the file.
        var line: Int
    }

    var chunks: [Chunk] = []

    init(text: String) throws {
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let words = line.split(separator: " ").map(String.init)
            guard let kind = words.first, ["statement", "query", "error", "input"].contains(kind) else {
                chunks.append(.verbatim(line))
                index += 1
                continue
            }
            var record = GoldenRecord(kind: kind, isSorted: words.dropFirst().contains("sorted"), program: [], expected: [],
                                      line: index + 1)
            index += 1
            while index < lines.count, lines[index] != "----" {
                record.program.append(lines[index])
                index += 1
            }
            guard index < lines.count else { throw GoldenError("record at line \(record.line) has no `----`") }
            index += 1
            while index < lines.count, !lines[index].isEmpty {
                record.expected.append(lines[index])
                index += 1
            }
            chunks.append(.record(record))
        }
    }

    var text: String {
        chunks.map { chunk -> String in
            switch chunk {
            case .verbatim(let line): return line
            case .record(let record):
                let header = record.kind + (record.isSorted ? " sorted" : "")
                return ([header] + record.program + ["----"] + record.expected).joined(separator: "\n")
            }
        }.joined(separator: "\n")
    }
}

struct GoldenError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
