import EKSDocAnalysis
import EKSDocModel
import Foundation

/// What other modules add to a build: pages per environment (Q&A), site-wide pages (concepts, glossary) and their
/// diagrams, and a last pass over every page (linking terms to concept pages).
public struct SiteExtensions: Sendable {
    public var environmentPages: @Sendable (PageContext) -> [Page]
    public var sitePages: [Page]
    public var siteDiagrams: [Diagram]
    public var postProcess: @Sendable (Page) -> Page

    public init(environmentPages: @escaping @Sendable (PageContext) -> [Page] = { _ in [] }, sitePages: [Page] = [],
                siteDiagrams: [Diagram] = [], postProcess: @escaping @Sendable (Page) -> Page = { $0 }) {
        self.environmentPages = environmentPages; self.sitePages = sitePages; self.siteDiagrams = siteDiagrams
        self.postProcess = postProcess
    }
}

/// A built site: its files and the pages behind them (for the HTML publisher).
public struct BuiltSite: Sendable {
    public var files: SiteFiles
    /// Site-wide pages (index, concepts, glossary, hand-written pages), after post-processing.
    public var sitePages: [Page]
    /// Each environment's pages in navigation order, after post-processing.
    public var environmentPages: [(name: String, pages: [Page])]
}

/// Builds the site's files from the inventory: the model export, the Markdown tree under `md/`, and the
/// diagrams under `diagrams/`.
public enum SiteBuilder {
    public static func build(_ inventory: Inventory, renderer: DiagramRenderer = DiagramRenderer(),
                             extensions: SiteExtensions = SiteExtensions()) throws -> SiteFiles {
        try assemble(inventory, renderer: renderer, extensions: extensions).files
    }

    /// The files and the pages they were written from.
    public static func assemble(_ inventory: Inventory, renderer: DiagramRenderer = DiagramRenderer(),
                                extensions: SiteExtensions = SiteExtensions()) throws -> BuiltSite {
        var site = SiteFiles()
        let facts = analyze(inventory)
        try site.add("model.json", ModelJSON.render(inventory, facts: facts))
        var sitePages = ([IndexPage.build(inventory, facts: facts, pages: extensions.sitePages.filter { $0.path.hasPrefix("pages/") })]
                         + extensions.sitePages).map(extensions.postProcess)
        // Environments are independent: their pages and diagrams are written on all cores, joined in order.
        let perEnvironment = Parallel.map(inventory.environments) { env -> (name: String, pages: [Page], diagrams: [Diagram])? in
            guard let envFacts = facts[env.name] else { return nil }
            let context = PageContext(inventory: inventory, env: env, facts: envFacts)
            let pages = EnvironmentPages.pages(context) + extensions.environmentPages(context)
            return (env.name, pages.map(extensions.postProcess), EnvironmentPages.diagrams(context))
        }
        var environmentPages: [(name: String, pages: [Page])] = []
        var diagrams = extensions.siteDiagrams
        for case let (name, pages, envDiagrams)? in perEnvironment {
            environmentPages.append((name, pages))
            diagrams += envDiagrams
        }
        if let (sourcesPage, links) = SourcesPage.build(sitePages: sitePages, environmentPages: environmentPages,
                                                        sourceURL: inventory.settings.sourceURL) {
            func linked(_ page: Page) -> Page {
                var page = page
                page.sourceLinks = links.filter { page.sources.contains($0.key) }
                return page
            }
            sitePages = sitePages.map(linked) + [sourcesPage]
            environmentPages = environmentPages.map { ($0.name, $0.pages.map(linked)) }
        }
        for page in sitePages + environmentPages.flatMap(\.pages) {
            try site.add("md/" + page.path, text: page.text)
        }
        renderer.prefetch(diagrams.compactMap { diagram -> String? in
            if case .dot(let dot) = diagram.content { return dot }
            return nil
        })
        for diagram in diagrams {
            for file in try renderer.files(for: diagram) { try site.add(file.path, file.data) }
        }
        return BuiltSite(files: site, sitePages: sitePages, environmentPages: environmentPages)
    }

    /// Facts for every environment, keyed by environment name.
    public static func analyze(_ inventory: Inventory) -> [String: EnvironmentFacts] {
        let facts = Parallel.map(inventory.environments) { EnvironmentAnalysis.analyze($0) }
        return Dictionary(uniqueKeysWithValues: zip(inventory.environments.map(\.name), facts))
    }
}
