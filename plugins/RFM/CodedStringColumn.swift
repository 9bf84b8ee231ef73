// Building a string column from small integer labels without hashing a string per row.
import TallyStore

/// String columns whose rows are labels out of a known, numbered set.
enum CodedStringColumn {
    /// The column whose row i is `name(labels[i])`, with labels in `0..<labelCount`. The dictionary
    /// holds only the names used, in order of first use (as `Column.string` would build it).
    /// - Complexity: O(rows + labelCount); `name` is called once per distinct label.
    static func make(_ labels: [Int], labelCount: Int, name: (Int) -> String) -> Column {
        var codeOfLabel = [Int32](repeating: -1, count: labelCount)
        var names: [String] = []
        var codes = [UInt32](repeating: 0, count: labels.count)
        for (row, label) in labels.enumerated() {
            var code = codeOfLabel[label]
            if code < 0 {
                code = Int32(names.count)
                codeOfLabel[label] = code
                names.append(name(label))
            }
            codes[row] = UInt32(code)
        }
        return Column(type: .string,
                      storage: .string(DictionaryCodes(codes, distinctCount: names.count), StringDictionary(names)))
    }
}
