import XCTest
@testable import EKSDocRender

/// `escapingRawHTML` skips its parse only for text that cannot hold raw HTML or an unsafe link.
final class MarkdownEscapeTests: XCTestCase {
    func testPlainPagesComeBackUnchanged() {
        let page = "# Title\n\nSee [x](other.md#a) and https://example.com/a:b.\n\n```yaml\nkey: value\n```\n"
        XCTAssertFalse(MarkdownHTML.mayHoldRawHTMLOrUnsafeLinks(page))
        XCTAssertEqual(MarkdownHTML.escapingRawHTML(page), page)
        XCTAssertFalse(MarkdownHTML.mayHoldRawHTMLOrUnsafeLinks(""))
        XCTAssertFalse(MarkdownHTML.mayHoldRawHTMLOrUnsafeLinks("a:"))
    }

    func testEveryWayToSpellADangerTakesTheFullPath() {
        let dangerous = [
            "<script>alert(1)</script>",
            "[x](JavaScript:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x]: vbscript:msgbox\n\n[y][x]",
            "[x](<file:///etc/passwd>)",
            "![x](DATA:text/html;base64,AAAA)",
            "text &lt; more",
            "[x](javascript\\:alert(1))",
            "[x]: data\\:text/html,x\n\n[y][x]",
        ]
        for text in dangerous {
            XCTAssertTrue(MarkdownHTML.mayHoldRawHTMLOrUnsafeLinks(text), text)
        }
        // And the full path still does its work on them.
        XCTAssertFalse(MarkdownHTML.escapingRawHTML("[x](&#106;avascript:alert(1))").contains("avascript:alert"))
        XCTAssertFalse(MarkdownHTML.escapingRawHTML("[x](JavaScript:alert(1))").lowercased().contains("javascript:"))
        let escaped = MarkdownHTML.escapingRawHTML("[x](javascript\\:alert(1))")
        XCTAssertFalse(escaped.contains("alert"), "a backslash-escaped colon is still a scheme: \(escaped)")
        XCTAssertFalse(MarkdownHTML.render(MarkdownHTML.escapingRawHTML("<b onclick=x>hi</b>"), allowRawHTML: true).contains("<b"))
    }
}
