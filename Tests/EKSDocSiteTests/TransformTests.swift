import EKSDocModel
import EKSDocRender
import EKSDocSite
import XCTest

/// The HTML transforms on their own: routes, admonitions, headings, link rewriting, highlighting, progress.
final class TransformTests: XCTestCase {
    let routes = SiteRoutes(environments: ["dev"])

    func testRoutes() {
        XCTAssertEqual(routes.htmlPath(forMarkdown: "index.md"), "index.html")
        XCTAssertEqual(routes.htmlPath(forMarkdown: "dev/overview.md"), "dev/index.html")
        XCTAssertEqual(routes.htmlPath(forMarkdown: "dev/network.md"), "dev/network.html")
        XCTAssertEqual(routes.htmlPath(forMarkdown: "concepts/overview.md"), "concepts/overview.html")
        XCTAssertEqual(SiteRoutes.relative(from: "dev/network.html", to: "dev/routing.html"), "routing.html")
        XCTAssertEqual(SiteRoutes.relative(from: "dev/network.html", to: "concepts/vpc.html"), "../concepts/vpc.html")
        XCTAssertEqual(SiteRoutes.relative(from: "index.html", to: "dev/index.html"), "dev/index.html")
        XCTAssertEqual(SiteRoutes.resolve("../../diagrams/x.svg", inFolder: "md/dev/"), "diagrams/x.svg")
        XCTAssertNil(SiteRoutes.resolve("../../../etc/passwd", inFolder: "md/dev/"))
        XCTAssertTrue(SiteRoutes.isExternal("https://aws.amazon.com"))
        XCTAssertTrue(SiteRoutes.isExternal("mailto:a@b"))
        XCTAssertFalse(SiteRoutes.isExternal("routing.md#a:b"))
    }

    /// The byte-level `relative(from:to:)` against the component-by-component definition, over every pair of a
    /// set of paths (shared prefixes that are not whole folders, deeper and shallower, multi-byte names).
    func testRelativeAgreesWithComponentDefinition() {
        func reference(_ from: String, _ to: String) -> String {
            let fromDirs = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            let toParts = to.split(separator: "/", omittingEmptySubsequences: false)
            var common = 0
            while common < fromDirs.count, common < toParts.count - 1, fromDirs[common] == toParts[common] { common += 1 }
            return String(repeating: "../", count: fromDirs.count - common) + toParts[common...].joined(separator: "/")
        }
        let paths = ["index.html", "dev/index.html", "dev/network.html", "devops/x.html", "dev/sub/a.html", "de/a.html",
                     "pages/p0001.html", "pages/p0001.html.bak", "dévé/ü.html", "dévé/üx/ö.html", "a/b/c/d.html", "dev"]
        for from in paths {
            for to in paths {
                XCTAssertEqual(SiteRoutes.relative(from: from, to: to), reference(from, to), "\(from) -> \(to)")
            }
        }
    }

    func testLinkRewriting() {
        let html = MarkdownHTML.render("""
        [a](routing.md#x) [b](overview.md) [c](../concepts/vpc.md) [d](#local) [e](https://x.test/a.md)
        [f](../index.md) ![g](../../diagrams/dev-topology.svg)
        """)
        let result = LinkRewriter(routes: routes).rewrite(html, markdownPath: "dev/network.md", htmlPath: "dev/network.html")
        for expected in ["href=\"routing.html#x\"", "href=\"index.html\"", "href=\"../concepts/vpc.html\"",
                         "href=\"#local\"", "href=\"https://x.test/a.md\"", "href=\"../index.html\"",
                         "src=\"../diagrams/dev-topology.svg\""] {
            XCTAssertTrue(result.html.contains(expected), "\(expected) in \(result.html)")
        }
        XCTAssertEqual(result.origins["routing.html#x"], "routing.md#x")
        XCTAssertEqual(result.origins["index.html"], "overview.md")
    }

    func testAdmonitions() {
        let html = BlockTransforms.admonitions(MarkdownHTML.render("""
        > [!WARNING]
        > Open to **the internet**.

        > [!TIP]
        > One.
        >
        > Two.

        > Plain quote.

        > [!UNKNOWN]
        > Stays a quote.
        """))
        XCTAssertTrue(html.contains("<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n"
            + "<p>Open to <strong>the internet</strong>.</p>\n</div>"), html)
        XCTAssertTrue(html.contains("<p class=\"callout-title\">Tip</p>\n<p>One.</p>\n<p>Two.</p>\n</div>"), html)
        XCTAssertTrue(html.contains("<blockquote>\n<p>Plain quote.</p>\n</blockquote>"), html)
        XCTAssertTrue(html.contains("<blockquote>\n<p>[!UNKNOWN]"), html)
        XCTAssertEqual(html.components(separatedBy: "<div").count, html.components(separatedBy: "</div>").count)
    }

    func testHeadingIDsFollowGitHubSlugs() {
        let (html, headings) = BlockTransforms.headingIDs(MarkdownHTML.render("""
        # Overview — dev
        ## Subnets & `CIDRs`
        ## Subnets & `CIDRs`
        ### Route table rtb-1 (main)
        """))
        XCTAssertEqual(headings.map(\.id), ["overview--dev", "subnets--cidrs", "subnets--cidrs-1", "route-table-rtb-1-main"])
        XCTAssertEqual(headings[1].text, "Subnets & CIDRs")
        XCTAssertTrue(html.contains("<h2 id=\"subnets--cidrs-1\">Subnets &amp; <code>CIDRs</code><a class=\"heading-anchor\""))
    }

    func testFoldedAnswersOnlyFromTheExactBlocks() {
        let markdown = "## Q\n\n<details>\n<summary>Answer</summary>\n\nText <b>bold</b>\n\n</details>\n\n<details><script>x</script>\n"
        let html = BlockTransforms.unfoldMarkers(MarkdownHTML.render(BlockTransforms.markFoldedAnswers(markdown)))
        XCTAssertTrue(html.contains("<details class=\"answer\">\n<summary>Answer</summary>\n<p>Text"), html)
        XCTAssertTrue(html.contains("</details>"))
        XCTAssertFalse(html.contains("<b>"), html)
        XCTAssertFalse(html.contains("<script>"), html)
        XCTAssertEqual(html.components(separatedBy: "<details").count, 2)
    }

    func testHighlighters() throws {
        let hcl = try XCTUnwrap(CodeHighlighter.highlight(
            "# vpc\nresource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n  enabled = true\n  count = 2\n}\n",
            language: "hcl"))
        XCTAssertTrue(hcl.contains("<span class=\"tok-comment\"># vpc</span>"), hcl)
        XCTAssertTrue(hcl.contains("<span class=\"tok-type\">resource</span>"), hcl)
        XCTAssertTrue(hcl.contains("<span class=\"tok-key\">cidr_block</span>"), hcl)
        XCTAssertTrue(hcl.contains("<span class=\"tok-string\">&quot;10.0.0.0/16&quot;</span>"), hcl)
        XCTAssertTrue(hcl.contains("<span class=\"tok-literal\">true</span>"), hcl)
        XCTAssertTrue(hcl.contains("<span class=\"tok-number\">2</span>"), hcl)

        let yaml = try XCTUnwrap(CodeHighlighter.highlight(
            "apiVersion: v1 # c\nkind: Pod\nspec:\n  - name: \"x\"\n    replicas: 3\n    on: true\n", language: "yaml"))
        XCTAssertTrue(yaml.contains("<span class=\"tok-key\">apiVersion</span>"), yaml)
        XCTAssertTrue(yaml.contains("<span class=\"tok-comment\"># c</span>"), yaml)
        XCTAssertTrue(yaml.contains("<span class=\"tok-key\">name</span>"), yaml)
        XCTAssertTrue(yaml.contains("<span class=\"tok-number\">3</span>"), yaml)

        let json = try XCTUnwrap(CodeHighlighter.highlight("{\"a\": [1, -2.5e3, true, null, \"<x>\"]}", language: "json"))
        XCTAssertTrue(json.contains("<span class=\"tok-key\">&quot;a&quot;</span>"), json)
        XCTAssertTrue(json.contains("<span class=\"tok-number\">-2.5e3</span>"), json)
        XCTAssertTrue(json.contains("<span class=\"tok-string\">&quot;&lt;x&gt;&quot;</span>"), json)

        let sh = try XCTUnwrap(CodeHighlighter.highlight(
            "kubectl get pods -n kube-system | grep aws-node\nVPC=$(aws ec2 describe-vpcs --query 'Vpcs[0]' --output text)\necho \"$VPC\"\n",
            language: "bash"))
        XCTAssertTrue(sh.contains("<span class=\"tok-command\">kubectl</span>"), sh)
        XCTAssertTrue(sh.contains("<span class=\"tok-command\">grep</span>"), sh)
        XCTAssertTrue(sh.contains("<span class=\"tok-command\">aws</span>"), sh)
        XCTAssertTrue(sh.contains("<span class=\"tok-option\">--query</span>"), sh)
        XCTAssertTrue(sh.contains("<span class=\"tok-string\">&#39;Vpcs[0]&#39;</span>"), sh)
        XCTAssertNil(CodeHighlighter.highlight("x", language: "rust"))
    }

    func testHighlightingKeepsTheTextExactly() {
        let samples = ["a = \"${var.x}\" /* c */ <<EOF\nline\nEOF\n", "k: |\n  v: w\n'q': \"e\\\"\"", "{\"a\":\"\\\"\"}",
                       "x='a\\'; y=\"$(date)\" # \\\n<>&"]
        for (sample, language) in zip(samples, ["hcl", "yaml", "json", "sh"]) {
            let html = CodeHighlighter.highlight(sample, language: language)!
            XCTAssertEqual(HTMLText.plainText(html), sample, language)
        }
    }

    func testProgressIsQuietUnlessEnabledAndSlow() {
        final class Lines: @unchecked Sendable { var text = "" }
        let lines = Lines()
        let quick = BuildProgress(enabled: true, delay: 60, write: { lines.text += $0 })
        quick.report("step"); quick.finish()
        XCTAssertEqual(lines.text, "")
        let off = BuildProgress(enabled: false, delay: 0, write: { lines.text += $0 })
        off.report("step"); off.finish()
        XCTAssertEqual(lines.text, "")
        let slow = BuildProgress(enabled: true, delay: 0, write: { lines.text += $0 })
        slow.report("publishing HTML (1/2 pages)"); slow.finish()
        XCTAssertEqual(lines.text, "\r\u{1B}[2Keksdoc: publishing HTML (1/2 pages)\r\u{1B}[2K")
    }
}
