import EKSDocAnalysis
import EKSDocModel

/// Every page and diagram of an environment, gathered from the page groups.
public enum EnvironmentPages {
    /// Builders in navigation order.
    public static let builders: [any EnvironmentPageBuilder.Type] =
        (NetworkPageGroup.builders + EKSPageGroup.builders + FlowPageGroup.builders).sorted { $0.order < $1.order }

    /// All pages of one environment.
    public static func pages(_ context: PageContext) -> [Page] {
        builders.map { $0.build(context) }
    }

    /// All diagrams of one environment.
    public static func diagrams(_ context: PageContext) -> [Diagram] {
        DiagramGroup.diagrams(context)
    }
}
