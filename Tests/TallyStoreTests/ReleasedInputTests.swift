// A mapped CSV drops the pages it has parsed; what it reads again afterwards must still be right.
import Foundation
import XCTest
@testable import TallyStore

final class ReleasedInputTests: XCTestCase {
    /// ~70 MB, so the parser passes several 16 MB checkpoints (where pages are released) in each
    /// of its two chunks. The last row turns `n` from int into float, so re-inference re-reads
    /// the whole file — through pages that were released — and the table must equal the one
    /// parsed from a copy in memory (where nothing is released).
    func test_mappedLoad_withReleasedPages_equalsInMemoryLoad() throws {
        var text = "ts,user_id,event,n,note\n"
        let rows = 1_600_000
        text.reserveCapacity(rows * 80)
        for row in 0..<rows {
            let second = 1_704_067_200 + row * 7
            let user = row * 7919 % 50_000
            text += "\(second),user-\(user),event_\(row % 13),\(row % 1000),\"note, \(row % 97)\"\n"
        }
        text += "1709251200,user-1,event_1,2.5,\"last\"\n"
        let bytes = Array(text.utf8)
        XCTAssertGreaterThan(bytes.count, 64 << 20)
        let path = try writeTemporaryFile(bytes, suffix: ".csv")
        defer { try? FileManager.default.removeItem(atPath: path) }

        let (mapped, _) = try TableLoader.load(path: path)
        let (inMemory, _) = try loadBytes(bytes)
        XCTAssertEqual(schema(mapped), ["ts:int", "user_id:string", "event:string", "n:float", "note:string"])
        XCTAssertEqual(mapped.rowCount, rows + 1)
        assertIdentical(mapped, inMemory)
    }
}
