import EKSDocModel
import Foundation

/// Builds the site's files from the inventory. For now the site is the model export; the page builders
/// and the HTML publisher add to it.
public enum SiteBuilder {
    public static func build(_ inventory: Inventory) throws -> SiteFiles {
        var site = SiteFiles()
        try site.add("model.json", ModelJSON.render(inventory))
        return site
    }
}
