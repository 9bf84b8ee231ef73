// The store's core types: builders, dictionaries, code widths, validity, gathering, tables.
import XCTest
@testable import TallyStore

final class ColumnCoreTests: XCTestCase {
    func test_stringColumn_dictionaryEncodesInFirstSeenOrder() {
        let column = Column.string(["b", "a", nil, "b", "c"])
        XCTAssertEqual(column.dictionary?.strings, ["b", "a", "c"])
        XCTAssertEqual(column.codes?.widened, [0, 1, 0, 0, 2])
        XCTAssertEqual(column.nullCount, 1)
        XCTAssertEqual((0..<5).map { column.value(at: $0) },
                       [.string("b"), .string("a"), .null, .string("b"), .string("c")])
    }

    func test_dictionaryCodes_narrowestWidth() {
        XCTAssertEqual(DictionaryCodes([0, 255], distinctCount: 256).bytesPerCode, 1)
        XCTAssertEqual(DictionaryCodes([0, 256], distinctCount: 257).bytesPerCode, 2)
        XCTAssertEqual(DictionaryCodes([0, 70_000], distinctCount: 70_001).bytesPerCode, 4)
        XCTAssertEqual(DictionaryCodes([3, 70_000], distinctCount: 70_001)[1], 70_000)
    }

    func test_dictionaryBuilder_internsManyValuesAcrossGrowth() {
        var builder = StringDictionaryBuilder()
        let values = (0..<10_000).map { "user-\($0 * 7919 % 10_000)" }
        let codes = values.map { builder.intern($0) }
        XCTAssertEqual(builder.count, 10_000)
        let again = values.map { builder.intern($0) }
        XCTAssertEqual(codes, again)
        let dictionary = builder.build()
        XCTAssertEqual(dictionary.string(at: Int(codes[42])), values[42])
        XCTAssertEqual(dictionary.code(of: values[9_999]), Int(codes[9_999]))
        XCTAssertNil(dictionary.code(of: "nobody"))
    }

    func test_dictionaryBuilder_distinguishesEmptyAndPrefixes() {
        var builder = StringDictionaryBuilder()
        XCTAssertEqual(builder.intern(""), 0)
        XCTAssertEqual(builder.intern("abcdefgh"), 1)
        XCTAssertEqual(builder.intern("abcdefghi"), 2)
        XCTAssertEqual(builder.intern(""), 0)
        XCTAssertEqual(builder.build().strings, ["", "abcdefgh", "abcdefghi"])
    }

    func test_validity_absentWithoutNulls_andGatheredWithRows() {
        var builder = ColumnBuilder(type: .int)
        builder.append(int64: 1)
        builder.append(int64: 2)
        XCTAssertNil(builder.finish().validity)
        builder.appendNull()
        let column = builder.finish()
        XCTAssertEqual(column.nullCount, 1)
        let gathered = column.gathered([2, 0, 2])
        XCTAssertEqual((0..<3).map { gathered.value(at: $0) }, [.null, .int(1), .null])
    }

    func test_validityBitmap_acrossWordBoundary() {
        var bitmap = ValidityBitmap()
        for row in 0..<130 { bitmap.append(row % 3 != 0) }
        XCTAssertEqual(bitmap.count, 130)
        XCTAssertEqual(bitmap.nullCount, 44)
        XCTAssertFalse(bitmap.isValid(129))
        XCTAssertTrue(bitmap.isValid(128))
        XCTAssertEqual(ValidityBitmap(count: 70, allValid: true).validCount, 70)
    }

    func test_table_rejectsRaggedAndDuplicateColumns() {
        XCTAssertThrowsError(try Table([("a", .int([1, 2])), ("b", .int([1]))])) { error in
            XCTAssertEqual(error as? TableError, .lengthMismatch(column: "b", expected: 2, found: 1))
        }
        XCTAssertThrowsError(try Table([("a", .int([1])), ("a", .int([1]))])) { error in
            XCTAssertEqual(error as? TableError, .duplicateColumn("a"))
        }
    }

    func test_table_sharesDictionaryInByteCount() throws {
        let users = Column.string(["u1", "u2", "u1"])
        let table = try Table([("user", users), ("again", users.gathered([0, 1, 2]))])
        XCTAssertEqual(table.byteCount, 3 + 3 + users.dictionary!.byteCount)
    }
}
