import EKSDocSite
import EKSDocTestSupport
import XCTest

/// `pages/*.md` of a content project are published beside the generated pages; raw HTML in them is kept only
/// when eksdoc.yml says `allowRawHTML: true`.
final class HandWrittenPagesTests: XCTestCase {
    func project(allowRawHTML: Bool, extra: [String: String] = [:]) throws -> URL {
        try TestSupport.makeTree([
            "eksdoc.yml": "title: Docs\nallowRawHTML: \(allowRawHTML)\nenvironments:\n  demo:\n    sources: [net]\n",
            "net/vpcs.json": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.9.0.0/16"}]}"#,
            "pages/intro.md": "---\ntitle: Introduction\nweight: 1\n---\nWelcome.\n\n<div class=\"banner\">raw</div>\n\n## Runbooks\n\nSee the [glossary](../glossary.md).\n",
            "pages/notes.md": "# Team notes\n\nPlain page without front matter.\n",
        ].merging(extra) { $1 })
    }

    func testPagesArePublishedWithNavigationAndRawHTMLWhenAllowed() throws {
        let site = try XCTUnwrap(SitePipeline.build(contentDirectory: project(allowRawHTML: true), progress: .silent).site)
        XCTAssertNotNil(site.files["md/pages/intro.md"])
        let intro = String(decoding: try XCTUnwrap(site.files["pages/intro.html"]), as: UTF8.self)
        XCTAssertTrue(intro.contains("<div class=\"banner\">raw</div>"), "raw HTML kept when allowed")
        XCTAssertTrue(intro.contains("id=\"runbooks\""))
        XCTAssertTrue(intro.contains("href=\"../glossary.html\""), "links to .md pages are rewritten")
        let index = String(decoding: try XCTUnwrap(site.files["index.html"]), as: UTF8.self)
        XCTAssertTrue(index.contains("Introduction"), "the page is in the navigation")
        XCTAssertTrue(index.contains("Team notes"))
    }

    func testRawHTMLIsDroppedByDefaultAndBadNamesAreErrors() throws {
        let site = try XCTUnwrap(SitePipeline.build(contentDirectory: project(allowRawHTML: false), progress: .silent).site)
        let intro = String(decoding: try XCTUnwrap(site.files["pages/intro.html"]), as: UTF8.self)
        XCTAssertFalse(intro.contains("<div class=\"banner\">"), intro)
        let bad = try SitePipeline.build(contentDirectory: project(allowRawHTML: false, extra: ["pages/bad name.md": "# x\n"]),
                                         progress: .silent)
        XCTAssertNil(bad.site)
        XCTAssertTrue(bad.diagnostics.sorted.contains { $0.location.file == "pages/bad name.md" && $0.severity == .error })
    }
}
