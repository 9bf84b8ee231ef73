// Column helpers the operators need: constants, optional gathers, concatenation, choosing rows.
import TallyStore

extension Column {
    /// `count` copies of `value` as a column of `type` (null when `value` is null).
    static func constant(_ value: Value, type: DataType, count: Int) -> Column {
        if value.isNull { return .nulls(type, count: count) }
        switch (value, type) {
        case (.string(let text), .string):
            return Column(type: .string, storage: .string(.u8([UInt8](repeating: 0, count: count)), StringDictionary([text])))
        case (.float(let v), .float): return .float([Double](repeating: v, count: count))
        case (.int(let v), .float): return .float([Double](repeating: Double(v), count: count))
        case (.bool(let v), _): return .bool([Bool](repeating: v, count: count))
        case (.int(let v), _), (.timestamp(let v), _), (.duration(let v), _), (.date(let v), _):
            return Column(type: type, storage: .int64([Int64](repeating: v, count: count)))
        default:
            preconditionFailure("constant \(value) does not fit \(type)")
        }
    }

    /// Rows `indices`; an index of -1 gives a null row (the unmatched side of a left join).
    func gatheredAllowingNulls(_ indices: [Int]) -> Column {
        guard indices.contains(-1) else { return gathered(indices) }
        let safe = indices.map { max(0, $0) }
        let base = count == 0 ? Column.nulls(type, count: 1).gathered(safe) : gathered(safe)
        var mask = NullMask(count: indices.count, base.validity)
        for (row, index) in indices.enumerated() where index < 0 { mask.setNull(row) }
        return Column(type: type, storage: base.storage, validity: mask.bitmap)
    }

    /// The rows of `columns` one after another (all of the same type).
    static func concatenated(_ columns: [Column], type: DataType) -> Column {
        let total = columns.reduce(0) { $0 + $1.count }
        var mask = NullMask(count: total)
        var offset = 0
        for column in columns {
            for row in 0..<column.count where column.isNull(row) { mask.setNull(offset + row) }
            offset += column.count
        }
        switch type {
        case .int, .timestamp, .duration, .date:
            return Column(type: type, storage: .int64(columns.flatMap { $0.int64Values! }), validity: mask.bitmap)
        case .float:
            return Column(type: type, storage: .float(columns.flatMap { $0.floatValues! }), validity: mask.bitmap)
        case .bool:
            return Column(type: type, storage: .bool(columns.flatMap { $0.boolValues! }), validity: mask.bitmap)
        case .string:
            var remapper = StringRemapper(columns)
            var codes: [UInt32] = []
            codes.reserveCapacity(total)
            offset = 0
            for (index, column) in columns.enumerated() {
                for row in 0..<column.count {
                    codes.append(mask.isNull(offset + row) ? 0 : remapper.code(column: index, row: row))
                }
                offset += column.count
            }
            return remapper.finish(codes, validity: mask.bitmap)
        }
    }

    /// Row `i` of the result is row `i` of `columns[branch[i]]`, or null when `branch[i]` is -1.
    static func choose(_ branch: [Int], from columns: [Column], type: DataType) -> Column {
        let count = branch.count
        var mask = NullMask(count: count)
        for row in 0..<count where branch[row] < 0 || columns[branch[row]].isNull(row) { mask.setNull(row) }
        switch type {
        case .int, .timestamp, .duration, .date:
            let sources = columns.map { $0.int64Values! }
            var values = [Int64](repeating: 0, count: count)
            for row in 0..<count where branch[row] >= 0 { values[row] = sources[branch[row]][row] }
            return Column(type: type, storage: .int64(values), validity: mask.bitmap)
        case .float:
            let sources = columns.map { $0.floatValues! }
            var values = [Double](repeating: 0, count: count)
            for row in 0..<count where branch[row] >= 0 { values[row] = sources[branch[row]][row] }
            return Column(type: type, storage: .float(values), validity: mask.bitmap)
        case .bool:
            let sources = columns.map { $0.boolValues! }
            var values = [Bool](repeating: false, count: count)
            for row in 0..<count where branch[row] >= 0 { values[row] = sources[branch[row]][row] }
            return Column(type: type, storage: .bool(values), validity: mask.bitmap)
        case .string:
            var builder = StringRemapper(columns)
            var codes = [UInt32](repeating: 0, count: count)
            for row in 0..<count where branch[row] >= 0 && !mask.isNull(row) {
                codes[row] = builder.code(column: branch[row], row: row)
            }
            return builder.finish(codes, validity: mask.bitmap)
        }
    }
}

/// Re-encodes string values from several columns (each with its own dictionary) into one new
/// dictionary, translating each source code once.
struct StringRemapper {
    private let columns: [Column]
    private var maps: [[UInt32]]
    private var builder = StringDictionaryBuilder()
    private static let unmapped = UInt32.max

    init(_ columns: [Column]) {
        self.columns = columns
        maps = columns.map { [UInt32](repeating: Self.unmapped, count: $0.dictionary?.count ?? 0) }
    }

    mutating func code(column: Int, row: Int) -> UInt32 {
        let source = Int(columns[column].codes![row])
        let mapped = maps[column][source]
        if mapped != Self.unmapped { return mapped }
        let dictionary = columns[column].dictionary!
        let code = dictionary.withUTF8(at: source) { builder.intern(UnsafeRawBufferPointer($0)) }
        maps[column][source] = code
        return code
    }

    /// Interns an arbitrary string.
    mutating func code(for text: String) -> UInt32 { builder.intern(text) }

    func finish(_ codes: [UInt32], validity: ValidityBitmap?) -> Column {
        let dictionary = builder.build()
        return Column(type: .string, storage: .string(DictionaryCodes(codes, distinctCount: dictionary.count), dictionary),
                      validity: validity)
    }
}
