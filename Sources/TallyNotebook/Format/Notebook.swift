// A notebook in memory: front matter, then prose and code cells in file order.

/// A Markdown notebook: prose, ```` ```tally ```` code cells, each followed by its ```` ```output ````.
public struct Notebook: Sendable, Equatable {
    /// The `---` block at the top; nil when the file has none.
    public var frontMatter: FrontMatter?
    /// Prose and cells, in file order.
    public var blocks: [NotebookBlock]

    public init(frontMatter: FrontMatter? = nil, blocks: [NotebookBlock] = []) {
        self.frontMatter = frontMatter
        self.blocks = blocks
    }

    /// The code cells, in order.
    public var cells: [NotebookCell] {
        blocks.compactMap { if case .cell(let cell) = $0 { return cell } else { return nil } }
    }
}

/// One piece of a notebook.
public enum NotebookBlock: Sendable, Equatable {
    /// Markdown lines kept exactly as written (without their newlines).
    case prose([String])
    case cell(NotebookCell)
}

/// A code cell and the output recorded after it.
public struct NotebookCell: Sendable, Equatable {
    /// The statements, without the fences (lines joined by `\n`, no final newline).
    public var code: String
    /// The text of the ```` ```output ```` fence (lines each ending in `\n`); nil when there is none.
    public var output: String?
    /// Line of the cell's first code line in the file it was read from (1-based); 0 when not read.
    public var line: Int

    public init(code: String, output: String? = nil, line: Int = 0) {
        self.code = code
        self.output = output
        self.line = line
    }
}

/// The notebook's `---` header: a title, parameters with defaults, and data fingerprints.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    /// Parameters and their default values as written (`weeks: 8`), in order.
    public var parameters: [(name: String, value: String)]
    /// The files the notebook loaded when it was last written.
    public var data: [DataFingerprint]

    public init(title: String? = nil, parameters: [(name: String, value: String)] = [], data: [DataFingerprint] = []) {
        self.title = title
        self.parameters = parameters
        self.data = data
    }

    public static func == (left: FrontMatter, right: FrontMatter) -> Bool {
        left.title == right.title && left.data == right.data
            && left.parameters.map(\.name) == right.parameters.map(\.name)
            && left.parameters.map(\.value) == right.parameters.map(\.value)
    }

    /// Nothing to write.
    public var isEmpty: Bool { title == nil && parameters.isEmpty && data.isEmpty }
}

/// What a data file looked like: its path (relative to the notebook's folder when inside it),
/// its size in bytes and a 64-bit content hash (`ContentHash`).
public struct DataFingerprint: Sendable, Equatable {
    public var path: String
    public var size: Int
    /// `fnv1a64:` and 16 hex digits.
    public var hash: String

    public init(path: String, size: Int, hash: String) {
        self.path = path
        self.size = size
        self.hash = hash
    }
}
