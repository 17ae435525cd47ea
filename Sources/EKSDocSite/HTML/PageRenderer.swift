import EKSDocRender

/// One Markdown page rendered to the HTML of its `<main>` content.
public struct RenderedPage: Sendable {
    /// The Markdown page.
    public var page: Page
    /// Site path of the HTML page (`leadertools-qas/network.html`).
    public var htmlPath: String
    /// The body HTML: headings with ids, callouts, highlighted code, rewritten links, inline diagrams.
    public var body: String
    /// Every heading with its id, in order.
    public var headings: [BlockTransforms.Heading]
    /// Rewritten link -> the target as written in the Markdown.
    public var origins: [String: String]
    /// The environment the page documents (nil for site-wide pages).
    public var environment: String?
}

/// Markdown to body HTML: cmark-gfm (raw HTML off unless allowed), then the site's transforms in a fixed order.
public struct PageRenderer: Sendable {
    /// Rewrites `.md` links to the HTML pages.
    public var rewriter: LinkRewriter
    /// Inlines diagram SVGs.
    public var inliner: DiagramInliner

    /// A renderer for one site build.
    public init(rewriter: LinkRewriter, inliner: DiagramInliner) {
        self.rewriter = rewriter; self.inliner = inliner
    }

    /// Renders a page's body (its sources footer is left to the layout).
    ///
    /// Folded practice answers: the page's `<details>` blocks are swapped for marker paragraphs before cmark-gfm
    /// runs with raw HTML off, then only those markers become `<details>`; every other raw HTML in generated
    /// pages (from questions files, say) is dropped as usual.
    public func render(_ page: Page, allowRawHTML: Bool = false) -> RenderedPage {
        let htmlPath = rewriter.routes.htmlPath(forMarkdown: page.path)
        var html = MarkdownHTML.render(BlockTransforms.markFoldedAnswers(page.markdown), allowRawHTML: allowRawHTML)
        html = BlockTransforms.unfoldMarkers(html)
        html = CodeHighlighter.highlightBlocks(html)
        html = BlockTransforms.admonitions(html)
        let (withIDs, headings) = BlockTransforms.headingIDs(html)
        let links = rewriter.rewrite(withIDs, markdownPath: page.path, htmlPath: htmlPath)
        html = inliner.inline(links.html, htmlPath: htmlPath)
        html = html.replacingAll("<table>", with: "<div class=\"table-wrap\"><table>")
            .replacingAll("</table>", with: "</table></div>")
        let parts = page.path.split(separator: "/")
        let environment = parts.count == 2 && rewriter.routes.environments.contains(String(parts[0])) ? String(parts[0]) : nil
        return RenderedPage(page: page, htmlPath: htmlPath, body: html, headings: headings, origins: links.origins,
                            environment: environment)
    }
}
