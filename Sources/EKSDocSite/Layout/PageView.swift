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

    /// The most entries a sidebar section lists in full. A larger section (hundreds of hand-written pages) lists
    /// only the entries around the page being read, and nothing while another section is open, so every page does
    /// not carry the whole site's links; the home page and search reach the rest.
    public static let maximumSectionEntries = 40

    /// The entries of `section` the sidebar shows on the page at `current` (nil when another section is open).
    static func sidebarEntries(_ section: SiteNavigation.Section, current: String?) -> [SiteNavigation.Entry] {
        let entries = section.entries
        guard entries.count > maximumSectionEntries else { return entries }
        guard let current, let index = entries.firstIndex(where: { $0.path == current }) else { return [] }
        let half = maximumSectionEntries / 2
        let start = max(0, min(index - half, entries.count - maximumSectionEntries))
        return Array(entries[start..<(start + maximumSectionEntries)])
    }

    /// The Mustache context: dictionaries and arrays only, so a theme can use every key.
    public static func context(for rendered: RenderedPage, site: Site) -> [String: Any] {
        let path = rendered.htmlPath
        let root = SiteRoutes.rootPrefix(of: path)
        func url(_ target: String) -> String { SiteRoutes.relative(from: path, to: target) }
        /// A site-wide page under `md/` with a fragment (`sources.md#x`) as a link to its HTML page.
        func htmlTarget(_ target: String) -> String {
            let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            let page = String(parts[0]).hasSuffix(".md") ? String(parts[0].dropLast(3)) + ".html" : String(parts[0])
            return url(page) + (parts.count > 1 ? "#" + parts[1] : "")
        }
        /// `link` is the finished anchor (escaped here), so the sidebar's many entries cost the template one
        /// lookup each; `title`, `url` and `current` stay for themes that write their own.
        func link(_ entry: SiteNavigation.Entry, title: String? = nil) -> [String: Any] {
            let target = url(entry.path), current = entry.path == path, text = title ?? entry.title
            let anchor = "<a href=\"\(HTMLText.escape(target))\"\(current ? " aria-current=\"page\"" : "")>\(HTMLText.escape(text))</a>"
            return ["title": text, "url": target, "current": current, "link": anchor]
        }
        let navigation = site.navigation
        let current = navigation.section(of: path)
        let sections: [[String: Any]] = navigation.sections.map { section in
            var item = link(section.landing, title: section.title)
            let entries = PageView.sidebarEntries(section, current: section == current ? path : nil)
            item["entries"] = entries.map { link($0) }
            item["hasEntries"] = !entries.isEmpty
            item["open"] = section == current
            return item
        }
        // Level-3 headings too, unless there are so many (a Q&A page) that only the sections help.
        let detailed = rendered.headings.filter { $0.level == 2 || $0.level == 3 }
        let tocHeadings = detailed.count <= PageView.maximumTableOfContents ? detailed : detailed.filter { $0.level == 2 }
        let toc: [[String: Any]] = tocHeadings.map {
            let (id, text) = (HTMLText.escape($0.id), HTMLText.escape($0.text))
            return ["id": $0.id, "text": $0.text, "sub": $0.level == 3, "link": "<a href=\"#\(id)\" title=\"\(text)\">\(text)</a>"]
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
            "sources": rendered.page.sources.map { file -> [String: Any] in
                var item: [String: Any] = ["path": file]
                if let target = rendered.page.sourceLinks[file] {
                    item["url"] = SourceLinks.isAbsolute(target) ? target : htmlTarget(target)
                }
                return item
            },
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
