// Building the output columns of the active-users plugins from plain arrays.
import TallyStore

enum OutputColumns {
    /// A `date` column of local days (days since 1970-01-01).
    static func days(_ days: [Int64]) -> Column { .date(days) }

    /// `count` consecutive days from `first`.
    static func consecutiveDays(from first: Int64, count: Int) -> Column {
        .date((0..<count).map { first + Int64($0) })
    }

    static func ints(_ values: [Int64]) -> Column { .int(values) }

    /// A `float` column where nil is null.
    static func floats(_ values: [Double?]) -> Column {
        var builder = ColumnBuilder(type: .float, capacity: values.count)
        for value in values {
            if let value { builder.append(float: value) } else { builder.appendNull() }
        }
        return builder.finish()
    }

    /// `numerator ÷ denominator`, null when the denominator is 0.
    static func ratio(_ numerator: Int64, _ denominator: Int64) -> Double? {
        denominator == 0 ? nil : Double(numerator) / Double(denominator)
    }

    /// A table of these columns (names are distinct by construction).
    static func table(_ columns: [(String, Column)]) -> Table {
        // The plugins pass fixed, distinct names and equal lengths, so this cannot fail.
        try! Table(columns)
    }
}
