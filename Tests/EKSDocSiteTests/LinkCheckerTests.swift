import EKSDocModel
import EKSDocRender
import EKSDocSite
import EKSDocTestSupport
import XCTest

/// Every internal link must resolve; a broken one is an error at its Markdown line.
final class LinkCheckerTests: XCTestCase {
    func testBrokenLinkFailsWithThePageAndLine() throws {
        let network = MiniSite.page("dev/network.md", "Network", """
        # Network

        ## Subnets

        See [routing](routing.md#default-route) and [nowhere](missing.md).

        Fine: [overview](overview.md), [subnets](#subnets), [site](https://aws.amazon.com).
        """)
        let routing = MiniSite.page("dev/routing.md", "Routing", "# Routing\n\n## Main table\n")
        let overview = MiniSite.page("dev/overview.md", "Overview", "# Overview\n")
        let index = MiniSite.page("index.md", "Mini", "# Mini\n\n[dev](dev/overview.md)\n")
        let (_, diagnostics) = try MiniSite.publish(site: [index], dev: [overview, network, routing])
        let errors = diagnostics.sorted.filter { $0.severity == .error }.map(\.description)
        XCTAssertEqual(errors, [
            "md/dev/network.md:5:15: error: broken link to routing.md#default-route "
                + "(no anchor 'default-route' in dev/routing.html)",
            "md/dev/network.md:5:55: error: broken link to missing.md (no file dev/missing.html in the site)",
        ])
    }

    func testBrokenLinkFailsTheBuildAndNoSiteIsProduced() throws {
        let content = try MiniSite.exampleCopy(adding: [:])
        // A question whose answer links to a page that does not exist.
        try Data("""
        - id: broken-link-question
          topic: VPC
          question: Where is the missing page?
          answer: See [the missing page](no-such-page.md).
        """.utf8).write(to: content.appendingPathComponent("questions/broken.yml").creatingFolder())
        let output = try SitePipeline.build(contentDirectory: content, progress: .silent)
        XCTAssertNil(output.site)
        let errors = output.diagnostics.sorted.filter { $0.severity == .error }
        XCTAssertFalse(errors.isEmpty)
        XCTAssertTrue(errors.allSatisfy { $0.message.hasPrefix("broken link to no-such-page.md") }, "\(errors)")
        XCTAssertTrue(errors.contains { $0.location.file == "md/leadertools-qas/qa.md" && $0.location.line > 0 }, "\(errors)")
    }

    func testTemplateLinksAreCheckedToo() throws {
        var templates = TemplateSet.builtin
        let theme = try TestSupport.makeTree(["partials/header.mustache": "<a href=\"{{root}}nowhere.html\">x</a>"])
        templates = TemplateSet.load(theme: theme.lastPathComponent,
                                     contentDirectory: theme.deletingLastPathComponent()).0
        let page = MiniSite.page("index.md", "Mini", "# Mini\n")
        let (_, diagnostics) = try MiniSite.publish(site: [page, MiniSite.page("glossary.md", "Glossary", "# G\n")],
                                                    dev: [], templates: templates)
        XCTAssertTrue(diagnostics.sorted.contains {
            $0.location.file == "index.html" && $0.message.contains("nowhere.html") && $0.message.contains("template")
        }, "\(diagnostics.sorted)")
    }

    func testExampleSiteHasNoBrokenLink() {
        XCTAssertFalse(ExampleSite.output.diagnostics.items.contains { $0.message.hasPrefix("broken link") })
    }
}

extension URL {
    /// Creates the parent folder and returns the URL.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
