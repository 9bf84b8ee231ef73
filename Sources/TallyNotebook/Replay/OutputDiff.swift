// A unified diff of two line lists (longest common subsequence), for `tally replay --check`.

/// Unified diffs in the `diff -u` format, three lines of context.
public enum OutputDiff {
    /// The diff of `old` and `new` with `---`/`+++` headers naming them; empty when equal.
    /// - Complexity: O(n·m) time and memory in the two line counts.
    public static func unified(old: [String], new: [String], oldName: String, newName: String, context: Int = 3) -> String {
        let edits = script(old, new)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var text = "--- \(oldName)\n+++ \(newName)\n"
        // Group changes whose contexts touch into hunks.
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { $0.kind != .same }) else { break }
            let start = max(index, firstChange - context)
            var end = firstChange
            var lastChange = firstChange
            while end < edits.count {
                if edits[end].kind != .same { lastChange = end }
                if end - lastChange > 2 * context { break }
                end += 1
            }
            let stop = min(edits.count, lastChange + context + 1)
            let hunk = edits[start..<stop]
            let oldStart = hunk.first?.oldLine ?? 0, newStart = hunk.first?.newLine ?? 0
            let oldCount = hunk.filter { $0.kind != .added }.count, newCount = hunk.filter { $0.kind != .removed }.count
            text += "@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@\n"
            for edit in hunk {
                text += (edit.kind == .same ? " " : edit.kind == .removed ? "-" : "+") + edit.text + "\n"
            }
            index = stop
        }
        return text
    }

    struct Edit {
        enum Kind { case same, removed, added }
        var kind: Kind
        var text: String
        /// 1-based line numbers where this edit sits in the old and new text.
        var oldLine: Int
        var newLine: Int
    }

    static func script(_ old: [String], _ new: [String]) -> [Edit] {
        let n = old.count, m = new.count
        // lengths[i][j]: LCS length of old[i...] and new[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, old[i] == new[j] {
                edits.append(Edit(kind: .same, text: old[i], oldLine: i + 1, newLine: j + 1))
                i += 1; j += 1
            } else if i < n, j == m || lengths[i + 1][j] >= lengths[i][j + 1] {
                edits.append(Edit(kind: .removed, text: old[i], oldLine: i + 1, newLine: j + 1))
                i += 1
            } else {
                edits.append(Edit(kind: .added, text: new[j], oldLine: i + 1, newLine: j + 1))
                j += 1
            }
        }
        return edits
    }
}
