/// The traffic flows page.
enum FlowPageGroup {
    static let builders: [any EnvironmentPageBuilder.Type] = [TrafficFlowsPage.self]
}
