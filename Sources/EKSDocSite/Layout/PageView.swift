import EKSDocRender

/// What the layout template sees for one page. Every value is plain text (Mustache escapes it) except
/// `content`, the rendered body, which the layout inserts with `{{{content}}}`.
public struct PageView: Sendable {
    /// Site-wide values shared by every page.
    public struct Site: Sendable {
        /// The site title from `eksdoc.yml`.
        public var title: String
        /// The sidebar, breadcrumbs and pager.
        public var navigation: SiteNavigation
    }

    /// The most entries a table of contents lists with level-3 headings.
    public static let maximumTableOfContents = 40

    /// The Mustache context: dictionaries and arrays only, so a theme can use every key.
    public static func context(for rendered: RenderedPage, site: Site) -> [String: Any] {
        let path = rendered.htmlPath
        let root = SiteRoutes.rootPrefix(of: path)
        func url(_ target: String) -> String { SiteRoutes.relative(from: path, to: target) }
        func link(_ entry: SiteNavigation.Entry) -> [String: Any] {
            ["title": entry.title, "url": url(entry.path), "current": entry.path == path]
        }
        let navigation = site.navigation
        let current = navigation.section(of: path)
        let sections: [[String: Any]] = navigation.sections.map { section in
            var item = link(section.landing)
            item["title"] = section.title
            item["entries"] = section.entries.map(link)
            item["hasEntries"] = !section.entries.isEmpty
            item["open"] = section == current
            return item
        }
        // Level-3 headings too, unless there are so many (a Q&A page) that only the sections help.
        let detailed = rendered.headings.filter { $0.level == 2 || $0.level == 3 }
        let tocHeadings = detailed.count <= PageView.maximumTableOfContents ? detailed : detailed.filter { $0.level == 2 }
        let toc: [[String: Any]] = tocHeadings.map {
            ["id": $0.id, "text": $0.text, "sub": $0.level == 3]
        }
        let crumbs = navigation.breadcrumbs(for: path)
        let breadcrumbs: [[String: Any]] = crumbs.enumerated().map { index, entry in
            var item = link(entry)
            item["last"] = index == crumbs.count - 1
            return item
        }
        var context: [String: Any] = [
            "siteTitle": site.title,
            "pageTitle": rendered.page.title,
            "documentTitle": rendered.page.path == "index.md" ? site.title : "\(rendered.page.title) · \(site.title)",
            "root": root,
            "home": url("index.html"),
            "css": url("assets/eksdoc.css"),
            "js": url("assets/eksdoc.js"),
            "searchIndex": url("search-index.js"),
            "markdown": url("md/" + rendered.page.path),
            "nav": sections,
            "toc": toc,
            "hasToc": toc.count > 1,
            "breadcrumbs": breadcrumbs,
            "hasBreadcrumbs": breadcrumbs.count > 1,
            "sources": rendered.page.sources,
            "hasSources": !rendered.page.sources.isEmpty,
            "content": rendered.body,
        ]
        if let section = current, section.title != "Home", section.entries.count > 0 { context["section"] = section.title }
        if let environment = rendered.environment { context["environment"] = environment }
        let (previous, next) = navigation.neighbours(of: path)
        if let previous { context["previous"] = link(previous) }
        if let next { context["next"] = link(next) }
        context["hasPager"] = previous != nil || next != nil
        return context
    }
}
