import XCTest
@testable import EKSDocSite

/// Escaping, entity decoding and whitespace collapsing work on bytes for ASCII and keep multi-byte text intact.
final class HTMLTextTests: XCTestCase {
    func testEscape() {
        XCTAssertEqual(HTMLText.escape("plain ü 🚀"), "plain ü 🚀")
        XCTAssertEqual(HTMLText.escape("<a href=\"x\">'&'</a> é"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; é")
    }

    func testDecodeEntities() {
        XCTAssertEqual(HTMLText.decodeEntities("a &amp; b &lt;c&gt; &quot;&apos; &#65;&#x42; &nbsp;"), "a & b <c> \"' AB \u{a0}")
        // Unknown names, missing semicolons and a name longer than the window stay as written.
        XCTAssertEqual(HTMLText.decodeEntities("&bogus; & &amp &#xZZ; &averyveryverylongname;"),
                       "&bogus; & &amp &#xZZ; &averyveryverylongname;")
        XCTAssertEqual(HTMLText.decodeEntities("ü&amp;ö &"), "ü&ö &")
        XCTAssertEqual(HTMLText.decodeEntities("&#1114112;"), "&#1114112;", "not a scalar")
    }

    func testCollapseWhitespace() {
        XCTAssertEqual(HTMLText.collapseWhitespace("  a \n\t b\r\n\u{0B}\u{0C}c  "), "a b c")
        XCTAssertEqual(HTMLText.collapseWhitespace(""), "")
        XCTAssertEqual(HTMLText.collapseWhitespace(" \n "), "")
        // Non-ASCII white space (no-break space, ideographic space) counts too; other text is kept.
        XCTAssertEqual(HTMLText.collapseWhitespace("Größe\u{a0}\u{3000} ✓\u{2028}x "), "Größe ✓ x")
    }
}
