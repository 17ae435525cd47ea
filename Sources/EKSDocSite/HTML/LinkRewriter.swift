/// Rewrites the links of a page rendered from `md/X.md` so they work from its HTML page: `*.md` targets become
/// the HTML pages (`overview.md` -> `index.html`), other site files (diagrams) are re-based; anchors and
/// external links are kept.
public struct LinkRewriter: Sendable {
    /// Where Markdown pages are published.
    public var routes: SiteRoutes

    /// - Parameter routes: Markdown page -> HTML page.
    public init(routes: SiteRoutes) {
        self.routes = routes
    }

    /// The rewritten HTML and, for every rewritten reference, the target written in the Markdown (so a broken
    /// link can be reported as the author wrote it).
    public struct Result: Sendable {
        /// The page with its links rewritten.
        public var html: String
        /// Rewritten link -> the link as the Markdown wrote it.
        public var origins: [String: String]
    }

    /// Rewrites `href` and `src` in `html`, rendered from `markdownPath` (relative to `md/`) and published at
    /// `htmlPath` (relative to the site root).
    public func rewrite(_ html: String, markdownPath: String, htmlPath: String) -> Result {
        var origins: [String: String] = [:]
        let markdownFolder = SiteRoutes.folder(of: "md/" + markdownPath)
        let rewritten = HTMLScanner.rewriteAttributes(in: html) { _, name, value in
            guard name == "href" || name == "src" else { return nil }
            guard let target = siteTarget(value, markdownFolder: markdownFolder) else { return nil }
            let (_, fragment) = SiteRoutes.split(value)
            var result = SiteRoutes.relative(from: htmlPath, to: target)
            if let fragment { result += "#" + fragment }
            origins[result] = value
            return result
        }
        return Result(html: rewritten, origins: origins)
    }

    /// The site file a Markdown reference points at, or nil for anchors, external links and references leaving
    /// the site (those are kept as written and left to the link checker).
    func siteTarget(_ reference: String, markdownFolder: String) -> String? {
        guard !reference.isEmpty, !reference.hasPrefix("#"), !SiteRoutes.isExternal(reference) else { return nil }
        let (path, _) = SiteRoutes.split(reference)
        guard !path.isEmpty, let resolved = SiteRoutes.resolve(HTMLText.percentDecode(path), inFolder: markdownFolder)
        else { return nil }
        if resolved.hasPrefix("md/"), resolved.hasSuffix(".md") {
            return routes.htmlPath(forMarkdown: String(resolved.dropFirst(3)))
        }
        return resolved
    }
}
