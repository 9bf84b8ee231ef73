// The history file's location and permissions, and the SIGINT handler's effect on the engine's flag.
//
// Test plan
//   history-1  XDG_STATE_HOME wins when absolute; otherwise ~/.local/state; nothing without HOME
//   history-2  prepare() creates the directories and a 0600 file, and narrows an existing file to 0600
//   signal-1   SIGINT sets the session's cancellation flag and the pending-interrupt flag
import Foundation
import TallyQuery
import TallyREPL
import XCTest

final class LineEditingTests: XCTestCase {
    func test_history1_location() {
        XCTAssertEqual(HistoryFile.location(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path,
                       "/s/tally/history")
        XCTAssertEqual(HistoryFile.location(environment: ["XDG_STATE_HOME": "", "HOME": "/h"])?.path,
                       "/h/.local/state/tally/history")
        XCTAssertEqual(HistoryFile.location(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])?.path,
                       "/h/.local/state/tally/history")
        XCTAssertNil(HistoryFile.location(environment: [:]))
    }

    func test_history2_prepareMakesAPrivateFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tally-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = HistoryFile(path: root.path + "/a/b/history")
        XCTAssertTrue(file.prepare())
        XCTAssertEqual(try permissions(file.path), 0o600)
        XCTAssertEqual(try permissions(root.path + "/a/b"), 0o700)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
        XCTAssertTrue(file.prepare())
        XCTAssertEqual(try permissions(file.path), 0o600)
    }

    private func permissions(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    func test_signal1_interruptSetsCancellation() {
        let flag = CancellationFlag()
        InterruptSignal.install(cancellation: flag.address)
        InterruptSignal.clear()
        XCTAssertFalse(flag.isCancelled)
        raise(SIGINT)
        XCTAssertTrue(flag.isCancelled)
        XCTAssertTrue(InterruptSignal.isPending)
        InterruptSignal.clear()
        signal(SIGINT, SIG_DFL)
    }
}
