import EKSDocAnalysis
import EKSDocModel
import EKSDocRender

/// The site's pages as `Page` values (title, body, sources, anchors) together with the files `SiteBuilder`
/// writes: the model export, the Markdown tree under `md/` and the diagrams.
///
/// `SiteBuilder.build` returns only the files, and the HTML publisher needs the pages, so this runs the same
/// steps once (analysis and page building are the costly part of a build) and keeps both. A test checks that
/// the files are byte-identical to `SiteBuilder.build`'s, so the two cannot drift apart.
public enum SitePages {
    /// One environment's pages in navigation order, and the site-wide pages.
    public struct Collection: Sendable {
        /// Site-wide pages: the index, concepts, glossary.
        public var site: [Page]
        /// Each environment (sorted by name) with its pages in navigation order.
        public var environments: [(name: String, pages: [Page])]

        /// Pages grouped as the site shows them.
        public init(site: [Page], environments: [(name: String, pages: [Page])]) {
            self.site = site; self.environments = environments
        }

        /// Every page: site pages first, then the environments in order.
        public var all: [Page] { site + environments.flatMap(\.pages) }
    }

    /// The Markdown tree, diagrams and model export (exactly what `SiteBuilder.build` writes), and the pages.
    public static func build(_ inventory: Inventory, renderer: DiagramRenderer = DiagramRenderer(),
                             extensions: SiteExtensions = SiteExtensions()) throws -> (SiteFiles, Collection) {
        var site = SiteFiles()
        let facts = SiteBuilder.analyze(inventory)
        try site.add("model.json", ModelJSON.render(inventory, facts: facts))
        let pages = collect(inventory, facts: facts, extensions: extensions)
        for page in pages.all { try site.add("md/" + page.path, text: page.text) }
        var diagrams = extensions.siteDiagrams
        for env in inventory.environments {
            guard let envFacts = facts[env.name] else { continue }
            diagrams += EnvironmentPages.diagrams(PageContext(inventory: inventory, env: env, facts: envFacts))
        }
        for diagram in diagrams {
            for file in try renderer.files(for: diagram) { try site.add(file.path, file.data) }
        }
        return (site, pages)
    }

    /// The pages alone, in `SiteBuilder`'s order.
    public static func collect(_ inventory: Inventory, facts: [String: EnvironmentFacts],
                               extensions: SiteExtensions) -> Collection {
        let site = ([IndexPage.build(inventory, facts: facts)] + extensions.sitePages).map(extensions.postProcess)
        var environments: [(String, [Page])] = []
        for env in inventory.environments {
            guard let envFacts = facts[env.name] else { continue }
            let context = PageContext(inventory: inventory, env: env, facts: envFacts)
            let pages = EnvironmentPages.pages(context) + extensions.environmentPages(context)
            environments.append((env.name, pages.map(extensions.postProcess)))
        }
        return Collection(site: site, environments: environments)
    }
}
