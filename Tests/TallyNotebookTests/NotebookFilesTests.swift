// Fingerprints, the content hash, the unified diff and atomic writes.
//
// Test plan
//   files-1  FNV-1a 64 matches the published test vectors
//   files-2  a fingerprint names the file relative to the folder; changes are warned about
//   files-3  the unified diff is exact and names both sides
//   files-4  atomic write: content replaced, mode kept, no temporary file left; a new file is created
import Foundation
import TallyNotebook
import XCTest

final class NotebookFilesTests: XCTestCase {
    func test_files1_fnv1a64Vectors() {
        XCTAssertEqual(ContentHash.text(of: []), "fnv1a64:cbf29ce484222325")
        XCTAssertEqual(ContentHash.text(of: Array("a".utf8)), "fnv1a64:af63dc4c8601ec8c")
        XCTAssertEqual(ContentHash.text(of: Array("foobar".utf8)), "fnv1a64:85944171f73967e8")
    }

    func test_files2_fingerprintAndChanges() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/e.csv"
        try "a\n".write(toFile: path, atomically: false, encoding: .utf8)
        let real = FilePaths.realPath(path)!
        let fingerprint = DataFingerprinting.fingerprint(of: real, relativeTo: FilePaths.realPath(folder.path)!)
        XCTAssertEqual(fingerprint, DataFingerprint(path: "e.csv", size: 2, hash: ContentHash.text(of: Array("a\n".utf8))))
        let old = DataFingerprint(path: "e.csv", size: 3, hash: "fnv1a64:0000000000000000")
        XCTAssertEqual(DataFingerprinting.changes(from: [old, DataFingerprint(path: "gone.csv", size: 1, hash: "h")],
                                                  to: [fingerprint!]), [
            "warning: data file e.csv changed since the notebook was written (size 3 → 2, fnv1a64:0000000000000000 → \(fingerprint!.hash))",
            "warning: data file gone.csv was not loaded this time",
        ])
        XCTAssertEqual(DataFingerprinting.changes(from: [fingerprint!], to: [fingerprint!]), [])
    }

    func test_files3_unifiedDiff() {
        let diff = OutputDiff.unified(old: ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
                                      new: ["a", "b", "c", "d", "E", "f", "g", "h", "i"],
                                      oldName: "nb.md cell 2 (line 9), recorded output", newName: "nb.md cell 2, replayed output")
        XCTAssertEqual(diff, """
            --- nb.md cell 2 (line 9), recorded output
            +++ nb.md cell 2, replayed output
            @@ -2,7 +2,7 @@
             b
             c
             d
            -e
            +E
             f
             g
             h

            """)
        XCTAssertEqual(OutputDiff.unified(old: ["x"], new: ["x"], oldName: "a", newName: "b"), "")
        XCTAssertEqual(OutputDiff.unified(old: [], new: ["x"], oldName: "a", newName: "b"), "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+x\n")
    }

    func test_files4_atomicWriteKeepsMode() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/nb.md"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(chmod(path, 0o640), 0)
        try AtomicFileWriter.write("new text\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new text\n")
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        XCTAssertEqual(status.st_mode & 0o7777, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["nb.md"])

        try AtomicFileWriter.write("fresh\n", to: folder.path + "/new.md")
        XCTAssertEqual(try String(contentsOfFile: folder.path + "/new.md", encoding: .utf8), "fresh\n")
        XCTAssertThrowsError(try AtomicFileWriter.write("x", to: folder.path + "/missing/nb.md")) { error in
            XCTAssertEqual("\(error)", "cannot write \(folder.path)/missing/nb.md: No such file or directory")
        }
    }
}

/// A fresh folder under the system's temporary folder, removed when released.
final class TemporaryFolder {
    let path: String
    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tally-nb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}
