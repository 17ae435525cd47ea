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
        let built = try SiteBuilder.assemble(inventory, renderer: renderer, extensions: extensions)
        return (built.files, Collection(site: built.sitePages, environments: built.environmentPages.map { ($0.name, $0.pages) }))
    }
}
