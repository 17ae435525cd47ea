import EKSDocAnalysis

/// The diagrams of an environment: topology, one per traffic flow, security groups, workloads, capacity.
///
/// Diagram names are a contract with the pages that embed them (`PageContext.diagram(_:)`): `topology`,
/// `security-groups`, `workloads`, `capacity`, and `flow-<slug>` for each flow (`flowDiagramName`). Every
/// environment gets all four fixed diagrams, with a short "nothing here" drawing when it lacks the subject.
public enum DiagramGroup {
    /// The VPCs, AZs, subnets by tier, gateways, appliances, load balancers, control plane and routes.
    public static let topology = "topology"
    /// Security groups, the peers their rules name, and the ports between them.
    public static let securityGroups = "security-groups"
    /// Kubernetes objects and how they link: ingress, service, workload, config, storage, identity.
    public static let workloads = "workloads"
    /// Per-subnet address capacity (an SVG chart).
    public static let capacity = "capacity"

    /// Every diagram of one environment, in a fixed order: topology, flows (in the order of `facts.flows`),
    /// security groups, workloads, capacity.
    public static func diagrams(_ context: PageContext) -> [Diagram] {
        var out = [Diagram(ref: context.diagram(topology), content: .dot(TopologyDiagram.dot(context)))]
        let flows = context.facts.flows
        for (flow, name) in zip(flows, flowDiagramNames(flows)) {
            out.append(Diagram(ref: context.diagram(name), content: .dot(FlowDiagram.dot(flow, name: name, context: context))))
        }
        out.append(Diagram(ref: context.diagram(securityGroups), content: .dot(SecurityGroupDiagram.dot(context))))
        out.append(Diagram(ref: context.diagram(workloads), content: .dot(WorkloadDiagram.dot(context))))
        out.append(Diagram(ref: context.diagram(capacity), content: .svg(CapacityChart.svg(context))))
        return out
    }

    /// The diagram name of a flow: `flow-` and a slug of its name (lower-case letters, digits and `-`, at most
    /// 96 characters). When the slug is cut, or another flow of `flows` has the same slug, a hash of the full
    /// name is appended, so names stay unique, stable and safe as file names whatever the order of `flows`.
    /// (Flows with identical names, which the analysis never produces, are told apart by position: `-2` ...)
    public static func flowDiagramName(_ flow: Flow, in flows: [Flow]) -> String {
        if let index = flows.firstIndex(of: flow) { return flowDiagramNames(flows)[index] }
        let base = slug(flow.name)
        return "flow-" + finish(base, name: flow.name, collides: flows.contains { $0.name != flow.name && slug($0.name) == base })
    }

    /// `flowDiagramName` of every flow, in order, in one pass.
    static func flowDiagramNames(_ flows: [Flow]) -> [String] {
        let slugs = flows.map { slug($0.name) }
        var namesBySlug: [String: Set<String>] = [:]
        for (flow, base) in zip(flows, slugs) { namesBySlug[base, default: []].insert(flow.name) }
        var seen: [String: Int] = [:]
        return zip(flows, slugs).map { flow, base in
            var name = finish(base, name: flow.name, collides: (namesBySlug[base]?.count ?? 0) > 1)
            let count = seen[flow.name, default: 0] + 1
            seen[flow.name] = count
            if count > 1 { name += "-\(count)" }
            return "flow-" + name
        }
    }

    /// The slug as it is, or cut at a word boundary and followed by a hash of the full name when it is too long,
    /// empty, or shared with another name.
    private static func finish(_ base: String, name: String, collides: Bool) -> String {
        guard collides || base.count > slugLimit || base.isEmpty else { return base }
        var cut = String(base.prefix(slugLimit))
        if base.count > slugLimit, let dash = cut.lastIndex(of: "-") { cut = String(cut[..<dash]) }
        cut = cut.trimmingTrailingDashes()
        return (cut.isEmpty ? "" : cut + "-") + String(DiagramRenderer.hash(name).suffix(8))
    }

    static let slugLimit = 96

    /// Lower-case ASCII letters and digits kept; every other run of characters becomes one `-`.
    static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out
    }
}

extension String {
    func trimmingTrailingDashes() -> String {
        var out = self
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
