import EKSDocAnalysis
import EKSDocModel
import Foundation

/// Builds the site's files from the inventory: the model export, the Markdown tree under `md/`, and the
/// diagrams under `diagrams/`.
public enum SiteBuilder {
    public static func build(_ inventory: Inventory, renderer: DiagramRenderer = DiagramRenderer()) throws -> SiteFiles {
        var site = SiteFiles()
        let facts = analyze(inventory)
        try site.add("model.json", ModelJSON.render(inventory, facts: facts))
        try site.add("md/index.md", text: IndexPage.build(inventory, facts: facts).text)
        for env in inventory.environments {
            guard let envFacts = facts[env.name] else { continue }
            let context = PageContext(inventory: inventory, env: env, facts: envFacts)
            for page in EnvironmentPages.pages(context) {
                try site.add("md/" + page.path, text: page.text)
            }
            for diagram in EnvironmentPages.diagrams(context) {
                for file in try renderer.files(for: diagram) { try site.add(file.path, file.data) }
            }
        }
        return site
    }

    /// Facts for every environment, keyed by environment name.
    public static func analyze(_ inventory: Inventory) -> [String: EnvironmentFacts] {
        Dictionary(uniqueKeysWithValues: inventory.environments.map { ($0.name, EnvironmentAnalysis.analyze($0)) })
    }
}
