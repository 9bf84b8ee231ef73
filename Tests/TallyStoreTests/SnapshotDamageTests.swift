// Damaged, truncated, foreign and future snapshots fail with a clear error, never a wrong table.
//
// Test plan: a flipped byte anywhere; truncation at every kind of boundary; a foreign file with
// and without the `.tally` extension; a newer format version; values that would index out of
// range even though every checksum matches; write failures; atomic replacement.

import Foundation
import XCTest
@testable import TallyStore

final class SnapshotDamageTests: XCTestCase {
    let mismatch = "checksum mismatch: the file is damaged"

    func test_flippedByte_inPayload_isChecksumMismatch() throws {
        var bytes = try snapshotBytes(try everyTypeTable(rows: 40, withNulls: true))
        bytes[bytes.count - 3] ^= 0x10
        XCTAssertEqual(snapshotLoadError(bytes), mismatch)
    }

    func test_flippedByte_inDirectory_isChecksumMismatch() throws {
        var bytes = try snapshotBytes(try everyTypeTable(rows: 40, withNulls: true))
        bytes[64 + 112] ^= 0x01  // the first column's name
        XCTAssertEqual(snapshotLoadError(bytes), mismatch)
    }

    /// Every single-byte flip of a small snapshot is caught; none loads as a different table.
    func test_everySingleByteFlip_isRejected() throws {
        let bytes = try snapshotBytes(try everyTypeTable(rows: 9, withNulls: true))
        var kinds: [String: Int] = [:]
        for index in 8..<bytes.count {
            var damaged = bytes
            damaged[index] ^= 0x04
            guard let message = snapshotLoadError(damaged) else { return XCTFail("flip at \(index) loaded") }
            let kind = message.hasPrefix("snapshot version ") ? "version"
                : message.hasPrefix("the snapshot is damaged: the padding byte") ? "padding" : message
            kinds[kind, default: 0] += 1
        }
        // Version bytes 8..<12 read as a newer version; the padding after the 9-byte bool, code and
        // dictionary sections must be zero; every other byte is covered by a checksum.
        XCTAssertEqual(kinds["version"], 4)
        XCTAssertEqual(kinds["padding"], 7 + 7 + paddingAfterDictionary(bytes))
        XCTAssertEqual(kinds[mismatch], bytes.count - 8 - 4 - kinds["padding"]!)
        XCTAssertEqual(kinds.count, 3, "\(kinds)")
    }

    func test_truncated_snapshot() throws {
        let bytes = try snapshotBytes(try everyTypeTable(rows: 40, withNulls: true))
        let total = bytes.count
        XCTAssertEqual(snapshotLoadError(Array(bytes.prefix(total - 1))), "the snapshot is truncated: it has \(total - 1) of its \(total) bytes")
        XCTAssertEqual(snapshotLoadError(Array(bytes.prefix(64))), "the snapshot is truncated: it has 64 of its \(total) bytes")
        XCTAssertEqual(snapshotLoadError(Array(bytes.prefix(63))),
                       "the snapshot is truncated: it has 63 bytes, fewer than its 64-byte header")
        XCTAssertEqual(snapshotLoadError(Array(bytes.prefix(8))), "the snapshot is truncated: it has 8 bytes, fewer than its 64-byte header")
    }

    func test_extraBytes_afterTheEnd() throws {
        let bytes = try snapshotBytes(try Table([("a", .int([1, 2]))]))
        XCTAssertEqual(snapshotLoadError(bytes + [0, 0, 0]), "the snapshot is damaged: 3 unexpected bytes after its end")
    }

    func test_foreignFile_isNotASnapshot() throws {
        XCTAssertEqual(snapshotLoadError(Array("a,b\n1,2\n".utf8)), "not a Tally snapshot")
        XCTAssertEqual(snapshotLoadError([]), "not a Tally snapshot")
        XCTAssertEqual(snapshotLoadError(Array("TALLYSN".utf8)), "not a Tally snapshot")
        let path = try writeTemporaryFile(Array("events | count\n".utf8), suffix: ".tally")
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try TableLoader.load(path: path)) { XCTAssertEqual("\($0)", "\(path):0:0: not a Tally snapshot") }
    }

    func test_newerVersion_isRefusedByNumber() throws {
        var bytes = try snapshotBytes(try Table([("a", .int([1]))]))
        bytes[8] = 3
        XCTAssertEqual(snapshotLoadError(bytes), "snapshot version 3 is newer than this Tally (1)")
    }

    func test_outOfRangeCode_withValidChecksums_isRejected() throws {
        let column = Column(type: .string, storage: .string(.u8([0, 5]), StringDictionary(["a", "b"])))
        let bytes = try snapshotBytes(try Table([("s", column)]))
        XCTAssertEqual(snapshotLoadError(bytes), "the snapshot is damaged: column `s` has a dictionary code past the end of its dictionary")
    }

    func test_writeErrors_nameThePath_andLeaveNothingBehind() throws {
        let directory = try makeSnapshotDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = try Table([("a", .int([1]))])
        XCTAssertThrowsError(try SnapshotWriter.write(table, toPath: directory + "/missing/x.tally")) {
            XCTAssertEqual("\($0)", directory + "/missing/x.tally: cannot create: No such file or directory")
        }
        try FileManager.default.createDirectory(atPath: directory + "/taken", withIntermediateDirectories: false)
        XCTAssertThrowsError(try SnapshotWriter.write(table, toPath: directory + "/taken")) {
            XCTAssertEqual("\($0)", directory + "/taken: cannot write: Is a directory")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["taken"])
    }

    func test_overwrite_replacesTheFile_andLeavesNoTemporaryFiles() throws {
        let directory = try makeSnapshotDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/t.tally"
        try SnapshotWriter.write(try Table([("a", .int([1, 2, 3]))]), toPath: path)
        try SnapshotWriter.write(try Table([("b", .string(["x"]))]), toPath: path)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["t.tally"])
        let (loaded, _) = try TableLoader.load(path: path)
        XCTAssertEqual(rows(loaded), [[.string("x")]])
    }

    /// Zero bytes padding the string column's dictionary arena to a multiple of 8.
    private func paddingAfterDictionary(_ bytes: [UInt8]) -> Int {
        // Column 4 (`s`) is the string column; entries are 112 bytes plus the name padded to 8.
        let entry = 64 + 3 * (112 + 8)
        let arenaLength = Int(u64(bytes, at: entry + 16 + 3 * 24 + 8))
        return (arenaLength + 7) / 8 * 8 - arenaLength
    }
}
