// Test plan: the column-at-a-time path for plain CSV records gives exactly what the general
// per-record path gives — on random files mixing quotes, empty cells, CRLF, blank lines, ragged
// rows, odd and invalid timestamps, invalid UTF-8, long values and dictionary growth past 256 and
// 65,536 values — in one chunk and in two; and its pieces (canonical timestamps, short-key
// interning) agree with the general parsers.

import XCTest
@testable import TallyStore

final class IngestFastPathTests: XCTestCase {
    /// A deterministic generator (PCG-style LCG), so a failing seed can be replayed.
    private struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    /// Loads `bytes` with both paths and `chunks` pieces; asserts identical tables, reports and errors.
    private func assertPathsAgree(_ bytes: [UInt8], options: LoadOptions, chunks: Int,
                                  file: StaticString = #filePath, line: UInt = #line) {
        var general = options
        general.usesPlainBlocks = false
        func load(_ options: LoadOptions) -> Result<(Table, LoadReport), LoadError> {
            bytes.withUnsafeBytes { buffer in
                do throws(LoadError) {
                    return .success(try TableLoader.load(buffer, name: "r.csv", options: options, chunkCount: chunks))
                } catch { return .failure(error) }
            }
        }
        switch (load(options), load(general)) {
        case let (.success((fastTable, fastReport)), .success((generalTable, generalReport))):
            XCTAssertEqual(fastReport, generalReport, file: file, line: line)
            assertIdentical(fastTable, generalTable, file: file, line: line)
        case let (.failure(fastError), .failure(generalError)):
            XCTAssertEqual(fastError, generalError, file: file, line: line)
        case let (fast, general):
            XCTFail("paths differ: fast \(fast), general \(general)", file: file, line: line)
        }
    }

    private func randomTimestamp(_ random: inout Random) -> String {
        let day = 1 + random.next(28), hour = random.next(24), minute = random.next(60), second = random.next(60)
        let date = "2024-0\(1 + random.next(9))-\(day < 10 ? "0" : "")\(day)"
        let time = String(format: "%02d:%02d:%02d", hour, minute, second)
        switch random.next(40) {
        case 0: return "\(date) \(time)"
        case 1: return "\(date)t\(time)z"
        case 2: return "\(date)T\(time).25Z"
        case 3: return "\(date)T\(time)+02:00"
        case 4: return date
        case 5: return " \(date)T\(time)Z"
        case 6: return "2023-02-29T\(time)Z"     // not a date: the column conflicts
        case 7: return "\(date)T24:00:00Z"        // hour out of range
        case 8: return "\(date)T\(time)Q"
        default: return "\(date)T\(time)Z"
        }
    }

    /// A CSV of `rows` records (user, ts, event, amount, score, flag, note) with every oddity at
    /// a low rate, each oddity enabled by its flag so that files with and without it are tested.
    private func randomCSV(seed: UInt64, rows: Int, oddities: Bool, distinctUsers: Int = 300) -> [UInt8] {
        var random = Random(state: seed)
        var bytes = Array("user,ts,event,amount,score,flag,note\n".utf8)
        let events = ["view_item", "add_to_cart", "purchase", "signup", "a", ""]
        for _ in 0..<rows {
            let newline = oddities && random.chance(10) ? "\r\n" : "\n"
            if oddities && random.chance(1) { bytes += Array(newline.utf8) }   // blank line
            var user = "u\(random.next(distinctUsers))"
            if random.chance(2) { user = "a-user-id-longer-than-sixteen-bytes-\(random.next(5))" }
            if random.chance(2) { user = "" }
            if random.chance(1) { user = "z\u{00FC}rich" }
            if oddities && random.chance(1) { user = "\"quoted, \"\"user\"\"\nline\"" }
            let ts = random.chance(2) ? "" : randomTimestamp(&random)
            let event = events[random.next(events.count)]
            let amount = random.chance(70) ? "" : (random.chance(5) ? " 2.5 " : "\(random.next(10_000)).\(random.next(100))")
            let score = random.chance(80) ? "" : (random.chance(2) ? "x" : "\(random.next(11))")
            let flag = random.chance(3) ? "" : (random.chance(50) ? "true" : "FALSE")
            let note = random.chance(5) ? "\"\"" : "n\(random.next(50))"
            var record = Array([user, ts, event, amount, score, flag, note].joined(separator: ",").utf8)
            if oddities && random.chance(1) { record += Array(",extra".utf8) }        // ragged
            if oddities && random.chance(1) { record.insert(0xFF, at: 1) }           // invalid UTF-8
            bytes += record + Array(newline.utf8)
        }
        if oddities && random.chance(50) { bytes.removeLast() }   // no final line break
        return bytes
    }

    func test_randomFiles_plainBlocksEqualGeneralPath() {
        for seed in 1...24 {
            let oddities = seed % 3 != 0
            let bytes = randomCSV(seed: UInt64(seed), rows: 2_500 + seed * 37, oddities: oddities)
            for chunks in [1, 2] {
                assertPathsAgree(bytes, options: LoadOptions(skipErrors: true), chunks: chunks)
                assertPathsAgree(bytes, options: LoadOptions(), chunks: chunks)
            }
        }
    }

    func test_randomFiles_withOverrides_equalGeneralPath() {
        for seed in 100...111 {
            let bytes = randomCSV(seed: UInt64(seed), rows: 3_000, oddities: seed % 2 == 0)
            let overrides: [String: DataType] = ["score": .int, "ts": .timestamp, "flag": .bool, "note": .string]
            for chunks in [1, 2] {
                assertPathsAgree(bytes, options: LoadOptions(typeOverrides: overrides, skipErrors: true), chunks: chunks)
                assertPathsAgree(bytes, options: LoadOptions(typeOverrides: overrides), chunks: chunks)
            }
        }
    }

    func test_dictionaryGrowsPast256And65536_inBothChunks() throws {
        let bytes = randomCSV(seed: 7, rows: 200_000, oddities: false, distinctUsers: 90_000)
        assertPathsAgree(bytes, options: LoadOptions(), chunks: 2)
        assertPathsAgree(bytes, options: LoadOptions(), chunks: 1)
        let (table, _) = try loadBytes(bytes)
        XCTAssertGreaterThan(table.columns[0].dictionary!.count, 65_536)
    }

    func test_plainBlocks_exactValues() throws {
        let text = "id,ts,name\r\n1,2024-03-01T10:20:30Z,ann\r\n2,,\r\n3,2024-03-01T23:59:59Z,a-name-longer-than-16\r\n"
        let (table, _) = try loadText(text)
        XCTAssertEqual(schema(table), ["id:int", "ts:timestamp", "name:string"])
        XCTAssertEqual(rows(table), [
            [.int(1), .timestamp(micros(2024, 3, 1, 10, 20, 30)), .string("ann")],
            [.int(2), .null, .null],
            [.int(3), .timestamp(micros(2024, 3, 1, 23, 59, 59)), .string("a-name-longer-than-16")],
        ])
    }

    func test_badOverrideValue_inBlock_failsAtTheSamePlace() throws {
        var text = "n,s\n"
        for row in 0..<2_000 { text += "\(row),s\(row % 7)\n" }
        text += "oops,s1\n"
        for row in 0..<100 { text += "\(row),s\(row % 3)\n" }
        let error = loadError(text, options: LoadOptions(typeOverrides: ["n": .int]))
        XCTAssertEqual(error, LoadError(file: "t.csv", line: 2_002, column: 1, message: "expected int, found `oops`"))
        let (table, report) = try loadText(text, options: LoadOptions(typeOverrides: ["n": .int], skipErrors: true))
        XCTAssertEqual(table.rowCount, 2_100)
        XCTAssertEqual(report.skippedRows, 1)
        XCTAssertEqual(table.columns[1].dictionary?.strings, ["s0", "s1", "s2", "s3", "s4", "s5", "s6"])
    }

    func test_canonicalTimestamps_matchGeneralParser() {
        var random = Random(state: 99)
        var parser = CanonicalTimestampParser()
        let alphabet = Array("0123456789:-TZ+ ".utf8)
        for _ in 0..<50_000 {
            var bytes = Array("\(1970 + random.next(100))-\(10 + random.next(3))-\(10 + random.next(22))T\(10 + random.next(14)):\(10 + random.next(50)):\(10 + random.next(50))Z".utf8)
            XCTAssertEqual(bytes.count, 20)
            if random.chance(30) { bytes[random.next(20)] = alphabet[random.next(alphabet.count)] }
            if random.chance(10) { bytes.replaceSubrange(5..<10, with: Array("02-29".utf8)) }
            let fast = bytes.withUnsafeBufferPointer { parser.parse($0.baseAddress!) }
            let general = bytes.withUnsafeBytes { TimestampParser.parseTimestamp($0) }
            if let fast {
                XCTAssertEqual(fast, general, String(decoding: bytes, as: UTF8.self))
            } else if bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z") {
                // Only shapes the fast path does not take may parse elsewhere.
                XCTAssertNil(general, String(decoding: bytes, as: UTF8.self))
            }
        }
        XCTAssertEqual(Array("2024-02-29T23:59:59Z".utf8).withUnsafeBufferPointer { parser.parse($0.baseAddress!) },
                       micros(2024, 2, 29, 23, 59, 59))
        XCTAssertNil(Array("2023-02-29T23:59:59Z".utf8).withUnsafeBufferPointer { parser.parse($0.baseAddress!) })
    }

    func test_shortKeys_distinguishLengthsZeroBytesAndLongValues() {
        var builder = StringDictionaryBuilder()
        let values: [[UInt8]] = [[], [0], [0, 0], Array("a".utf8), Array("a".utf8) + [0], Array("abcdefgh".utf8),
                                 Array("abcdefgh".utf8) + [0], Array("abcdefghijklmnop".utf8),
                                 Array("abcdefghijklmnopq".utf8), Array("abcdefghijklmnop".utf8)]
        let codes = values.map { value in value.withUnsafeBytes { builder.intern($0) } }
        XCTAssertEqual(codes, [0, 1, 2, 3, 4, 5, 6, 7, 8, 7])
        XCTAssertEqual(builder.build().strings.map { Array($0.utf8) }, Array(values.prefix(9)))
    }
}
