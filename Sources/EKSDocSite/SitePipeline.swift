import EKSDocIngest
import EKSDocModel
import EKSDocQA
import EKSDocRender
import Foundation

/// The whole build as named steps: load the content, analyse, write Markdown pages and diagrams, publish HTML.
/// `eksdoc build`, `eksdoc serve` and the handout all go through here.
public enum SitePipeline {
    /// The result of a build: the files (nil when the input had errors) and every diagnostic.
    public struct Output: Sendable {
        public var site: SiteFiles?
        public var inventory: Inventory
        public var diagnostics: Diagnostics
    }

    public static func build(contentDirectory: URL, order: ContentLoader.FileOrder = .sorted,
                             renderer: DiagramRenderer = DiagramRenderer()) throws -> Output {
        var (inventory, diagnostics) = ContentLoader.load(contentDirectory, order: order)
        let (extensions, extensionDiagnostics) = DocumentationExtensions.load(contentDirectory: contentDirectory)
        diagnostics.append(contentsOf: extensionDiagnostics)
        if diagnostics.hasErrors { return Output(site: nil, inventory: inventory, diagnostics: diagnostics) }
        inventory.environments.sort { $0.name < $1.name }
        let site = try SiteBuilder.build(inventory, renderer: renderer, extensions: extensions)
        return Output(site: site, inventory: inventory, diagnostics: diagnostics)
    }
}
