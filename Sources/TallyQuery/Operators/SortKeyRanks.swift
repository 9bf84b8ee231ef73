// A column made comparable row against row without boxing: numbers as is, strings by rank.
import TallyStore

/// Row ordering of one column. Strings are ranked once per distinct value, so comparing two
/// rows compares two integers. Nulls are not handled here; callers order them last.
struct SortKeyRanks {
    private enum Keys {
        case int64([Int64])
        case float([Double])
    }
    private let keys: Keys

    init(_ column: Column) {
        switch column.storage {
        case .int64(let values): keys = .int64(values)
        case .float(let values): keys = .float(values)
        case .bool(let values): keys = .int64(values.map { $0 ? 1 : 0 })
        case .string(let codes, let dictionary):
            let strings = dictionary.strings
            let order = strings.indices.sorted { strings[$0] < strings[$1] }
            var rank = [Int64](repeating: 0, count: strings.count)
            var current: Int64 = 0
            for (position, code) in order.enumerated() {
                if position > 0, strings[order[position - 1]] != strings[code] { current += 1 }
                rank[code] = current
            }
            var values = [Int64](repeating: 0, count: codes.count)
            for row in 0..<codes.count where !rank.isEmpty { values[row] = rank[Int(codes[row])] }
            keys = .int64(values)
        }
    }

    @inline(__always)
    func less(_ a: Int, _ b: Int) -> Bool {
        switch keys {
        case .int64(let values): return values[a] < values[b]
        case .float(let values): return values[a] < values[b]
        }
    }

    @inline(__always)
    func equal(_ a: Int, _ b: Int) -> Bool {
        switch keys {
        case .int64(let values): return values[a] == values[b]
        case .float(let values): return values[a] == values[b]
        }
    }
}
