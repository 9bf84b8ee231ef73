// Comparisons on whole columns; a null on either side gives null.
import TallyStore

enum ComparisonKernels {
    static func compare(_ op: ComparisonOperator, _ left: Column, _ right: Column) -> Column {
        let count = left.count
        let validity = NullMask(count: count, left.validity, right.validity).bitmap
        var result = [Bool](repeating: false, count: count)
        switch (left.storage, right.storage) {
        case (.int64(let a), .int64(let b)):
            fill(&result, op, a, b)
        case (.float(let a), .float(let b)):
            fill(&result, op, a, b)
        case (.bool(let a), .bool(let b)):
            fill(&result, op, a.map { $0 ? 1 : 0 } as [Int64], b.map { $0 ? 1 : 0 } as [Int64])
        case (.string(let codesA, let dictionaryA), .string(let codesB, let dictionaryB)):
            compareStrings(&result, op, codesA, dictionaryA, codesB, dictionaryB)
        default:
            preconditionFailure("comparing \(left.type) with \(right.type) passed the binder")
        }
        return .bool(result, validity: validity)
    }

    /// `column op value` for every row, where `scalar` is a one-row column holding the value.
    static func compare(_ op: ComparisonOperator, _ column: Column, scalar: Column) -> Column {
        let count = column.count
        if scalar.isNull(0) { return .bool([Bool](repeating: false, count: count), validity: ValidityBitmap(count: count, allValid: false)) }
        var result = [Bool](repeating: false, count: count)
        switch (column.storage, scalar.storage) {
        case (.int64(let a), .int64(let b)):
            fill(&result, op, a, b[0])
        case (.float(let a), .float(let b)):
            fill(&result, op, a, b[0])
        case (.bool(let a), .bool(let b)):
            fill(&result, op, a.map { $0 ? 1 : 0 } as [Int64], b[0] ? 1 : 0)
        case (.string(let codesA, let dictionaryA), .string(let codesB, let dictionaryB)):
            // A one-row scalar has a one-value dictionary: the per-code paths apply.
            compareStrings(&result, op, codesA, dictionaryA, codesB, dictionaryB)
        default:
            preconditionFailure("comparing \(column.type) with \(scalar.type) passed the binder")
        }
        return .bool(result, validity: column.validity)
    }

    private static func fill<T: Comparable>(_ result: inout [Bool], _ op: ComparisonOperator, _ a: [T], _ b: T) {
        a.withUnsafeBufferPointer { a in
            result.withUnsafeMutableBufferPointer { out in
                switch op {
                case .equal: for row in 0..<out.count { out[row] = a[row] == b }
                case .notEqual: for row in 0..<out.count { out[row] = a[row] != b }
                case .less: for row in 0..<out.count { out[row] = a[row] < b }
                case .lessOrEqual: for row in 0..<out.count { out[row] = a[row] <= b }
                case .greater: for row in 0..<out.count { out[row] = a[row] > b }
                case .greaterOrEqual: for row in 0..<out.count { out[row] = a[row] >= b }
                }
            }
        }
    }

    @inline(__always)
    static func holds<T: Comparable>(_ op: ComparisonOperator, _ a: T, _ b: T) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    private static func fill<T: Comparable>(_ result: inout [Bool], _ op: ComparisonOperator, _ a: [T], _ b: [T]) {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { out in
                    switch op {
                    case .equal: for row in 0..<out.count { out[row] = a[row] == b[row] }
                    case .notEqual: for row in 0..<out.count { out[row] = a[row] != b[row] }
                    case .less: for row in 0..<out.count { out[row] = a[row] < b[row] }
                    case .lessOrEqual: for row in 0..<out.count { out[row] = a[row] <= b[row] }
                    case .greater: for row in 0..<out.count { out[row] = a[row] > b[row] }
                    case .greaterOrEqual: for row in 0..<out.count { out[row] = a[row] >= b[row] }
                    }
                }
            }
        }
    }

    /// With a one-value dictionary on one side (a literal), the answer is computed once per
    /// distinct value of the other side and looked up by code; otherwise values are compared.
    private static func compareStrings(_ result: inout [Bool], _ op: ComparisonOperator,
                                       _ codesA: DictionaryCodes, _ dictionaryA: StringDictionary,
                                       _ codesB: DictionaryCodes, _ dictionaryB: StringDictionary) {
        let count = result.count
        if op == .equal || op == .notEqual, dictionaryA.count == 1 || dictionaryB.count == 1 {
            // Equality with a literal: find its code once (no String per distinct value).
            let (codes, dictionary, constant) = dictionaryB.count == 1
                ? (codesA, dictionaryA, dictionaryB.string(at: 0)) : (codesB, dictionaryB, dictionaryA.string(at: 0))
            let isEqual = op == .equal
            guard let target = dictionary.code(of: constant) else {
                for row in 0..<count { result[row] = !isEqual }
                return
            }
            switch codes {
            case .u8(let c): for row in 0..<count { result[row] = (Int(c[row]) == target) == isEqual }
            case .u16(let c): for row in 0..<count { result[row] = (Int(c[row]) == target) == isEqual }
            case .u32(let c): for row in 0..<count { result[row] = (Int(c[row]) == target) == isEqual }
            }
            return
        }
        if dictionaryB.count == 1 {
            let constant = dictionaryB.string(at: 0)
            let table = dictionaryA.strings.map { holds(op, $0, constant) }
            lookup(&result, codesA, table)
        } else if dictionaryA.count == 1 {
            let constant = dictionaryA.string(at: 0)
            let table = dictionaryB.strings.map { holds(op, constant, $0) }
            lookup(&result, codesB, table)
        } else {
            let stringsA = dictionaryA.strings, stringsB = dictionaryB.strings
            for row in 0..<count where stringsA.indices.contains(Int(codesA[row])) && stringsB.indices.contains(Int(codesB[row])) {
                result[row] = holds(op, stringsA[Int(codesA[row])], stringsB[Int(codesB[row])])
            }
        }
    }

    static func lookup(_ result: inout [Bool], _ codes: DictionaryCodes, _ table: [Bool]) {
        guard !table.isEmpty else { return }
        switch codes {
        case .u8(let c): for row in 0..<c.count { result[row] = table[Int(c[row])] }
        case .u16(let c): for row in 0..<c.count { result[row] = table[Int(c[row])] }
        case .u32(let c): for row in 0..<c.count { result[row] = table[Int(c[row])] }
        }
    }
}
