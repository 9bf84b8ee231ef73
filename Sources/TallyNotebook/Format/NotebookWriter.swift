// Writes a notebook as Markdown, and lays out cells so each output knows its cell's line.

/// Turns a `Notebook` into text. Reading what it writes gives the same notebook back.
public enum NotebookWriter {
    /// The whole file.
    public static func text(of notebook: Notebook) -> String {
        var text = frontMatterText(notebook.frontMatter)
        for block in notebook.blocks { text += blockText(block) }
        return text
    }

    /// Fills in each cell's `line` (where its code will start in the written file) and its
    /// output, asked of `output` in order with the cell's index and line. An output that names
    /// lines (an error's `--> nb.md:12:5`) thus points at the file as written.
    public static func layOut(_ notebook: Notebook, output: (_ cellIndex: Int, _ line: Int) -> String?) -> Notebook {
        var result = notebook
        var linesBefore = lineCount(frontMatterText(notebook.frontMatter))
        var cellIndex = 0
        for (blockIndex, block) in notebook.blocks.enumerated() {
            if case .cell(var cell) = block {
                cell.line = linesBefore + 2
                cell.output = output(cellIndex, cell.line)
                cellIndex += 1
                result.blocks[blockIndex] = .cell(cell)
                linesBefore += lineCount(blockText(.cell(cell)))
            } else {
                linesBefore += lineCount(blockText(block))
            }
        }
        return result
    }

    static func lineCount(_ text: String) -> Int { text.utf8.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }

    static func frontMatterText(_ frontMatter: FrontMatter?) -> String {
        guard let frontMatter, !frontMatter.isEmpty else { return "" }
        var text = "---\n"
        if let title = frontMatter.title { text += "title: \(title)\n" }
        if !frontMatter.parameters.isEmpty {
            text += "params:\n"
            for parameter in frontMatter.parameters { text += "  \(parameter.name): \(parameter.value)\n" }
        }
        if !frontMatter.data.isEmpty {
            text += "data:\n"
            for file in frontMatter.data {
                text += "  - path: \(file.path)\n    size: \(file.size)\n    hash: \(file.hash)\n"
            }
        }
        return text + "---\n"
    }

    static func blockText(_ block: NotebookBlock) -> String {
        switch block {
        case .prose(let lines):
            return lines.map { $0 + "\n" }.joined()
        case .cell(let cell):
            let codeFence = fence(for: cell.code)
            var text = codeFence + "tally\n" + cell.code + (cell.code.isEmpty ? "" : "\n") + codeFence + "\n"
            if let output = cell.output {
                let outputFence = fence(for: output)
                text += "\n" + outputFence + "output\n" + output + (output.isEmpty || output.hasSuffix("\n") ? "" : "\n")
                    + outputFence + "\n"
            }
            return text
        }
    }

    /// Three backquotes, or one more than the longest run starting a line of `body`.
    static func fence(for body: String) -> String {
        var longest = 0
        for line in body.split(separator: "\n") {
            let ticks = line.drop { $0 == " " }.prefix { $0 == "`" }.count
            longest = max(longest, ticks)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
