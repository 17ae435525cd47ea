import EKSDocRender
import EKSDocSite
import EKSDocTestSupport
import Foundation
import XCTest

/// Every "Generated from" entry links to the input-file list (or to the repository when `sourceURL` is set).
final class SourceLinksTests: XCTestCase {
    func testEveryFooterEntryOfTheExampleLinksToItsFileOnTheInputFilesPage() throws {
        let files = ExampleSite.files
        let list = ExampleSite.text("sources.html")
        XCTAssertTrue(list.contains("<h1"), "sources.html is a page")
        var checked = 0
        for path in ExampleSite.htmlPaths where path != "sources.html" {
            let html = ExampleSite.text(path)
            guard let footer = html.range(of: "<ul class=\"sources-list\">") else { continue }
            let items = html[footer.upperBound...].prefix { _ in true }.components(separatedBy: "</ul>")[0]
                .components(separatedBy: "<li>").dropFirst()
            for item in items {
                let file = item.components(separatedBy: "<code>").dropFirst().first?.components(separatedBy: "</code>").first ?? ""
                if file.hasPrefix("eksdoc built-in") {
                    XCTAssertFalse(item.contains("<a href"), "\(path): built-in source \(file) is not linked")
                    continue
                }
                guard let href = item.components(separatedBy: "<a href=\"").dropFirst().first?.components(separatedBy: "\"").first else {
                    XCTFail("\(path): \(file) is not linked"); continue
                }
                let parts = href.components(separatedBy: "#")
                XCTAssertTrue(parts[0].hasSuffix("sources.html"), "\(path): \(href)")
                XCTAssertEqual(parts.count, 2)
                XCTAssertTrue(list.contains("id=\"\(parts[1])\""), "\(path): anchor \(parts[1]) is on sources.html")
                // The heading with that id names the same file.
                let heading = list.components(separatedBy: "id=\"\(parts[1])\"").dropFirst().first ?? ""
                XCTAssertTrue(heading.prefix(300).contains(file), "\(path): anchor \(parts[1]) is the heading of \(file)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100, "footer links checked")
        XCTAssertNotNil(files["md/sources.md"])
        XCTAssertFalse(ExampleSite.text("md/sources.md").contains("eksdoc built-in"), "built-in sources are not input files")
    }

    func testSourceURLLinksEachFileInTheRepositoryEncoded() throws {
        let dir = try TestSupport.makeTree([
            "eksdoc.yml": "title: T\nsourceURL: https://git.example.com/infra/blob/main/docs\nenvironments:\n  dev:\n    sources: [net]\n",
            "net/my vpcs (prod).json": #"{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "State": "available"}]}"#,
        ])
        let output = try SitePipeline.build(contentDirectory: dir, progress: .silent)
        XCTAssertFalse(output.diagnostics.hasErrors, "\(output.diagnostics.items)")
        let files = output.site?.files ?? [:]
        let url = "https://git.example.com/infra/blob/main/docs/net/my%20vpcs%20%28prod%29.json"
        let network = String(decoding: files["dev/network.html"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(network.contains("<a href=\"\(url)\"><code>net/my vpcs (prod).json</code></a>"), network)
        let markdown = String(decoding: files["md/dev/network.md"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(markdown.contains("[`net/my vpcs (prod).json`](\(url))"), markdown)
        let list = String(decoding: files["md/sources.md"] ?? Data(), as: UTF8.self)
        XCTAssertTrue(list.contains("[Open in the repository](\(url))"), list)
        XCTAssertTrue(list.contains("[Network](dev/network.md)"), list)
    }

    func testMarkdownDestinationsEncodeWhatMarkdownWouldMisread() {
        XCTAssertEqual(MD.destination("a b(c)<d>`e\"f\\g"), "a%20b%28c%29%3Cd%3E%60e%22f%5Cg")
        XCTAssertEqual(MD.destination("é"), "%C3%A9")
        XCTAssertEqual(SourceLinks.relative(from: "dev/network.md", to: "sources.md#x"), "../sources.md#x")
        XCTAssertEqual(SourceLinks.relative(from: "index.md", to: "dev/qa.md"), "dev/qa.md")
    }
}
