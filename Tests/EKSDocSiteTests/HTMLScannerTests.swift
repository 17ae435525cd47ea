import XCTest
@testable import EKSDocSite

/// The byte-level tag scanner: positions stay right after multi-byte text, comments and script bodies are skipped,
/// attribute forms and letter case are handled, and rewriting touches only the values asked for.
final class HTMLScannerTests: XCTestCase {
    func testTagsAttributesAndRangesAfterMultiByteText() {
        let html = "<p>Größe ✓ 🚀</p><A HREF='x.html' data-n=5 hidden>ok</a><!-- <a href=\"no\"> --><img src=\"é.svg\"/>"
        let tags = HTMLScanner.tags(in: html)
        XCTAssertEqual(tags.map(\.name), ["p", "p", "a", "a", "img"])
        XCTAssertEqual(tags.map(\.isClosing), [false, true, false, true, false])
        let anchor = tags[2]
        XCTAssertEqual(anchor.attributes.map(\.name), ["href", "data-n", "hidden"])
        XCTAssertEqual(anchor.attribute("href"), "x.html")
        XCTAssertEqual(anchor.attribute("data-n"), "5")
        XCTAssertEqual(anchor.attribute("hidden"), "")
        XCTAssertEqual(String(html[anchor.range]), "<A HREF='x.html' data-n=5 hidden>")
        XCTAssertEqual(String(html[anchor.attributes[0].valueRange]), "x.html")
        XCTAssertEqual(tags[4].attribute("src"), "é.svg")
        XCTAssertEqual(String(html[tags[4].range]), "<img src=\"é.svg\"/>")
    }

    func testScriptAndStyleBodiesAreSkippedInAnyCase() {
        let html = "<script>if (a<b) { x = '<a href=\"in-script\">' }</SCRIPT><style>a<b{}</style ><a href=\"after\">"
        let tags = HTMLScanner.tags(in: html)
        XCTAssertEqual(tags.map(\.name), ["script", "script", "style", "style", "a"])
        XCTAssertEqual(tags.last?.attribute("href"), "after")
    }

    func testEntitiesDecodedAndUnterminatedInput() {
        XCTAssertEqual(HTMLScanner.tags(in: "<a title=\"a &amp; b &#x41;&lt;\">").first?.attribute("title"), "a & b A<")
        // Truncated markup ends the scan without running past the end.
        XCTAssertEqual(HTMLScanner.tags(in: "<a href=\"open").first?.attribute("href"), "open")
        XCTAssertEqual(HTMLScanner.tags(in: "text <").count, 0)
        XCTAssertEqual(HTMLScanner.tags(in: "<!-- never closed <a href=x>").count, 0)
    }

    func testRewriteAttributesKeepsEverythingElse() {
        let html = "<p>ü</p><a href=\"a.md#x\" class=\"k\">a</a><img src='d.svg' alt=\"<&>\">"
        let out = HTMLScanner.rewriteAttributes(in: html) { tag, name, value in
            name == "href" || (tag.name == "img" && name == "src") ? "new-" + value : nil
        }
        XCTAssertEqual(out, "<p>ü</p><a href=\"new-a.md#x\" class=\"k\">a</a><img src='new-d.svg' alt=\"<&>\">")
    }
}
