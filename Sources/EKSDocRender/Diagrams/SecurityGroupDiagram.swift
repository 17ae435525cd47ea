import EKSDocAnalysis
import EKSDocModel

/// Security groups as DOT: the addresses and groups their rules name on the left, groups on the right, one edge
/// per pair of ends listing the ports. Rules open to 0.0.0.0/0 or ::/0 come from an internet node in red (all
/// traffic or an administrative or database port) or orange (other ports).
enum SecurityGroupDiagram {
    static func dot(_ context: PageContext) -> String {
        let env = context.env
        let title = "Security groups: \(env.name)"
        guard !env.securityGroups.isEmpty else {
            return DiagramStyle.placeholder(DiagramGroup.securityGroups, title: title,
                                            message: "No security group in the inputs of \(env.name).")
        }
        let view = SecurityGroupView(env: env, facts: context.facts)
        let (edges, peers, folded) = fold(view)
        let note = folded.isEmpty ? "" : "\nAddress ranges are folded into the groups they reach: \(view.edges.count) edges "
            + "are more than a diagram can show. The tables list every rule."
        var graph = DiagramStyle.graph(DiagramGroup.securityGroups, rankdir: "LR", label: title + note,
                                       extra: ["ranksep": "1.1", "nodesep": "0.35"])
        for peer in peers {
            graph.node(peer, label: peerLabel(peer, env: env), peerStyle(peer))
        }
        for node in view.nodes {
            var label = groupLabel(node, env: env)
            if let ranges = folded[node.id] {
                label += "\n+ rules with \(ranges.count) address range\(ranges.count == 1 ? "" : "s")"
            }
            graph.node(node.id, label: label, groupStyle(node, env: env))
        }
        for edge in edges {
            graph.edge(edge.from, edge.to, label: edgeLabel(edge), edgeStyle(edge))
        }
        let sources = view.peers.filter(SecurityAnalysis.isInternet)
        graph.sameRank(sources)
        graph.node("#legend", label: legend, ["shape": "plaintext", "style": "", "fontsize": "8",
                                             "fontcolor": DiagramStyle.muted])
        return graph.text
    }

    /// The most edges drawn one by one. Above it, edges between a group and an address range (other than the
    /// internet) are folded into the group's label; group-to-group and internet edges stay.
    static let maximumEdges = 150

    /// The edges and peers to draw, and per group node the address ranges folded into it.
    static func fold(_ view: SecurityGroupView) -> ([SecurityGroupView.Edge], [String], [String: Set<String>]) {
        guard view.edges.count > maximumEdges else { return (view.edges, view.peers, [:]) }
        let groups = Set(view.nodes.map(\.id))
        var kept: [SecurityGroupView.Edge] = []
        var folded: [String: Set<String>] = [:]
        for edge in view.edges {
            if edge.internet || (groups.contains(edge.from) && groups.contains(edge.to)) {
                kept.append(edge)
            } else if groups.contains(edge.to) {
                folded[edge.to, default: []].insert(edge.from)
            } else if groups.contains(edge.from) {
                folded[edge.from, default: []].insert(edge.to)
            } else {
                kept.append(edge)
            }
        }
        let ends = Set(kept.flatMap { [$0.from, $0.to] })
        return (kept, view.peers.filter(ends.contains), folded)
    }

    static let legend = """
        Arrows point the way traffic may start: ingress rules from a peer into a group, dashed egress rules out.
        Red: open to the internet for all traffic or an administrative/database port. Orange: open to the internet.
        Security groups are stateful: replies to allowed traffic are allowed. Default egress (all traffic to anywhere) is noted on the group.
        """

    static func groupLabel(_ node: SecurityGroupView.GroupNode, env: Environment) -> String {
        var lines: [String] = []
        if node.members.count == 1, let group = node.members.first {
            lines.append(DiagramText.shorten(group.name ?? "(no name)", to: 48))
            lines.append(group.id)
            if let description = group.description, !description.isEmpty, description != group.name {
                lines.append(contentsOf: DiagramText.block(description, width: 44, maxLines: 2))
            }
        } else {
            lines.append("\(node.members.count) security groups with the same rules")
            let members = node.members.map { DiagramText.shorten($0.name ?? "(no name)", to: 36) + " · " + $0.id }
            lines.append(contentsOf: DiagramText.list(members, limit: 16))
        }
        if !node.attachments.isEmpty {
            lines.append("used by: " + DiagramText.shorten(node.attachments.joined(separator: ", "), to: 90))
        }
        if onlyInternalLoadBalancers(node, env: env) {
            lines.append("only on internal load balancers: not reachable from the internet")
        }
        if node.defaultEgress { lines.append("egress: all traffic to anywhere") }
        if node.members.allSatisfy({ $0.egress.isEmpty }) { lines.append("egress rules not in the inputs") }
        return lines.joined(separator: "\n")
    }

    /// True when every member is attached to load balancers only, and all of them are internal.
    static func onlyInternalLoadBalancers(_ node: SecurityGroupView.GroupNode, env: Environment) -> Bool {
        let ids = Set(node.members.map(\.id))
        let lbs = env.loadBalancers.filter { !ids.isDisjoint(with: $0.securityGroups) }
        guard !lbs.isEmpty, lbs.allSatisfy({ $0.scheme == "internal" }) else { return false }
        let attachments = SecurityGroupView.attachments(env)
        return node.members.allSatisfy { member in
            let kinds = (attachments[member.id] ?? []).map(\.kind)
            return !kinds.isEmpty && kinds.allSatisfy { $0.hasPrefix("internal ") }
        }
    }

    static func groupStyle(_ node: SecurityGroupView.GroupNode, env: Environment) -> [String: String] {
        var style = ["fillcolor": "#e3f2fd", "color": "#1565c0",
                     "tooltip": node.members.map { ($0.name ?? "(no name)") + " " + $0.id }.joined(separator: "\n")]
        if node.members.count > 1 { style["style"] = "rounded,filled,bold"; style["peripheries"] = "2" }
        return style
    }

    static func peerLabel(_ peer: String, env: Environment) -> String {
        if SecurityAnalysis.isInternet(peer) {
            return peer + "\nany " + (peer.contains(":") ? "IPv6" : "IPv4") + " address: the internet"
        }
        if peer.hasPrefix("pl-") { return "prefix list\n" + peer }
        if peer.hasPrefix("sg-") { return peer + "\nsecurity group not in the inputs" }
        var lines = [peer]
        if let vpc = env.vpcs.first(where: { $0.cidrs.contains(peer) || $0.ipv6Cidrs.contains(peer) }) {
            lines.append("CIDR of VPC " + (vpc.name ?? vpc.id))
        } else if let subnet = env.subnets.sorted(by: { $0.id < $1.id }).first(where: { $0.cidr == peer }) {
            lines.append("subnet " + (subnet.name ?? subnet.id))
        }
        return lines.map { DiagramText.shorten($0, to: 48) }.joined(separator: "\n")
    }

    static func peerStyle(_ peer: String) -> [String: String] {
        if SecurityAnalysis.isInternet(peer) {
            return ["shape": "ellipse", "style": "filled,bold", "fillcolor": "#ffebee", "color": DiagramStyle.internet,
                    "fontcolor": DiagramStyle.internet]
        }
        if peer.hasPrefix("sg-") { return ["style": "rounded,dashed", "color": DiagramStyle.muted] }
        return ["shape": "ellipse", "style": "filled", "fillcolor": "#f5f5f5"]
    }

    static func edgeLabel(_ edge: SecurityGroupView.Edge) -> String {
        var lines = DiagramText.list(edge.ports, limit: 6)
        if edge.egress { lines.insert("egress", at: 0) }
        return lines.joined(separator: "\n")
    }

    static func edgeStyle(_ edge: SecurityGroupView.Edge) -> [String: String] {
        var style = ["tooltip": (edge.egress ? "egress " : "ingress ") + edge.ports.joined(separator: ", ")]
        style["labeltooltip"] = style["tooltip"]
        if edge.egress { style["style"] = "dashed" }
        if edge.internet {
            let color = edge.sensitive ? DiagramStyle.internet : DiagramStyle.warning
            style["color"] = color; style["fontcolor"] = color; style["penwidth"] = "2"
        }
        return style
    }
}
