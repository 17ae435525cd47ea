import EKSDocRender

/// The site's navigation: sections (home, the hand-written pages, each environment with its pages in navigation
/// order, concepts, glossary, other site pages), breadcrumbs and previous/next links within a section.
public struct SiteNavigation: Sendable {
    /// A page in navigation.
    public struct Entry: Sendable, Equatable {
        /// The title shown in navigation.
        public var title: String
        /// Site path of the HTML page.
        public var path: String
    }

    /// A group of pages with an optional landing page (an environment's overview, the concepts index).
    public struct Section: Sendable, Equatable {
        /// `Home`, an environment name, `Concepts`, `Glossary`.
        public var title: String
        /// Where the section title links to.
        public var landing: Entry
        /// The section's pages in navigation order (empty for single pages).
        public var entries: [Entry]
    }

    /// Sections in sidebar order.
    public private(set) var sections: [Section] = []
    private var location: [String: (section: Int, entry: Int?)] = [:]

    /// Navigation for a site's pages.
    public init(_ pages: SitePages.Collection, routes: SiteRoutes) {
        func entry(_ page: Page) -> Entry { Entry(title: page.title, path: routes.htmlPath(forMarkdown: page.path)) }
        let concepts = pages.site.filter { $0.path.hasPrefix("concepts/") && $0.path != "concepts/index.md" }
        let conceptIndex = pages.site.first { $0.path == "concepts/index.md" }
        var trailing: [Section] = []
        let handWritten = pages.site.filter { $0.path.hasPrefix("pages/") }
        for page in pages.site where !page.path.hasPrefix("concepts/") && !page.path.hasPrefix("pages/") {
            let section = Section(title: page.path == "index.md" ? "Home" : page.title, landing: entry(page), entries: [])
            if page.path == "index.md" { sections.append(section) } else { trailing.append(section) }
        }
        if let first = handWritten.first {
            sections.append(Section(title: "Pages", landing: entry(first), entries: handWritten.map(entry)))
        }
        for (name, envPages) in pages.environments {
            let entries = envPages.map(entry)
            let landing = entries.first { $0.path == "\(name)/index.html" } ?? entries.first
            guard let landing else { continue }
            sections.append(Section(title: name, landing: landing, entries: entries))
        }
        if let conceptIndex {
            sections.append(Section(title: "Concepts", landing: entry(conceptIndex), entries: concepts.map(entry)))
        } else if let first = concepts.first {
            sections.append(Section(title: "Concepts", landing: entry(first), entries: concepts.map(entry)))
        }
        sections += trailing.sorted { ($0.title == "Glossary" ? 0 : 1, $0.title) < ($1.title == "Glossary" ? 0 : 1, $1.title) }
        for (s, section) in sections.enumerated() {
            location[section.landing.path] = (s, nil)
            for (e, item) in section.entries.enumerated() { location[item.path] = (s, e) }
        }
    }

    /// The section a page belongs to.
    public func section(of path: String) -> Section? {
        location[path].map { sections[$0.section] }
    }

    /// Home, then the section's landing page, then the page itself (without repeats).
    public func breadcrumbs(for path: String) -> [Entry] {
        var crumbs: [Entry] = []
        if let home = sections.first, home.landing.path != path { crumbs.append(Entry(title: "Home", path: home.landing.path)) }
        guard let section = section(of: path), section.title != "Home" else { return crumbs }
        // A section's landing page (an environment's overview) is shown as the section.
        crumbs.append(Entry(title: section.title, path: section.landing.path))
        if section.landing.path != path, let current = entry(for: path) { crumbs.append(current) }
        return crumbs
    }

    /// The page's own entry.
    public func entry(for path: String) -> Entry? {
        guard let (s, e) = location[path] else { return nil }
        if let e { return sections[s].entries[e] }
        return sections[s].landing
    }

    /// The pages before and after this one within its section (environment pages, concepts).
    public func neighbours(of path: String) -> (previous: Entry?, next: Entry?) {
        guard let (s, e) = location[path] else { return (nil, nil) }
        let entries = sections[s].entries
        guard let e else { return (nil, entries.first) }
        return (e > 0 ? entries[e - 1] : nil, e + 1 < entries.count ? entries[e + 1] : nil)
    }
}
