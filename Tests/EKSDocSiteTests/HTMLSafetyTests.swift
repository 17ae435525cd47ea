import EKSDocModel
import EKSDocRender
import EKSDocSite
import EKSDocTestSupport
import XCTest

/// Untrusted text (tags, names) reaches the HTML escaped; the only scripts are the site's own.
final class HTMLSafetyTests: XCTestCase {
    func testHostileNameTagIsEscapedEverywhere() throws {
        let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        let content = try MiniSite.exampleCopy(replacing: "leadertools.qas.pub.az1", with: hostile)
        let output = try SitePipeline.build(contentDirectory: content, progress: .silent)
        let site = try XCTUnwrap(output.site, "\(output.diagnostics.sorted)")
        let network = String(decoding: try XCTUnwrap(site.files["leadertools-qas/network.html"]), as: UTF8.self)
        XCTAssertTrue(network.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name is shown, escaped")
        var pagesWithName = 0
        let handout = String(decoding: try XCTUnwrap(site.files["handout.html"]), as: UTF8.self)
        XCTAssertTrue(handout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the handout shows the name escaped")
        XCTAssertFalse(HTMLScanner.tags(in: handout).contains { $0.name == "script" }, "the handout needs no scripts")
        for path in site.paths where path.hasSuffix(".html") && path != "handout.html" {
            let html = String(decoding: site.files[path]!, as: UTF8.self)
            if html.contains("alert(1)") { pagesWithName += 1 }
            let tags = HTMLScanner.tags(in: html)
            let scripts = tags.filter { $0.name == "script" && !$0.isClosing }
            XCTAssertEqual(scripts.count, 1, path)
            XCTAssertEqual(scripts.first?.attribute("src").map { $0.hasSuffix("assets/eksdoc.js") }, true, path)
            XCTAssertFalse(tags.contains { $0.name == "img" && $0.attribute("onerror") != nil }, path)
            XCTAssertFalse(tags.contains { $0.attributes.contains { $0.name.hasPrefix("on") } }, path)
        }
        XCTAssertGreaterThan(pagesWithName, 1)
        let index = String(decoding: try XCTUnwrap(site.files["search-index.js"]), as: UTF8.self)
        XCTAssertTrue(index.contains("alert(1)"), "the index holds the text; the client writes it with textContent")
    }

    func testCodeBlocksAndInlineTextStayEscaped() throws {
        let page = MiniSite.page("index.md", "Mini", """
        # Mini

        ```sh
        echo "<script>alert(1)</script>" && aws ec2 describe-vpcs --vpc-ids vpc-1 # done
        ```

        ```yaml
        name: "</code></pre><script>x</script>"
        ```

        <script>alert(3)</script>
        """)
        let (files, diagnostics) = try MiniSite.publish(site: [page], dev: [])
        XCTAssertFalse(diagnostics.hasErrors, "\(diagnostics.sorted)")
        let html = MiniSite.text(files, "index.html")
        XCTAssertFalse(html.contains("<script>alert"), html)
        XCTAssertFalse(html.contains("<script>x"), html)
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html)
        XCTAssertTrue(html.contains("<span class=\"tok-option\">--vpc-ids</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"tok-comment\"># done</span>"), html)
    }

    func testHostileSVGIsNotInlined() throws {
        let page = MiniSite.page("dev/overview.md", "Overview", "# Overview\n\n![Bad](../../diagrams/dev-bad.svg)\n")
        let bad = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
        let (files, _) = try MiniSite.publish(site: [], dev: [page], diagrams: ["diagrams/dev-bad.svg": bad])
        let html = MiniSite.text(files, "dev/index.html")
        XCTAssertFalse(html.contains("<script>alert"), html)
        XCTAssertTrue(html.contains("<img src=\"../diagrams/dev-bad.svg\""), html)
    }
}
