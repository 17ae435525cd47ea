import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocRender
import EKSDocTestSupport
import XCTest

/// The example content loaded and analysed once for all render tests.
enum Example {
    static let inventory: Inventory = {
        let (inventory, diagnostics) = ContentLoader.load(TestSupport.content)
        precondition(!diagnostics.hasErrors, "example content has errors: \(diagnostics.sorted)")
        return inventory
    }()

    static let facts: [String: EnvironmentFacts] = SiteBuilder.analyze(inventory)

    /// The page context of an example environment (`leadertools-qas`, `retail-store`).
    static func context(_ name: String) -> PageContext {
        let env = inventory.environment(named: name)!
        return PageContext(inventory: inventory, env: env, facts: facts[name]!)
    }

    /// A context for a hand-made environment.
    static func context(for env: Environment) -> PageContext {
        PageContext(inventory: Inventory(environments: [env]), env: env, facts: EnvironmentAnalysis.analyze(env))
    }

    /// Numbers the seeds got wrong (seeds/README.md); no page may print them as facts.
    static let seedErrors = ["~220", "2,044", "2044 ", "508 node", "254 IPs", "126 IPs", "1022 IPs", "1,022"]
}
