// Lexer edge cases: time literals, durations, continuation lines, comments, errors.
import XCTest
import TallyStore
@testable import TallyQuery

final class LexerTests: XCTestCase {
    private func kinds(_ text: String) throws -> [TokenKind] {
        try Lexer.tokenize(SourceText(origin: "<test>", text: text)).map(\.kind)
    }

    func test_lexer_dateAndTimestampLiterals() throws {
        let day = CivilTime.days(year: 2024, month: 3, day: 1)
        let eight = day * CivilTime.microsPerDay + 8 * CivilTime.microsPerHour
        XCTAssertEqual(try kinds("2024-03-01"), [.date(day), .end])
        XCTAssertEqual(try kinds("2024-03-01T08:00:00Z"), [.timestamp(eight), .end])
        XCTAssertEqual(try kinds("2024-03-01T08:00:00"), [.timestamp(eight), .end])
        XCTAssertEqual(try kinds("2024-03-01T08:00"), [.timestamp(eight), .end])
        XCTAssertEqual(try kinds("2024-03-01T16:00:00+08:00"), [.timestamp(eight), .end])
        XCTAssertEqual(try kinds("2024-03-01T08:00:00.25Z"), [.timestamp(eight + 250_000), .end])
    }

    func test_lexer_invalidDateIsArithmetic() throws {
        // 2024-02-30 is no date: it lexes as 2024 - 02 - 30.
        XCTAssertEqual(try kinds("2024-02-30"), [.integer(2024), .symbol("-"), .integer(2), .symbol("-"), .integer(30), .end])
    }

    func test_lexer_durations() throws {
        XCTAssertEqual(try kinds("90s 15m 12h 7d 2w 500ms 1h30m"), [
            .duration(90_000_000), .duration(900_000_000), .duration(12 * CivilTime.microsPerHour),
            .duration(7 * CivilTime.microsPerDay), .duration(14 * CivilTime.microsPerDay), .duration(500_000),
            .duration(90 * CivilTime.microsPerMinute), .end,
        ])
    }

    func test_lexer_numbers() throws {
        XCTAssertEqual(try kinds("42 3.5 1e3 1_000 0.5"), [.integer(42), .float(3.5), .float(1000), .integer(1000), .float(0.5), .end])
    }

    func test_lexer_stringEscapes() throws {
        XCTAssertEqual(try kinds(#""a\"b\n" 'it\'s'"#), [.string("a\"b\n"), .string("it's"), .end])
    }

    func test_lexer_newlinesEndStatementsOutsideBrackets() throws {
        XCTAssertEqual(try kinds("a\nb"), [.identifier, .statementEnd, .identifier, .end])
        XCTAssertEqual(try kinds("f(a,\nb)"), [.identifier, .symbol("("), .identifier, .symbol(","), .identifier, .symbol(")"), .end])
    }

    func test_lexer_pipeContinuesOnEitherSideOfNewline() throws {
        XCTAssertEqual(try kinds("a |\n b"), [.identifier, .symbol("|"), .identifier, .end])
        XCTAssertEqual(try kinds("a\n\n  | b"), [.identifier, .symbol("|"), .identifier, .end])
    }

    func test_lexer_commentsAndSemicolons() throws {
        XCTAssertEqual(try kinds("a # note\nb // more\n; c"), [.identifier, .statementEnd, .identifier, .statementEnd, .identifier, .end])
    }

    func test_lexer_spansAreByteOffsets() throws {
        let tokens = try Lexer.tokenize(SourceText(origin: "<test>", text: "\"é\" x"))
        XCTAssertEqual(tokens[1].span, SourceSpan(start: 5, end: 6))
    }

    func test_lexer_unterminatedStringIsSyntaxError() {
        XCTAssertThrowsError(try kinds("\"abc")) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertEqual(diagnostic?.message, "unterminated string")
            XCTAssertEqual(diagnostic?.span, SourceSpan(start: 0, end: 1))
        }
    }
}
