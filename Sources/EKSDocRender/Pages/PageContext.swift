import EKSDocAnalysis
import EKSDocModel

/// What a page builder works from: one environment, its facts, and the rest of the inventory for links.
public struct PageContext: Sendable {
    public var inventory: Inventory
    public var env: Environment
    public var facts: EnvironmentFacts

    public init(inventory: Inventory, env: Environment, facts: EnvironmentFacts) {
        self.inventory = inventory; self.env = env; self.facts = facts
    }

    /// `md/<env>/<slug>.md`, relative to `md/`.
    public func path(_ slug: String) -> String { "\(env.name)/\(slug).md" }

    /// A link from one environment page to another (same folder), optionally to an anchor.
    public func link(_ label: String, page slug: String, anchor: String? = nil) -> String {
        MD.link(label, "\(slug).md" + (anchor.map { "#\($0)" } ?? ""))
    }

    /// A subnet shown as `name (subnet-id)` or just its id, escaped.
    public func subnetLabel(_ id: String) -> String {
        guard let name = env.subnet(id)?.name, !name.isEmpty else { return MD.code(id) }
        return "\(MD.text(name)) (\(MD.code(id)))"
    }

    /// A security group shown as `name (sg-id)`, escaped.
    public func groupLabel(_ id: String) -> String {
        guard let name = env.securityGroup(id)?.name, !name.isEmpty else { return MD.code(id) }
        return "\(MD.text(name)) (\(MD.code(id)))"
    }

    /// A diagram of this environment.
    public func diagram(_ name: String) -> DiagramRef { DiagramRef(environment: env.name, name: name) }
}

/// A diagram by environment and name; files are `diagrams/<env>-<name>.svg|.png|.dot`.
public struct DiagramRef: Hashable, Sendable {
    public var environment: String
    public var name: String

    public init(environment: String, name: String) {
        self.environment = environment; self.name = name
    }

    public var fileName: String { "\(environment)-\(name)" }
}

/// One page of every environment. Each builder lives in its own file under `Pages/`.
public protocol EnvironmentPageBuilder {
    /// The file name without `.md` (`network`, `routing` ...).
    static var slug: String { get }
    /// The page title shown in navigation.
    static var title: String { get }
    /// Position in navigation (overview 10, network 20, routing 30, security groups 40, cluster 50,
    /// CNI and capacity 60, workloads 70, traffic flows 80, findings 90, drift 100, Terraform inputs 110,
    /// troubleshooting 120).
    static var order: Int { get }
    static func build(_ context: PageContext) -> Page
}

/// A diagram an environment page embeds. Each builder produces DOT text (or SVG for charts).
public struct Diagram: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        /// Graphviz DOT text, laid out and rendered to SVG and PNG by libgvc.
        case dot(String)
        /// A chart written directly as SVG.
        case svg(String)
    }

    public var ref: DiagramRef
    public var content: Content

    public init(ref: DiagramRef, content: Content) {
        self.ref = ref; self.content = content
    }
}
