import EKSDocAnalysis
import EKSDocModel
import Foundation

/// Builds the site's files from the inventory. For now the site is the model export with its facts; the page
/// builders and the HTML publisher add to it.
public enum SiteBuilder {
    public static func build(_ inventory: Inventory) throws -> SiteFiles {
        var site = SiteFiles()
        try site.add("model.json", ModelJSON.render(inventory, facts: analyze(inventory)))
        return site
    }

    /// Facts for every environment, keyed by environment name.
    public static func analyze(_ inventory: Inventory) -> [String: EnvironmentFacts] {
        Dictionary(uniqueKeysWithValues: inventory.environments.map { ($0.name, EnvironmentAnalysis.analyze($0)) })
    }
}
