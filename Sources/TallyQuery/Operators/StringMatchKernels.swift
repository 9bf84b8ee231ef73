// `contains`, `startswith`, `endswith` and `like` (case-sensitive; `%` any run, `_` one character).
import TallyStore

enum StringMatchKernels {
    static func match(_ op: StringMatchOperator, _ left: Column, _ right: Column) -> Column {
        let count = left.count
        let validity = NullMask(count: count, left.validity, right.validity).bitmap
        var result = [Bool](repeating: false, count: count)
        guard let codes = left.codes, let dictionary = left.dictionary,
              let patternCodes = right.codes, let patterns = right.dictionary else { return .bool(result, validity: validity) }
        let values = dictionary.strings
        if patterns.count == 1 {
            // One pattern: decide once per distinct value.
            let pattern = patterns.string(at: 0)
            let compiled = op == .like ? LikePattern(pattern) : nil
            let table = values.map { test(op, $0, pattern, compiled) }
            ComparisonKernels.lookup(&result, codes, table)
        } else {
            let patternValues = patterns.strings
            for row in 0..<count where !left.isNull(row) && !right.isNull(row) {
                let pattern = patternValues[Int(patternCodes[row])]
                result[row] = test(op, values[Int(codes[row])], pattern, op == .like ? LikePattern(pattern) : nil)
            }
        }
        return .bool(result, validity: validity)
    }

    private static func test(_ op: StringMatchOperator, _ value: String, _ pattern: String, _ like: LikePattern?) -> Bool {
        switch op {
        case .contains: return pattern.isEmpty || value.contains(pattern)
        case .startswith: return value.hasPrefix(pattern)
        case .endswith: return value.hasSuffix(pattern)
        case .like: return like!.matches(value)
        }
    }
}

/// A compiled `like` pattern over characters.
struct LikePattern {
    private let pattern: [Character]

    init(_ text: String) { pattern = Array(text) }

    /// Greedy matching with backtracking to the last `%`, linear in practice.
    func matches(_ text: String) -> Bool {
        let value = Array(text)
        var p = 0, v = 0
        var starP = -1, starV = 0
        while v < value.count {
            if p < pattern.count, pattern[p] == "_" || (pattern[p] != "%" && pattern[p] == value[v]) {
                p += 1
                v += 1
            } else if p < pattern.count, pattern[p] == "%" {
                starP = p
                starV = v
                p += 1
            } else if starP >= 0 {
                p = starP + 1
                starV += 1
                v = starV
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "%" { p += 1 }
        return p == pattern.count
    }
}
