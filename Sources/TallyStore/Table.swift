// A table: named columns of equal length. The unit every stage consumes and produces.

/// A column's name and type.
public struct Field: Sendable, Hashable {
    public var name: String
    public var type: DataType
    public init(name: String, type: DataType) {
        self.name = name
        self.type = type
    }
}

/// Errors raised while assembling a table.
public enum TableError: Error, Equatable, CustomStringConvertible {
    case lengthMismatch(column: String, expected: Int, found: Int)
    case duplicateColumn(String)

    public var description: String {
        switch self {
        case .lengthMismatch(let column, let expected, let found):
            return "column `\(column)` has \(found) rows, expected \(expected)"
        case .duplicateColumn(let name):
            return "duplicate column name `\(name)`"
        }
    }
}

/// An immutable table. Copies share column storage; nothing can modify a table once built.
public struct Table: Sendable {
    public let fields: [Field]
    public let columns: [Column]
    public let rowCount: Int

    /// A table of `columns`, all of the same length, with distinct names.
    public init(_ namedColumns: [(String, Column)]) throws {
        var seen = Set<String>()
        let rows = namedColumns.first?.1.count ?? 0
        for (name, column) in namedColumns {
            guard seen.insert(name).inserted else { throw TableError.duplicateColumn(name) }
            guard column.count == rows else {
                throw TableError.lengthMismatch(column: name, expected: rows, found: column.count)
            }
        }
        fields = namedColumns.map { Field(name: $0.0, type: $0.1.type) }
        columns = namedColumns.map(\.1)
        rowCount = rows
    }

    /// A table with no columns and no rows.
    public static let empty = try! Table([])

    /// An empty table with this schema.
    public static func empty(_ fields: [Field]) -> Table {
        // Names come from a valid schema, so construction cannot fail.
        try! Table(fields.map { ($0.name, ColumnBuilder(type: $0.type).finish()) })
    }

    public var columnCount: Int { columns.count }
    public var names: [String] { fields.map(\.name) }

    public func index(of name: String) -> Int? { fields.firstIndex { $0.name == name } }

    public func column(named name: String) -> Column? { index(of: name).map { columns[$0] } }

    /// The rows at `indices`, in that order.
    public func gathered(_ indices: [Int]) -> Table {
        try! Table(zip(names, columns.map { $0.gathered(indices) }).map { ($0, $1) })
    }

    /// The first `n` rows (all of them when fewer).
    public func prefix(_ n: Int) -> Table {
        n >= rowCount ? self : gathered(Array(0..<max(0, n)))
    }

    /// Bytes occupied by all columns, counting each distinct dictionary once.
    public var byteCount: Int {
        var total = 0
        var seenDictionaries = Set<ObjectIdentifier>()
        for column in columns {
            total += column.valueByteCount
            if let dictionary = column.dictionary, seenDictionaries.insert(ObjectIdentifier(dictionary)).inserted {
                total += dictionary.byteCount
            }
        }
        return total
    }

    /// The row as values, for rendering and tests.
    public func row(_ index: Int) -> [Value] { columns.map { $0.value(at: index) } }
}
