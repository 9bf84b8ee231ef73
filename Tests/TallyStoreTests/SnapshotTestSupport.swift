// Helpers for the snapshot tests: temporary paths, save-and-load, and storage-level table equality.

import Foundation
import XCTest
@testable import TallyStore

/// A fresh, empty directory for one test's files.
func makeSnapshotDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-snapshot-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

/// Saves `table` to a snapshot in a fresh directory, loads it back through `TableLoader`, and
/// returns the loaded table with the file's bytes.
func roundTrip(_ table: Table, file: StaticString = #filePath, line: UInt = #line) throws -> (Table, [UInt8]) {
    let directory = try makeSnapshotDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/t.tally"
    try SnapshotWriter.write(table, toPath: path)
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let (loaded, report) = try TableLoader.load(path: path)
    XCTAssertEqual(report, LoadReport(), file: file, line: line)
    return (loaded, bytes)
}

/// Fails unless the tables are identical down to storage: names, types, validity words, value
/// bits (so NaN and -0.0 count), code widths and dictionary bytes.
func assertSameStorage(_ actual: Table, _ expected: Table, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.fields, expected.fields, file: file, line: line)
    XCTAssertEqual(actual.rowCount, expected.rowCount, file: file, line: line)
    for (index, (a, e)) in zip(actual.columns, expected.columns).enumerated() {
        let name = expected.names[index]
        XCTAssertEqual(a.validity, e.validity, "validity of \(name)", file: file, line: line)
        switch (a.storage, e.storage) {
        case (.int64(let x), .int64(let y)): XCTAssertEqual(x, y, name, file: file, line: line)
        case (.float(let x), .float(let y)):
            XCTAssertEqual(x.map(\.bitPattern), y.map(\.bitPattern), name, file: file, line: line)
        case (.bool(let x), .bool(let y)): XCTAssertEqual(x, y, name, file: file, line: line)
        case (.string(let xc, let xd), .string(let yc, let yd)):
            XCTAssertEqual(xc, yc, "codes of \(name)", file: file, line: line)
            XCTAssertEqual(xd.bytes, yd.bytes, "dictionary of \(name)", file: file, line: line)
            XCTAssertEqual(xd.offsets, yd.offsets, "dictionary of \(name)", file: file, line: line)
        default: XCTFail("storage kinds differ in \(name)", file: file, line: line)
        }
    }
}

/// The `LoadError` text of loading `bytes` saved as `name`, or nil when they load.
func snapshotLoadError(_ bytes: [UInt8], name: String = "x.tally") -> String? {
    do {
        _ = try TableLoader.load(bytes: bytes, name: name)
        return nil
    } catch {
        return error.message
    }
}

/// The bytes of `table` as a snapshot (written, not loaded back).
func snapshotBytes(_ table: Table) throws -> [UInt8] {
    let directory = try makeSnapshotDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    try SnapshotWriter.write(table, toPath: directory + "/t.tally")
    return [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/t.tally")))
}

/// A little-endian u64 of `bytes` at `offset`.
func u64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
    (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
}

/// A table with one column of every type, `rows` rows, nulls every third row when `withNulls`.
func everyTypeTable(rows: Int, withNulls: Bool) throws -> Table {
    func validity() -> ValidityBitmap? {
        guard withNulls else { return nil }
        var bitmap = ValidityBitmap(count: rows, allValid: true)
        for row in stride(from: 0, to: rows, by: 3) { bitmap.set(row, valid: false) }
        return bitmap
    }
    func nulled<T>(_ values: [T], _ zero: T) -> [T] {
        withNulls ? values.enumerated().map { $0.offset % 3 == 0 ? zero : $0.element } : values
    }
    let strings: [String?] = (0..<rows).map { row in
        withNulls && row % 3 == 0 ? nil : ["", "plain", "日本語", "emoji 🎉", "a,b\n\"c\""][row % 5]
    }
    return try Table([
        ("i", .int(nulled((0..<rows).map { Int64($0) * -7 + Int64.max / 3 }, 0), validity: validity())),
        ("f", .float(nulled((0..<rows).map { [1.5, -0.0, .nan, .infinity, -1e-300][$0 % 5] }, 0), validity: validity())),
        ("b", .bool(nulled((0..<rows).map { $0 % 2 == 0 }, false), validity: validity())),
        ("s", .string(strings)),
        ("ts", .timestamp(nulled((0..<rows).map { 1_700_000_000_000_000 + Int64($0) }, 0), validity: validity())),
        ("d", .duration(nulled((0..<rows).map { Int64($0) * 1_000_000 - 5 }, 0), validity: validity())),
        ("day", .date(nulled((0..<rows).map { Int64($0) - 3 }, 0), validity: validity())),
    ])
}
