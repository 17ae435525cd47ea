/// Overview, network, routing, security groups, findings and drift pages.
enum NetworkPageGroup {
    static var builders: [any EnvironmentPageBuilder.Type] {
        [OverviewPage.self, NetworkPage.self, RoutingPage.self, SecurityGroupsPage.self, FindingsPage.self, DriftPage.self]
    }
}
