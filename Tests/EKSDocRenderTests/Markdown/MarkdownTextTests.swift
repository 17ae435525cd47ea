import EKSDocRender
import XCTest

final class MarkdownTextTests: XCTestCase {
    func testTextEscapesSpecialsAndHTML() {
        XCTAssertEqual(MD.text("a|b"), "a\\|b")
        XCTAssertEqual(MD.text("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;")
        XCTAssertEqual(MD.text("x\ny"), "x y")
        XCTAssertEqual(MD.text("[x](javascript:y)"), "\\[x\\](javascript:y)")
        XCTAssertEqual(MD.text("*bold* _it_ `code`"), "\\*bold\\* \\_it\\_ \\`code\\`")
        XCTAssertEqual(MD.text("# not a heading"), "\\# not a heading")
        XCTAssertEqual(MD.text("- not a list"), "\\- not a list")
        XCTAssertEqual(MD.text("AT&T"), "AT&amp;T")
    }

    func testHostileCellsKeepTheTableShape() {
        let hostile = "a|b\n`c`|<img src=x onerror=alert(1)>"
        let table = MD.table(["Name", "Value"], [[MD.cell(hostile), MD.code(hostile)]])
        let row = table.split(separator: "\n")[2]
        var separators = 0
        var previous: Character = " "
        var inCode = false
        for ch in row {
            if ch == "`" { inCode.toggle() }
            if ch == "|" && previous != "\\" { separators += 1 }
            previous = ch
        }
        XCTAssertEqual(separators, 3, String(row))
        let html = MarkdownHTML.render(table)
        XCTAssertTrue(html.contains("<table>"))
        XCTAssertFalse(html.contains("<img"), html)
        XCTAssertEqual(html.components(separatedBy: "<td>").count - 1, 2, html)
    }

    func testCodeSpansCannotBeClosedEarly() {
        XCTAssertEqual(MD.code("plain"), "`plain`")
        XCTAssertEqual(MD.code("a`b"), "``a`b``")
        XCTAssertEqual(MD.code("`edge`"), "`` `edge` ``")
        let html = MarkdownHTML.render(MD.code("x`` <b>y</b>"))
        XCTAssertTrue(html.contains("<code>"), html)
        XCTAssertFalse(html.contains("<b>"), html)
    }

    func testLinksAndNumbers() {
        XCTAssertEqual(MD.link("a [b]", "page one.md#x"), "[a \\[b\\]](page%20one.md#x)")
        XCTAssertEqual(MD.number(2038), "2,038")
        XCTAssertEqual(MD.number(65_536), "65,536")
        XCTAssertEqual(MD.number(110), "110")
        XCTAssertEqual(MD.number(-1_019), "-1,019")
        XCTAssertEqual(MD.cell(nil), "—")
    }

    func testAnchorsAreGitHubStyleAndUnique() {
        var anchors = Anchors()
        XCTAssertEqual(anchors.anchor(for: "Route table rtb-0af593cb336560f42 (main)"), "route-table-rtb-0af593cb336560f42-main")
        XCTAssertEqual(anchors.anchor(for: "Subnets"), "subnets")
        XCTAssertEqual(anchors.anchor(for: "Subnets"), "subnets-1")
        XCTAssertEqual(anchors.anchor(for: "Subnets"), "subnets-2")
        XCTAssertEqual(Anchors.slug("CNI & capacity: max pods"), "cni--capacity-max-pods")
        XCTAssertEqual(Anchors.slug("!!!"), "section")
    }

    func testPageDocumentFooterListsSources() {
        var doc = PageDocument(title: "Network")
        doc.heading(2, "VPC")
        doc.source(.init(file: "snapshots/b.json", line: 3, column: 1))
        doc.source(.init(file: "snapshots/a.json", line: 1, column: 1))
        doc.source(.init(file: "snapshots/a.json", line: 9, column: 1))
        doc.source(.init(file: "builtin"))
        let page = doc.page(path: "e/network.md", title: "Network")
        XCTAssertEqual(page.anchors, ["network", "vpc"])
        XCTAssertEqual(page.sources, ["snapshots/a.json", "snapshots/b.json"])
        XCTAssertTrue(page.text.hasSuffix("**Generated from:** `snapshots/a.json`, `snapshots/b.json`.\n"), page.text)
    }
}
