// Markdown prose to HTML: block structure, inline markup, and escaping of anything HTML-like.
@testable import TallyNotebook
import XCTest

final class MarkdownHTMLTests: XCTestCase {
    func test_escape_allFiveCharacters() {
        XCTAssertEqual(HTMLText.escape(#"<a href="x">Tom & 'Jerry'</a>"#),
                       "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
    }

    func test_headingsAndParagraphs() {
        let html = MarkdownHTML.html("# Weekly review\n\nDAU grew **12%**,\nmostly *organic*.\n\n### Notes ###")
        XCTAssertEqual(html, "<h1>Weekly review</h1>\n<p>DAU grew <strong>12%</strong>,\nmostly <em>organic</em>.</p>\n<h3>Notes</h3>")
    }

    func test_inline_codeSpanKeepsMarkersAndEscapes() {
        XCTAssertEqual(MarkdownInline.html("run `events | where x < 3 and *y*` now"),
                       "run <code>events | where x &lt; 3 and *y*</code> now")
    }

    func test_inline_unmatchedMarkersStayText() {
        XCTAssertEqual(MarkdownInline.html("2 * 3 = 6 and a_b"), "2 * 3 = 6 and a_b")
    }

    func test_links_safeSchemesOnly() {
        XCTAssertEqual(MarkdownInline.html("[docs](https://example.com/a?b=1&c=2)"),
                       "<a href=\"https://example.com/a?b=1&amp;c=2\">docs</a>")
        XCTAssertEqual(MarkdownInline.html("[x](javascript:alert(1)"), "<a href=\"#\">x</a>")
        XCTAssertEqual(MarkdownInline.html("[up](../README.md)"), "<a href=\"../README.md\">up</a>")
    }

    func test_rawHTMLIsEscaped() {
        XCTAssertEqual(MarkdownHTML.html("<script>alert('x')</script>"),
                       "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>")
    }

    func test_lists() {
        XCTAssertEqual(MarkdownHTML.html("- one\n- `two`\n\n1. first\n2) second"),
                       "<ul><li>one</li><li><code>two</code></li></ul>\n<ol><li>first</li><li>second</li></ol>")
    }

    func test_fencedCodeAndQuoteAndRule() {
        XCTAssertEqual(MarkdownHTML.html("```sql\nselect 1 < 2\n```\n> quoted *text*\n\n---"),
                       "<pre><code class=\"language-sql\">select 1 &lt; 2</code></pre>\n<blockquote><p>quoted <em>text</em></p></blockquote>\n<hr>")
    }

    func test_tableWithRightAlignedColumn() {
        XCTAssertEqual(MarkdownHTML.html("| channel | users |\n|---|--:|\n| ads | 12 |"),
                       "<table><thead><tr><th>channel</th><th class=\"num\">users</th></tr></thead>"
                       + "<tbody><tr><td>ads</td><td class=\"num\">12</td></tr></tbody></table>")
    }
}
