import EKSDocIngest
import EKSDocModel
import EKSDocQA
import EKSDocRender
import Foundation

/// The whole build as named steps: load the content, analyse, write Markdown pages and diagrams, publish HTML,
/// write the handout.
/// `eksdoc build`, `eksdoc serve` and the handout all go through here.
public enum SitePipeline {
    /// The result of a build: the files (nil when the input had errors) and every diagnostic.
    public struct Output: Sendable {
        public var site: SiteFiles?
        public var inventory: Inventory
        public var diagnostics: Diagnostics
        /// The pages behind the site (nil when the build stopped before rendering).
        public var pages: SitePages.Collection?
    }

    /// Builds the site. Steps: load content and extensions (Q&A, concepts); Markdown tree, diagrams and model
    /// export (`SitePages`, the same files as `SiteBuilder`); the HTML site with its search index (`HTMLPublisher`); the link check. Any error
    /// leaves `site` nil, so nothing half-built is ever written.
    public static func build(contentDirectory: URL, order: ContentLoader.FileOrder = .sorted,
                             renderer: DiagramRenderer = DiagramRenderer(),
                             progress: BuildProgress = .terminal) throws -> Output {
        defer { progress.finish() }
        progress.report("loading content")
        var (inventory, diagnostics) = StepTimings.measure("load inputs") { ContentLoader.load(contentDirectory, order: order) }
        let (extensions, extensionDiagnostics) = StepTimings.measure("load pages, concepts, Q&A") { DocumentationExtensions.load(contentDirectory: contentDirectory,
                                                                                 infrastructure: !inventory.environments.isEmpty,
                                                                                 allowRawHTML: inventory.settings.allowRawHTML) }
        diagnostics.append(contentsOf: extensionDiagnostics)
        let (templates, templateDiagnostics) = TemplateSet.load(theme: inventory.settings.theme,
                                                                contentDirectory: contentDirectory)
        diagnostics.append(contentsOf: templateDiagnostics)
        if diagnostics.hasErrors { return Output(site: nil, inventory: inventory, diagnostics: diagnostics) }
        inventory.environments.sort { $0.name < $1.name }

        progress.report("writing Markdown pages and diagrams")
        var (site, pages) = try StepTimings.measure("Markdown pages and diagrams") {
            try SitePages.build(inventory, renderer: renderer, extensions: extensions)
        }

        progress.report("publishing HTML")
        let published = StepTimings.measure("publish HTML (all)") { HTMLPublisher.publish(pages, into: &site, settings: inventory.settings, templates: templates) {
            done, total in progress.report("publishing HTML (\(done)/\(total) pages)")
        } }
        diagnostics.append(contentsOf: published)
        if diagnostics.hasErrors { return Output(site: nil, inventory: inventory, diagnostics: diagnostics, pages: pages) }

        // The printable handout of every environment is part of the site; its PDF is `eksdoc handout --pdf`.
        progress.report("writing the handout")
        try site.add("handout.html", text: try StepTimings.measure("handout") { try Handout.html(site, inventory: inventory, environment: nil) })
        return Output(site: site, inventory: inventory, diagnostics: diagnostics, pages: pages)
    }
}
