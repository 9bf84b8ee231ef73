// Snapshots give back exactly the table that was saved: every type, nulls, code widths, edge shapes.
//
// Test plan: every type with and without nulls (NaN, -0.0, empty and non-ASCII strings included);
// the three dictionary code widths; shared dictionaries; an empty table and a table with no
// columns; a million rows; the header fields and 8-byte alignment of the layout.

import Foundation
import XCTest
@testable import TallyStore

final class SnapshotRoundTripTests: XCTestCase {
    func test_everyType_withoutNulls() throws {
        let table = try everyTypeTable(rows: 23, withNulls: false)
        let (loaded, _) = try roundTrip(table)
        assertSameStorage(loaded, table)
        XCTAssertEqual(schema(loaded), ["i:int", "f:float", "b:bool", "s:string", "ts:timestamp", "d:duration", "day:date"])
    }

    func test_everyType_withNulls() throws {
        let table = try everyTypeTable(rows: 131, withNulls: true)
        let (loaded, _) = try roundTrip(table)
        assertSameStorage(loaded, table)
        XCTAssertEqual(loaded.columns.map(\.nullCount), [44, 44, 44, 44, 44, 44, 44])
        XCTAssertEqual(loaded.row(0), [.null, .null, .null, .null, .null, .null, .null])
        XCTAssertEqual(loaded.row(1), [.int(Int64.max / 3 - 7), .float(-0.0), .bool(false), .string("plain"),
                                       .timestamp(1_700_000_000_000_001), .duration(999_995), .date(-2)])
    }

    func test_float_keepsNaN_negativeZero_andInfinity() throws {
        let values: [Double] = [.nan, -0.0, 0.0, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude]
        let (loaded, _) = try roundTrip(try Table([("f", .float(values))]))
        let stored = try XCTUnwrap(loaded.columns[0].floatValues)
        XCTAssertEqual(stored.map(\.bitPattern), values.map(\.bitPattern))
        XCTAssertEqual(stored[1].sign, .minus)
    }

    func test_strings_emptyUnicodeAndNull() throws {
        let values: [String?] = ["", "ü", nil, "中文", "", "👩‍👩‍👧", nil, String(repeating: "x", count: 10_000)]
        let (loaded, _) = try roundTrip(try Table([("s", .string(values))]))
        XCTAssertEqual(loaded.columns[0].count, 8)
        XCTAssertEqual((0..<8).map { loaded.columns[0].value(at: $0) },
                       values.map { $0.map(Value.string) ?? .null })
    }

    func test_codeWidths_u8_u16_u32_arePreserved() throws {
        for (distinct, width) in [(3, 1), (300, 2), (70_000, 4)] {
            let values: [String?] = (0..<(distinct + 5)).map { "v\($0 % distinct)" }
            let table = try Table([("s", .string(values))])
            XCTAssertEqual(table.columns[0].codes?.bytesPerCode, width)
            let (loaded, _) = try roundTrip(table)
            XCTAssertEqual(loaded.columns[0].codes?.bytesPerCode, width, "\(distinct) distinct values")
            assertSameStorage(loaded, table)
        }
    }

    func test_allNullStringColumn_withEmptyDictionary() throws {
        let table = try Table([("s", .string([nil, nil, nil]))])
        XCTAssertEqual(table.columns[0].dictionary?.count, 0)
        let (loaded, _) = try roundTrip(table)
        assertSameStorage(loaded, table)
        XCTAssertEqual(loaded.columns[0].nullCount, 3)
    }

    func test_sharedDictionary_isStoredOnce_andSharedAgain() throws {
        let column = Column.string(["a", "b", "a"])
        let table = try Table([("x", column), ("y", column.gathered([2, 1, 0]))])
        let (loaded, bytes) = try roundTrip(table)
        assertSameStorage(loaded, table)
        let (x, y) = (try XCTUnwrap(loaded.columns[0].dictionary), try XCTUnwrap(loaded.columns[1].dictionary))
        XCTAssertTrue(x === y)
        // Both directory entries point at the same dictionary sections (offsets and bytes).
        let secondEntry = 64 + 112 + 8
        XCTAssertEqual(u64(bytes, at: 64 + 16 + 48), u64(bytes, at: secondEntry + 16 + 48))
        XCTAssertEqual(u64(bytes, at: 64 + 16 + 72), u64(bytes, at: secondEntry + 16 + 72))
    }

    func test_emptyTable_keepsItsSchema() throws {
        let table = Table.empty([Field(name: "a", type: .int), Field(name: "s", type: .string), Field(name: "b", type: .bool)])
        let (loaded, _) = try roundTrip(table)
        XCTAssertEqual(loaded.rowCount, 0)
        XCTAssertEqual(schema(loaded), ["a:int", "s:string", "b:bool"])
    }

    func test_zeroColumns() throws {
        let (loaded, bytes) = try roundTrip(Table.empty)
        XCTAssertEqual(loaded.columnCount, 0)
        XCTAssertEqual(loaded.rowCount, 0)
        XCTAssertEqual(bytes.count, 64)
    }

    func test_millionRows_equal() throws {
        let rows = 1_000_000
        var validity = ValidityBitmap(count: rows, allValid: true)
        for row in stride(from: 5, to: rows, by: 11) { validity.set(row, valid: false) }
        let users: [String?] = (0..<rows).map { "user-\($0 % 100_003)" }
        let table = try Table([
            ("ts", .timestamp((0..<rows).map { 1_700_000_000_000_000 + Int64($0) * 997 })),
            ("user_id", .string(users)),
            ("event", .string((0..<rows).map { ["view", "cart", "buy"][$0 % 3] })),
            ("amount", .float((0..<rows).map { Double($0) / 8 }, validity: validity)),
            ("paid", .bool((0..<rows).map { $0 % 7 == 0 })),
        ])
        let (loaded, bytes) = try roundTrip(table)
        assertSameStorage(loaded, table)
        // ts 8 + user 4 + event 1 + amount 8 + paid 1 bytes per row, the bitmap, the dictionaries,
        // the header and five 120-byte directory entries (names shorter than 8 bytes).
        XCTAssertEqual(bytes.count, 22_000_000 + 125_000 + dictionaryBytes(loaded) + 64 + 5 * 120)
    }

    func test_header_fields_andAlignment() throws {
        let table = try everyTypeTable(rows: 5, withNulls: true)
        let (_, bytes) = try roundTrip(table)
        XCTAssertEqual(Array(bytes[0..<8]), Array("TALLYSNP".utf8))
        XCTAssertEqual(Array(bytes[8..<16]), [1, 0, 0, 0, 0, 0, 0, 0], "version 1, flags 0")
        XCTAssertEqual(u64(bytes, at: 16), 7, "columns")
        XCTAssertEqual(u64(bytes, at: 24), 5, "rows")
        XCTAssertEqual(u64(bytes, at: 40), UInt64(bytes.count), "file length")
        XCTAssertEqual(bytes.count % 8, 0)
        // Every section offset in the directory is a multiple of 8.
        var entry = 64
        for _ in 0..<7 {
            let nameLength = Int(u64(bytes, at: entry) & 0xFFFF_FFFF)
            for section in 0..<4 { XCTAssertEqual(u64(bytes, at: entry + 16 + section * 24) % 8, 0) }
            entry += 112 + (nameLength + 7) / 8 * 8
        }
        XCTAssertEqual(UInt64(entry - 64), u64(bytes, at: 32), "directory length")
    }

    func test_loadsByMagic_whateverTheFileIsCalled() throws {
        let table = try everyTypeTable(rows: 4, withNulls: false)
        let bytes = try snapshotBytes(table)
        let (loaded, _) = try TableLoader.load(bytes: bytes, name: "events.csv")
        assertSameStorage(loaded, table)
    }

    func test_typeOverrides_doNotApply() throws {
        let bytes = try snapshotBytes(try Table([("a", .int([1]))]))
        XCTAssertThrowsError(try TableLoader.load(bytes: bytes, name: "x.tally", options: LoadOptions(typeOverrides: ["a": .float]))) {
            XCTAssertEqual("\($0)", "x.tally:0:0: a snapshot keeps its column types; type overrides do not apply to it")
        }
    }

    private func dictionaryBytes(_ table: Table) -> Int {
        var seen = Set<ObjectIdentifier>()
        return table.columns.compactMap(\.dictionary).filter { seen.insert(ObjectIdentifier($0)).inserted }
            .reduce(0) { $0 + $1.offsets.count * 8 + ($1.bytes.count + 7) / 8 * 8 }
    }
}
