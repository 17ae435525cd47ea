/// The diagrams of an environment: topology, one per traffic flow, security groups, workloads, capacity.
enum DiagramGroup {
    static func diagrams(_ context: PageContext) -> [Diagram] { [] }
}
