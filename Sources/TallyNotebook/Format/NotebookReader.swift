// Reads a notebook's Markdown: front matter, prose, ```tally cells and their ```output fences.

/// Parses notebook text, forgiving hand edits: any prose, blank lines between a cell and its
/// output, other fenced blocks (kept as prose), a longer fence than three backquotes.
///
/// Malformed parts (an unclosed fence, an ```` ```output ```` with no cell before it, unclosed
/// front matter) are reported with their line; everything valid is kept.
public enum NotebookReader {
    /// The notebook and the problems found, in file order.
    public static func read(_ text: String) -> (notebook: Notebook, errors: [NotebookReadError]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        var errors: [NotebookReadError] = []
        var notebook = Notebook()
        var index = 0
        if lines.first == "---" {
            if let close = lines.dropFirst().firstIndex(of: "---") {
                let (frontMatter, frontErrors) = FrontMatterReader.read(Array(lines[1..<close]), firstLine: 2)
                notebook.frontMatter = frontMatter
                errors += frontErrors
                index = close + 1
            } else {
                errors.append(NotebookReadError(line: 1, message: "front matter starting here is never closed with `---`"))
                index = 1
            }
        }
        var prose: [String] = []
        func flushProse() {
            if !prose.isEmpty { notebook.blocks.append(.prose(prose)) }
            prose = []
        }
        while index < lines.count {
            guard let fence = Fence(opening: lines[index]) else {
                prose.append(lines[index])
                index += 1
                continue
            }
            let openLine = index
            guard let close = fence.closingIndex(in: lines, after: index) else {
                errors.append(NotebookReadError(line: openLine + 1,
                                                message: "the ```\(fence.info) fence opened here is never closed"))
                // Everything after is inside the unclosed fence: keep it as prose, not as cells.
                if fence.info != "tally" && fence.info != "output" { prose += lines[index...] }
                break
            }
            let body = Array(lines[(index + 1)..<close])
            switch fence.info {
            case "tally":
                flushProse()
                var cell = NotebookCell(code: body.joined(separator: "\n"), line: openLine + 2)
                index = close + 1
                // The output fence may follow after blank lines.
                var probe = index
                while probe < lines.count, lines[probe].allSatisfy({ $0 == " " || $0 == "\t" }) { probe += 1 }
                if probe < lines.count, let outputFence = Fence(opening: lines[probe]), outputFence.info == "output" {
                    if let outputClose = outputFence.closingIndex(in: lines, after: probe) {
                        cell.output = lines[(probe + 1)..<outputClose].map { $0 + "\n" }.joined()
                        index = outputClose + 1
                    } else {
                        errors.append(NotebookReadError(line: probe + 1, message: "the ```output fence opened here is never closed"))
                        index = lines.count
                    }
                }
                notebook.blocks.append(.cell(cell))
            case "output":
                errors.append(NotebookReadError(line: openLine + 1,
                                                message: "an ```output fence must follow a ```tally cell; this one is ignored"))
                index = close + 1
            default:
                prose += lines[index...close]
                index = close + 1
            }
        }
        flushProse()
        return (notebook, errors)
    }
}

/// A fence line: three or more backquotes and an info word (```` ```tally ````).
struct Fence {
    let length: Int
    let info: String

    /// Reads `line` as an opening fence (up to three spaces of indent allowed).
    init?(opening line: String) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        let ticks = rest.prefix { $0 == "`" }.count
        guard ticks >= 3 else { return nil }
        let infoText = rest.dropFirst(ticks).trimmingCharacters(in: " \t")
        guard !infoText.contains("`") else { return nil }
        length = ticks
        info = String(infoText.split(separator: " ").first ?? "").lowercased()
    }

    /// The index of the line closing this fence opened at `start`: at least as many backquotes, nothing else.
    func closingIndex(in lines: [String], after start: Int) -> Int? {
        var index = start + 1
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: " \t")
            if trimmed.count >= length, trimmed.allSatisfy({ $0 == "`" }) { return index }
            index += 1
        }
        return nil
    }
}

extension StringProtocol {
    /// Without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let isTrimmed: (Character) -> Bool = { set.contains($0) }
        return String(drop(while: isTrimmed).reversed().drop(while: isTrimmed).reversed())
    }
}
