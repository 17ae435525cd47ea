import EKSDocAnalysis
import EKSDocModel

/// The network topology as DOT: each VPC a box, its AZs side by side, subnets grouped by tier with CIDR and
/// usable addresses, gateways and appliances, load balancers, the EKS control plane, and one edge per route
/// table and target for the default and the other non-local routes.
///
/// Rows line up across AZs (the route tables on top, then public, private and isolated subnets, subnets with
/// the same roles side by side). Past `TopologyPlan.collapseThreshold` subnets a VPC's subnets are drawn as one
/// node per AZ and tier.
enum TopologyDiagram {
    static func dot(_ context: PageContext) -> String {
        let env = context.env
        let title = "Network topology: \(env.name)" + (env.region.map { " (\($0))" } ?? "")
        guard !env.subnets.isEmpty || !env.vpcs.isEmpty else {
            return DiagramStyle.placeholder(DiagramGroup.topology, title: title,
                                            message: "No VPC or subnet in the inputs of \(env.name).")
        }
        let plan = TopologyPlan(context)
        let targets = TopologyTargets(plan)
        var drawn = TopologyDrawing(plan: plan, targets: targets)
        var graph = DiagramStyle.graph(DiagramGroup.topology, rankdir: "TB", label: title)

        graph.node(TopologyDrawing.internet, label: "Internet", ["shape": "ellipse", "fillcolor": "#eeeeee"])
        for target in targets.outside { graph.node(target.id, label: target.label, target.attributes) }
        for igw in env.internetGateways.sorted(by: { $0.id < $1.id }) {
            graph.edge(TopologyDrawing.internet, igw.id, ["dir": "both", "color": "#1e40af"])
        }
        for block in plan.vpcs {
            graph.cluster("vpc:" + block.id, label: vpcLabel(block, plan: plan),
                          ["style": "rounded", "color": "#424242", "penwidth": "1.5", "fontsize": "12"]) { vpc in
                drawn.drawVPC(block, into: &vpc)
            }
        }
        drawn.drawLeftovers(into: &graph)
        drawn.drawControlPlane(env.cluster, into: &graph)
        drawn.drawRoutes(into: &graph)
        drawn.drawLoadBalancerEdges(into: &graph)
        drawn.drawRows(into: &graph)
        graph.node("#legend", label: legend(collapsed: plan.collapsed),
                   ["shape": "plaintext", "style": "", "fontsize": "8", "fontcolor": DiagramStyle.muted])
        if let last = drawn.bottomNode { graph.edge(last, "#legend", ["style": "invis"]) }
        return graph.text
    }

    static func vpcLabel(_ block: TopologyPlan.VPCBlock, plan: TopologyPlan) -> String {
        guard let vpc = block.vpc else { return block.id.isEmpty ? "VPC unknown" : "VPC \(block.id)" }
        var parts = ["VPC " + (vpc.name.map { "\($0) · " } ?? "") + vpc.id]
        if !vpc.cidrs.isEmpty { parts.append(vpc.cidrs.joined(separator: ", ")) }
        if !vpc.ipv6Cidrs.isEmpty { parts.append(vpc.ipv6Cidrs.joined(separator: ", ")) }
        return parts.joined(separator: "  ·  ")
    }

    static func legend(collapsed: Bool) -> String {
        var lines = ["Solid arrow: a route table's default route (0.0.0.0/0). Dashed arrow: its other non-local routes.",
                     "Red dotted arrow: a blackhole route. Dotted line: located in that subnet.",
                     "A subnet's border has the colour of the route table it uses; usable = addresses minus the 5 AWS reserves."]
        if collapsed { lines.append("Large VPC: subnets are summed per AZ and tier.") }
        return lines.joined(separator: "\n")
    }

    /// One subnet's label: name, id, CIDR with usable and free-now addresses, roles, route table.
    static func subnetLabel(_ subnet: Subnet, plan: TopologyPlan) -> String {
        var lines: [String] = []
        if let name = subnet.name, !name.isEmpty { lines.append(DiagramText.shorten(name, to: 48)) }
        lines.append(subnet.id)
        let facts = plan.facts.addresses.subnet(subnet.id)
        var figures = [subnet.cidr ?? "no IPv4 CIDR"]
        if let usable = facts?.usable { figures.append("\(DiagramText.number(usable)) usable") }
        if let free = facts?.freeNow {
            figures.append(facts?.freeNowImpossible == true ? "free now unknown (reported \(DiagramText.number(free)))"
                                                            : "\(DiagramText.number(free)) free now")
        }
        lines.append(figures.joined(separator: " · "))
        let roles = (plan.facts.roles[subnet.id] ?? []).map(roleText)
        if !roles.isEmpty { lines.append(roles.joined(separator: ", ")) }
        if let routing = plan.facts.routing(of: subnet.id), let table = routing.routeTable {
            let name = plan.env.routeTable(table)?.name.map { DiagramText.shorten($0, to: 40) } ?? table
            lines.append("route table " + name + (routing.explicit ? "" : " (main)"))
        } else {
            lines.append("no route table")
        }
        return lines.joined(separator: "\n")
    }

    static func roleText(_ role: SubnetRole) -> String {
        switch role {
        case .elb: "internet-facing LBs (tag)"
        case .internalElb: "internal LBs (tag)"
        case .pods: "pods (ENIConfig)"
        case .cluster: "control-plane ENIs"
        case .nodes: "nodes"
        case .database: "database"
        }
    }
}
