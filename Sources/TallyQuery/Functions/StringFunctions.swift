// String functions. One-argument ones run once per distinct value, not once per row.
import TallyStore

enum StringFunctions {
    static func apply(_ function: ScalarFunction, _ arguments: [Column], count: Int) -> Column {
        let input = arguments[0]
        switch function {
        case .lower: return perDistinct(input) { $0.lowercased() }
        case .upper: return perDistinct(input) { $0.uppercased() }
        case .trim: return perDistinct(input) { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
        case .length:
            let lengths = input.dictionary!.strings.map { Int64($0.count) }
            let codes = input.codes!
            var result = [Int64](repeating: 0, count: count)
            for row in 0..<count where !input.isNull(row) { result[row] = lengths[Int(codes[row])] }
            return .int(result, validity: input.validity)
        case .substring:
            return perRow(arguments, count: count) { row, strings in
                guard let text = strings[0], !arguments[1].isNull(row), let start = arguments[1].int64Values?[row] else { return nil }
                let characters = Array(text)
                let from = max(0, Int(start) - 1)
                var length = characters.count - from
                if arguments.count == 3 {
                    if arguments[2].isNull(row) { return nil }
                    length = min(length, max(0, Int(arguments[2].int64Values![row])))
                }
                guard from < characters.count, length > 0 else { return "" }
                return String(characters[from..<(from + length)])
            }
        case .concat:
            return perRow(arguments, count: count) { _, strings in
                strings.contains { $0 == nil } ? nil : strings.map { $0! }.joined()
            }
        case .replace:
            return perRow(arguments, count: count) { _, strings in
                guard let text = strings[0], let target = strings[1], let replacement = strings[2] else { return nil }
                guard !target.isEmpty else { return text }
                return text.split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
            }
        default:
            preconditionFailure("\(function) is not a string function")
        }
    }

    /// Applies `transform` to each distinct value and re-encodes the codes.
    static func perDistinct(_ column: Column, _ transform: (String) -> String) -> Column {
        let transformed = column.dictionary!.strings.map(transform)
        var remapper = StringRemapper([])
        let map = transformed.map { remapper.code(for: $0) }
        let codes = column.codes!
        var result = [UInt32](repeating: 0, count: column.count)
        for row in 0..<column.count where !column.isNull(row) { result[row] = map[Int(codes[row])] }
        return remapper.finish(result, validity: column.validity)
    }

    /// Calls `body` per row with the string arguments (nil when null or not a string column).
    private static func perRow(_ arguments: [Column], count: Int, _ body: (Int, [String?]) -> String?) -> Column {
        let dictionaries = arguments.map { $0.dictionary?.strings }
        var remapper = StringRemapper([])
        var codes = [UInt32](repeating: 0, count: count)
        var mask = NullMask(count: count)
        var strings = [String?](repeating: nil, count: arguments.count)
        for row in 0..<count {
            for (index, argument) in arguments.enumerated() {
                if let values = dictionaries[index], !argument.isNull(row) {
                    strings[index] = values[Int(argument.codes![row])]
                } else {
                    strings[index] = nil
                }
            }
            if let text = body(row, strings) { codes[row] = remapper.code(for: text) } else { mask.setNull(row) }
        }
        return remapper.finish(codes, validity: mask.bitmap)
    }
}
