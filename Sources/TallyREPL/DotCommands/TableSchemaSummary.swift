// The numbers `.schema` shows: per-column distinct counts, nulls and bytes.
import TallyStore

/// Describes a table's columns as a table of its own.
public enum TableSchemaSummary {
    /// One row per column: `column`, `type`, `distinct`, `nulls`, `bytes`.
    public static func describe(_ table: Table) throws -> Table {
        try Table([
            ("column", Column.string(table.names)),
            ("type", Column.string(table.fields.map(\.type.description))),
            ("distinct", Column.int(table.columns.map { Int64(distinctCount(of: $0)) })),
            ("nulls", Column.int(table.columns.map { Int64($0.nullCount) })),
            ("bytes", Column.int(table.columns.map { Int64($0.byteCount) })),
        ])
    }

    /// `total: 1600000 bytes, 16.0 bytes/row`.
    public static func totals(_ table: Table) -> String {
        let bytes = table.byteCount
        let perRow = table.rowCount == 0 ? 0 : Double(bytes) / Double(table.rowCount)
        return "total: \(bytes) bytes, \(Double(Int(perRow * 10)) / 10) bytes/row, \(table.rowCount) rows"
    }

    /// Distinct non-null values. Strings count the codes in use (a filtered table may share a larger
    /// dictionary); numbers are sorted copies counted by runs, avoiding a hash per row.
    /// - Complexity: O(n) for strings and booleans, O(n log n) otherwise.
    public static func distinctCount(of column: Column) -> Int {
        switch column.storage {
        case .string(let codes, let dictionary):
            var seen = [Bool](repeating: false, count: dictionary.count)
            var count = 0
            for row in 0..<codes.count where !column.isNull(row) {
                let code = Int(codes[row])
                if !seen[code] {
                    seen[code] = true
                    count += 1
                }
            }
            return count
        case .bool(let values):
            var sawTrue = false
            var sawFalse = false
            for row in values.indices where !column.isNull(row) {
                if values[row] { sawTrue = true } else { sawFalse = true }
            }
            return (sawTrue ? 1 : 0) + (sawFalse ? 1 : 0)
        case .int64(let values):
            return runCount(sortedValid(values, column))
        case .float(let values):
            // Bit patterns, with -0.0 folded into 0.0 and every NaN counted as one value.
            let keys = values.map { $0 == 0 ? 0 : $0.isNaN ? Double.nan.bitPattern : $0.bitPattern }
            return runCount(sortedValid(keys, column))
        }
    }

    private static func sortedValid<T: Comparable>(_ values: [T], _ column: Column) -> [T] {
        var kept = column.hasNulls ? values.indices.filter { !column.isNull($0) }.map { values[$0] } : values
        kept.sort()
        return kept
    }

    private static func runCount<T: Equatable>(_ sorted: [T]) -> Int {
        guard var previous = sorted.first else { return 0 }
        var count = 1
        for value in sorted.dropFirst() where value != previous {
            count += 1
            previous = value
        }
        return count
    }
}
