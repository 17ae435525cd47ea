/// Overview, network, routing, security groups, findings and drift pages.
enum NetworkPageGroup {
    static let builders: [any EnvironmentPageBuilder.Type] = []
}
