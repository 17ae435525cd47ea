import EKSDocIngest
import EKSDocModel
import EKSDocQA
import EKSDocRender
@testable import EKSDocSite
import EKSDocTestSupport
import XCTest

/// The example content published as an HTML site.
final class HTMLSiteTests: XCTestCase {
    func testExampleSiteBuildsWithEveryPageAndNoBrokenLink() throws {
        let output = ExampleSite.output
        XCTAssertFalse(output.diagnostics.hasErrors, "\(output.diagnostics.sorted)")
        let files = ExampleSite.files
        for path in ["index.html", "leadertools-qas/index.html", "leadertools-qas/network.html",
                     "leadertools-qas/cni-capacity.html", "leadertools-qas/qa.html", "leadertools-qas/qa-practice.html",
                     "retail-store/index.html", "concepts/index.html", "concepts/prefix-delegation.html", "glossary.html",
                     "assets/eksdoc.css", "assets/eksdoc.js", "search-index.json", "search-index.js",
                     "md/leadertools-qas/network.md", "diagrams/leadertools-qas-topology.svg"] {
            XCTAssertNotNil(files[path], path)
        }
        XCTAssertNil(files["leadertools-qas/overview.html"], "the overview is the environment's index.html")
        // One HTML page per Markdown page.
        let markdown = files.keys.filter { $0.hasPrefix("md/") && $0.hasSuffix(".md") }
        XCTAssertEqual(ExampleSite.htmlPaths.count, markdown.count)
    }

    func testMarkdownTreeDiagramsAndModelAreExactlySiteBuilders() throws {
        let (inventory, _) = ContentLoader.load(TestSupport.content)
        var sorted = inventory
        sorted.environments.sort { $0.name < $1.name }
        let extensions = DocumentationExtensions.load(contentDirectory: TestSupport.content).0
        let reference = try SiteBuilder.build(sorted, extensions: extensions)
        let ours = ExampleSite.files.filter { reference.files[$0.key] != nil || $0.key.hasPrefix("md/")
            || $0.key.hasPrefix("diagrams/") || $0.key == "model.json" }
        XCTAssertEqual(Set(ours.keys), Set(reference.paths))
        for path in reference.paths where ours[path] != reference.files[path] { XCTFail("\(path) differs from SiteBuilder's") }
    }

    func testPagesMatchTheMarkdownTreeByteForByte() throws {
        let pages = try XCTUnwrap(ExampleSite.output.pages).all
        let markdown = Set(ExampleSite.files.keys.filter { $0.hasPrefix("md/") })
        XCTAssertEqual(Set(pages.map { "md/" + $0.path }), markdown)
        for page in pages {
            XCTAssertEqual(ExampleSite.text("md/" + page.path), page.text, page.path)
        }
    }

    func testEveryPageHasTheDocumentSkeleton() {
        for path in ExampleSite.htmlPaths {
            let html = ExampleSite.text(path)
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\""), path)
            for element in ["<head>", "<title>", "<nav id=\"sidebar\"", "<main id=\"content\"", "</main>", "</html>"] {
                XCTAssertTrue(html.contains(element), "\(path) lacks \(element)")
            }
            XCTAssertFalse(html.contains("raw HTML omitted"), path)
        }
        let network = ExampleSite.text("leadertools-qas/network.html")
        XCTAssertTrue(network.contains("<title>Network · eksdoc examples</title>"), network)
        XCTAssertTrue(network.contains("href=\"../assets/eksdoc.css\""))
        XCTAssertTrue(network.contains("class=\"breadcrumbs\""))
        XCTAssertTrue(network.contains("rel=\"prev\" href=\"index.html\""), "previous is the overview")
        XCTAssertTrue(network.contains("rel=\"next\" href=\"routing.html\""))
        XCTAssertTrue(network.contains("<aside class=\"toc\""))
        XCTAssertTrue(network.contains("<a href=\"network.html\" aria-current=\"page\">Network</a>"))
        XCTAssertTrue(network.contains("class=\"sources\""))
        XCTAssertFalse(network.contains("<strong>Generated from:</strong>"), "the layout shows the sources")
    }

    func testNavigationBreadcrumbsAndPager() throws {
        let pages = try XCTUnwrap(ExampleSite.output.pages)
        let navigation = SiteNavigation(pages, routes: SiteRoutes(environments: ["leadertools-qas", "retail-store"]))
        XCTAssertEqual(navigation.sections.map(\.title), ["Home", "leadertools-qas", "retail-store", "Concepts", "Glossary", "Input files"])
        let env = navigation.sections[1]
        XCTAssertEqual(env.landing.path, "leadertools-qas/index.html")
        XCTAssertEqual(env.entries.map(\.title), EnvironmentPages.builders.map { $0.title }
                       + ["Questions and answers", "Practice questions"])
        XCTAssertEqual(navigation.breadcrumbs(for: "leadertools-qas/index.html").map(\.title), ["Home", "leadertools-qas"])
        XCTAssertEqual(navigation.breadcrumbs(for: "concepts/vpc.html").map(\.title), ["Home", "Concepts", "VPC"])
        XCTAssertEqual(navigation.neighbours(of: "leadertools-qas/qa-practice.html").next, nil)
        XCTAssertEqual(navigation.neighbours(of: "leadertools-qas/qa-practice.html").previous?.path, "leadertools-qas/qa.html")
        // The sidebar lists the current environment open, with the page marked.
        let qa = ExampleSite.text("leadertools-qas/qa.html")
        XCTAssertTrue(qa.contains("<li class=\"nav-section open\">\n<details open>\n<summary><a href=\"index.html\">leadertools-qas</a>"), qa)
        XCTAssertTrue(qa.contains("<a href=\"qa.html\" aria-current=\"page\">Questions and answers</a>"))
        XCTAssertTrue(qa.contains("<a href=\"../glossary.html\">Glossary</a>"))
        XCTAssertTrue(qa.contains("data-environment=\"leadertools-qas\""))
        let toc = qa.components(separatedBy: "<aside class=\"toc\"").last ?? ""
        XCTAssertFalse(toc.contains("class=\"sub\""), "a Q&A page lists only its topics")
    }

    func testALargeSectionListsOnlyTheEntriesAroundTheCurrentPage() {
        let entries = (0..<200).map { SiteNavigation.Entry(title: "P\($0)", path: "pages/p\($0).html") }
        let section = SiteNavigation.Section(title: "Pages", landing: entries[0], entries: entries)
        let limit = PageView.maximumSectionEntries
        XCTAssertEqual(PageView.sidebarEntries(section, current: nil), [], "closed: no entries")
        let middle = PageView.sidebarEntries(section, current: "pages/p100.html")
        XCTAssertEqual(middle.count, limit)
        XCTAssertEqual(middle.first?.title, "P\(100 - limit / 2)")
        XCTAssertTrue(middle.contains(entries[100]))
        XCTAssertEqual(PageView.sidebarEntries(section, current: "pages/p0.html").first?.title, "P0")
        XCTAssertEqual(PageView.sidebarEntries(section, current: "pages/p199.html").last?.title, "P199")
        let small = SiteNavigation.Section(title: "S", landing: entries[0], entries: Array(entries.prefix(limit)))
        XCTAssertEqual(PageView.sidebarEntries(small, current: nil).count, limit, "small sections are listed in full")
    }

    func testHeadingIDsAreTheMarkdownAnchors() throws {
        let pages = try XCTUnwrap(ExampleSite.output.pages).all
        let routes = SiteRoutes(environments: ["leadertools-qas", "retail-store"])
        var checked = 0
        for page in pages {
            let html = ExampleSite.text(routes.htmlPath(forMarkdown: page.path))
            let ids = HTMLScanner.tags(in: html).filter { ["h1", "h2", "h3", "h4", "h5", "h6"].contains($0.name) }
                .compactMap { $0.attribute("id") }
            guard !page.anchors.isEmpty else { continue }
            XCTAssertEqual(ids, page.anchors, page.path)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
    }

    func testDiagramsAreInlineAndZoomable() {
        let network = ExampleSite.text("leadertools-qas/network.html")
        XCTAssertTrue(network.contains("<figure class=\"diagram\">"), "capacity chart")
        XCTAssertTrue(network.contains("Subnet address capacity: leadertools-qas"))
        XCTAssertTrue(network.contains("href=\"../diagrams/leadertools-qas-capacity.svg\">Full size</a>"))
        let overview = ExampleSite.text("leadertools-qas/index.html")
        XCTAssertTrue(overview.contains("<div class=\"diagram-frame\" tabindex=\"0\" role=\"button\""))
        XCTAssertTrue(overview.contains("<svg class=\"diagram-svg\""), "topology")
        XCTAssertTrue(overview.contains("href=\"../diagrams/leadertools-qas-topology.svg\""))
        XCTAssertFalse(overview.contains("<?xml"))
        XCTAssertFalse(overview.contains("<!DOCTYPE svg"))
        XCTAssertFalse(overview.contains("<img src=\"../diagrams/leadertools-qas-topology.svg"))
    }

    func testLinksPointAtHTMLPages() {
        let overview = ExampleSite.text("leadertools-qas/index.html")
        XCTAssertTrue(overview.contains("href=\"cni-capacity.html\""))
        XCTAssertTrue(overview.contains("href=\"../concepts/vpc.html\""))
        let network = ExampleSite.text("leadertools-qas/network.html")
        XCTAssertTrue(network.contains("href=\"routing.html#leadertools-qas-public-rt-rtb-0c706da088d700de3\""))
        for path in ExampleSite.htmlPaths {
            let html = ExampleSite.text(path)
            let links = HTMLScanner.tags(in: html).compactMap { $0.attribute("href") }
            XCTAssertFalse(links.contains { !SiteRoutes.isExternal($0) && SiteRoutes.split($0).path.hasSuffix(".md")
                && !$0.contains("md/") }, "\(path) still links to Markdown")
        }
    }

    func testAdmonitionsAndFoldedAnswers() {
        let flows = ExampleSite.text("leadertools-qas/traffic-flows.html")
        XCTAssertTrue(flows.contains("<div class=\"callout callout-note\" role=\"note\">"), flows)
        XCTAssertTrue(flows.contains("<div class=\"callout callout-warning\" role=\"note\">"))
        XCTAssertFalse(flows.contains("[!NOTE]"))
        let practice = ExampleSite.text("leadertools-qas/qa-practice.html")
        XCTAssertTrue(practice.contains("<details class=\"answer\">\n<summary>Answer</summary>"))
        XCTAssertEqual(practice.components(separatedBy: "<details").count, practice.components(separatedBy: "</details>").count)
    }

    func testCodeIsHighlighted() {
        let troubleshooting = ExampleSite.text("leadertools-qas/troubleshooting.html")
        XCTAssertTrue(troubleshooting.contains("<span class=\"tok-command\">aws</span>"), "shell")
    }

    func testSearchIndexFindsPrefixDelegationOnTheCNIPage() throws {
        let index = try JSONDecoder().decode(SearchIndex.self, from: XCTUnwrap(ExampleSite.files["search-index.json"]))
        let page = try XCTUnwrap(index.pages.first { $0.url == "leadertools-qas/cni-capacity.html" })
        XCTAssertEqual(page.environment, "leadertools-qas")
        XCTAssertTrue(page.sections.contains {
            $0.heading.lowercased().contains("prefix delegation") || $0.text.lowercased().contains("prefix delegation")
        })
        for section in page.sections where !section.anchor.isEmpty {
            XCTAssertTrue(ExampleSite.text(page.url).contains("id=\"\(section.anchor)\""), section.anchor)
        }
        let script = ExampleSite.text("search-index.js")
        XCTAssertTrue(script.hasPrefix("window.EKSDOC_SEARCH = {"))
        XCTAssertEqual(script.dropFirst("window.EKSDOC_SEARCH = ".count).dropLast(2),
                       Substring(ExampleSite.text("search-index.json")))
        XCTAssertFalse(index.pages.contains { $0.url.hasSuffix("qa-practice.html") }, "practice repeats the Q&A page")
    }

    func testBuildsAreDeterministic() throws {
        let again = try SitePipeline.build(contentDirectory: TestSupport.content, order: .shuffled(seed: 3), progress: .silent)
        let first = try XCTUnwrap(ExampleSite.output.site), second = try XCTUnwrap(again.site)
        XCTAssertEqual(first.paths, second.paths)
        for path in first.paths where first.files[path] != second.files[path] { XCTFail("\(path) differs between builds") }
    }
}
