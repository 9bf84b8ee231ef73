// A `where` condition over one string column, decided once per dictionary value instead of per row.
import TallyStore

/// The outcome of a condition for every value of one dictionary-coded string column.
///
/// `event == "purchase"`, `event in ("a", "b")`, `channel startswith "paid"`, `not (…)`: a
/// condition that reads a single string column and otherwise only literals has the same answer
/// for every row holding the same code. It is computed by the ordinary kernels over a table of
/// the dictionary's values (one row per code, plus one null row), so its semantics are exactly
/// those of the row-by-row path; the rows are then chosen by scanning the codes.
struct DictionaryPredicate {
    /// The string column the condition reads.
    let columnIndex: Int
    /// `matches[code]`: the condition is true (not false, not null) for rows holding `code`.
    let matches: [Bool]
    /// The condition is true for a null row.
    let matchesNull: Bool

    /// The code of the only matching value when exactly one matches; nil otherwise.
    var singleMatch: Int? {
        var found: Int?
        for (code, isMatch) in matches.enumerated() where isMatch {
            if found != nil { return nil }
            found = code
        }
        return found
    }

    /// True when no row can match.
    var matchesNothing: Bool { !matchesNull && !matches.contains(true) }

    /// The per-code outcome of `condition` over `columns`, or nil when the condition does not have
    /// the shape (one string column, literals, comparisons, string matches, and/or/not/is null) or
    /// the dictionary is not smaller than the rows (then per-row evaluation is as cheap).
    static func make(_ condition: BoundExpression, columns: [Column], rowCount: Int,
                     evaluator: Evaluator) throws(Diagnostic) -> DictionaryPredicate? {
        var index: Int?
        guard isDecidablePerValue(condition, column: &index), let index,
              case .string(_, let dictionary) = columns[index].storage,
              dictionary.count < rowCount else { return nil }
        // Rows 0..<count hold each code once; the last row is null.
        let valueCount = dictionary.count
        let codes = DictionaryCodes((0..<UInt32(valueCount)).map { $0 } + [0], distinctCount: valueCount + 1)
        var validity = ValidityBitmap(count: valueCount + 1, allValid: true)
        validity.set(valueCount, valid: false)
        var valueColumns = columns
        valueColumns[index] = Column(type: .string, storage: .string(codes, dictionary), validity: validity)
        let outcome = try evaluator.evaluate(condition, columns: valueColumns, count: valueCount + 1)
        let flags = outcome.boolValues!
        let isTrue = (0...valueCount).map { flags[$0] && !outcome.isNull($0) }
        return DictionaryPredicate(columnIndex: index, matches: Array(isTrue[0..<valueCount]), matchesNull: isTrue[valueCount])
    }

    /// True when `expression` reads no column but one string column (recorded in `column`) and is
    /// built only from nodes that cannot fail and give the same result for equal inputs.
    private static func isDecidablePerValue(_ expression: BoundExpression, column: inout Int?) -> Bool {
        switch expression.kind {
        case .literal:
            return true
        case .column(let index):
            guard expression.type == .string, column == nil || column == index else { return false }
            column = index
            return true
        case .comparison(_, let left, let right), .stringMatch(_, let left, let right),
             .and(let left, let right), .or(let left, let right):
            return isDecidablePerValue(left, column: &column) && isDecidablePerValue(right, column: &column)
        case .not(let inner), .isNull(let inner, _):
            return isDecidablePerValue(inner, column: &column)
        case .cast, .arithmetic, .negate, .caseWhen, .function:
            return false
        }
    }
}
