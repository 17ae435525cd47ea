import EKSDocModel
import EKSDocRender
import Foundation

/// Publishes the HTML site beside the Markdown tree: every page through cmark-gfm and the site transforms into
/// the layout template, the static assets, the search index; then checks every internal link.
public enum HTMLPublisher {
    /// Adds `index.html`, `<env>/index.html`, `<env>/<slug>.html`, `concepts/...`, `glossary.html`, `assets/...`,
    /// `search-index.json` and `search-index.js` to `site`, which must already hold the diagrams. Errors (a broken
    /// link, a template that does not parse) mean the site must not be written.
    public static func publish(_ pages: SitePages.Collection, into site: inout SiteFiles, settings: SiteSettings,
                               templates: TemplateSet, progress: @Sendable (Int, Int) -> Void = { _, _ in }) -> Diagnostics {
        let (library, templateDiagnostics) = templates.library()
        var diagnostics = templateDiagnostics
        if diagnostics.hasErrors { return diagnostics }
        let routes = SiteRoutes(environments: Set(pages.environments.map(\.name)))
        let renderer = PageRenderer(rewriter: LinkRewriter(routes: routes), inliner: DiagramInliner(files: site.files))
        let all = pages.all
        var seen: [String: String] = [:]
        for page in all {
            let path = routes.htmlPath(forMarkdown: page.path)
            if let other = seen.updateValue(page.path, forKey: path) {
                diagnostics.error("md/\(other) and md/\(page.path) would both be published as \(path)",
                                  at: SourceLocation(file: "md/" + page.path))
            }
        }
        if diagnostics.hasErrors { return diagnostics }

        _ = MarkdownHTML.render("")  // registers cmark-gfm's extensions before pages render in parallel
        // Raw HTML is for hand-written pages only, and only when eksdoc.yml allows it.
        let rawHTML = settings.allowRawHTML
        let rendered = StepTimings.measure("Markdown to HTML") {
            Parallel.map(all) { renderer.render($0, allowRawHTML: rawHTML && $0.path.hasPrefix("pages/")) }
        }
        let view = PageView.Site(title: settings.title, navigation: SiteNavigation(pages, routes: routes))
        let counter = Parallel.Counter()
        let documents = StepTimings.measure("templates") {
            Parallel.map(rendered) { page -> String in
                let html = library.render(PageView.context(for: page, site: view), withTemplate: "layout") ?? ""
                progress(counter.increment(), rendered.count)
                return html
            }
        }
        do {
            try StepTimings.measure("collect pages") { for (page, html) in zip(rendered, documents) { try site.add(page.htmlPath, text: html) } }
            for asset in templates.assets { try site.add(asset.path, asset.data) }
            let index = StepTimings.measure("search index") { SearchIndex.build(rendered) }
            let json = try StepTimings.measure("search index JSON") { try index.json() }
            try site.add("search-index.json", json)
            try site.add("search-index.js", SearchIndex.script(json: json))
        } catch {
            diagnostics.error("cannot publish the HTML site: \(error)", at: SourceLocation(file: "site"))
            return diagnostics
        }
        var sources: [String: LinkChecker.Source] = [:]
        for page in rendered {
            sources[page.htmlPath] = LinkChecker.Source(markdownPath: page.page.path, markdown: page.page.markdown,
                                                        origins: page.origins)
        }
        diagnostics.append(contentsOf: StepTimings.measure("link check") { LinkChecker.check(site.files, sources: sources) })
        return diagnostics
    }
}
