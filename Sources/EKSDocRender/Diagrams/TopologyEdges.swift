import EKSDocAnalysis
import EKSDocModel

/// The edges of the topology diagram, written at the top level once every node is placed.
extension TopologyDrawing {
    /// One edge per route table and target: the default route solid and labelled `0.0.0.0/0`; the other
    /// non-local routes dashed, labelled with their destinations (`N ranges` beyond two, listed in the tooltip);
    /// blackhole routes red and dotted.
    func drawRoutes(into graph: inout DOTGraph) {
        for block in plan.vpcs {
            for table in block.tables {
                let color = plan.colors[table.id] ?? DiagramStyle.muted
                var byTarget: [String: [Route]] = [:]
                for route in table.routes where route.targetKind != .local { byTarget[route.target, default: []].append(route) }
                for target in byTarget.keys.sorted() {
                    let routes = byTarget[target]!
                    let active = routes.filter(Routing.isActive)
                    let defaults = active.filter(Routing.isDefault).map(\.destination).sorted()
                    let others = active.filter { !Routing.isDefault($0) }.map(\.destination)
                    let blackholes = routes.filter { !Routing.isActive($0) }.map(\.destination)
                    if !defaults.isEmpty {
                        routeEdge(table.id, target, label: defaults.joined(separator: ", "), tooltip: nil,
                                  ["color": color, "penwidth": "1.8", "fontcolor": color], into: &graph)
                    }
                    if !others.isEmpty {
                        routeEdge(table.id, target, label: TopologyDrawing.destinations(others), tooltip: others,
                                  ["color": color, "style": "dashed", "fontcolor": color], into: &graph)
                    }
                    if !blackholes.isEmpty {
                        routeEdge(table.id, target, label: TopologyDrawing.destinations(blackholes) + " (blackhole)",
                                  tooltip: blackholes,
                                  ["color": DiagramStyle.blocked, "style": "dotted", "fontcolor": DiagramStyle.blocked],
                                  into: &graph)
                    }
                }
            }
        }
    }

    private func routeEdge(_ table: String, _ target: String, label: String, tooltip: [String]?,
                           _ style: [String: String], into graph: inout DOTGraph) {
        var attributes = style
        let sorted = (tooltip ?? []).sorted(by: TopologyDrawing.cidrOrder)
        attributes["tooltip"] = sorted.isEmpty ? "\(table) → \(target): \(label)" : "\(table) → \(target): " + sorted.joined(separator: ", ")
        attributes["labeltooltip"] = attributes["tooltip"]
        if targets.isAbove(target) {
            // Drawn from the target down, arrow at the target: keeps gateways above the VPC.
            attributes["dir"] = "back"
            graph.edge(target, table, label: label, attributes)
        } else {
            graph.edge(table, target, label: label, attributes)
        }
    }

    /// One or two destinations by name, more as `N ranges`.
    static func destinations(_ list: [String]) -> String {
        let sorted = list.sorted(by: cidrOrder)
        return sorted.count <= 2 ? sorted.joined(separator: "\n") : "\(DiagramText.number(sorted.count)) ranges"
    }

    /// Orders CIDRs by address, then prefix length; anything else (prefix lists) after, by text.
    static func cidrOrder(_ a: String, _ b: String) -> Bool {
        switch (IPv4Network(a), IPv4Network(b)) {
        case let (x?, y?):
            return (x.address.value, x.prefixLength) < (y.address.value, y.prefixLength)
        case (.some, .none): return true
        case (.none, .some): return false
        case (.none, .none): return a < b
        }
    }

    /// Each load balancer group beside its subnets (dotted lines); internet-facing ones get an arrow from the
    /// internet gateway their subnets route to. Internal load balancers get none: the internet cannot reach them.
    func drawLoadBalancerEdges(into graph: inout DOTGraph) {
        for block in plan.vpcs {
            for group in block.lbGroups {
                let node = TopologyDrawing.loadBalancerNode(group)
                var seen = Set<String>()
                for subnet in group.subnets {
                    guard let anchor = anchors[subnet], seen.insert(anchor).inserted else { continue }
                    graph.edge(anchor, node, ["style": "dotted", "arrowhead": "none", "color": "#7e57c2",
                                              "constraint": "false"])
                }
                guard group.internetFacing else { continue }
                let gateways = Set(group.subnets.compactMap { plan.facts.routing(of: $0) }
                    .compactMap(\.routeTable).compactMap { plan.env.routeTable($0) }
                    .flatMap(\.routes).filter { $0.targetKind == .internetGateway && Routing.isActive($0) }
                    .map(\.target)).sorted()
                for gateway in gateways {
                    graph.edge(gateway, node, label: "inbound",
                               ["color": DiagramStyle.internet, "fontcolor": DiagramStyle.internet, "penwidth": "1.5",
                                "constraint": "false"])
                }
            }
        }
    }

    /// The EKS control plane below the VPCs, with dashed lines to the subnets that hold its ENIs.
    mutating func drawControlPlane(_ cluster: Cluster?, into graph: inout DOTGraph) {
        guard let cluster else { return }
        let id = "eks:" + cluster.name
        var lines = ["EKS control plane (AWS-managed VPC)", DiagramText.shorten(cluster.name, to: 48)
            + (cluster.version.map { " · Kubernetes \($0)" } ?? "")]
        let access = [cluster.endpointPublic == true ? "public" : nil, cluster.endpointPrivate == true ? "private" : nil]
            .compactMap { $0 }
        if !access.isEmpty { lines.append("API endpoint: " + access.joined(separator: " + ")) }
        if let cidr = cluster.serviceCidr { lines.append("service CIDR \(cidr)") }
        graph.node(id, label: lines.joined(separator: "\n"),
                   ["shape": "box3d", "style": "filled", "fillcolor": "#fff8e1", "color": "#ff8f00"])
        var seen = Set<String>()
        for subnet in cluster.subnets.sorted() {
            guard let anchor = anchors[subnet], seen.insert(anchor).inserted else { continue }
            graph.edge(anchor, id, ["style": "dashed", "arrowhead": "none", "color": "#ff8f00",
                                    "tooltip": "control-plane ENIs in \(subnet)"])
        }
        // Below the lowest subnet of every AZ column, so the control plane sits under the VPC.
        for block in plan.vpcs {
            for column in block.columns {
                guard let last = column.tiers.last?.subnets.last?.subnet.id, let anchor = anchors[last] else { continue }
                graph.edge(anchor, id, ["style": "invis"])
            }
        }
        markBottom(id)
    }

    private func isResident(_ target: TopologyTargets.Target) -> Bool {
        if case .subnet = target.placement { return true }
        return false
    }

    /// Rows side by side across AZs, and the invisible edges that stack the parts top to bottom.
    func drawRows(into graph: inout DOTGraph) {
        let firstTable = plan.vpcs.lazy.compactMap { $0.tables.first?.id }.first
        let firstSubnet = plan.vpcs.lazy.compactMap { $0.columns.first?.tiers.first?.subnets.first?.subnet.id }.first
        if let top = firstTable ?? firstSubnet.flatMap({ anchors[$0] }) {
            for target in targets.outside { graph.edge(target.id, top, ["style": "invis"]) }
            graph.edge(TopologyDrawing.internet, top, ["style": "invis"])
            // Endpoints and appliances loose in a VPC go below the route tables, not above them.
            for target in targets.all where target.placement != .outside && !isResident(target) && target.id != top {
                graph.edge(top, target.id, ["style": "invis"])
            }
        }
        for edge in layoutEdges { graph.edge(edge.from, edge.to, ["style": "invis"]) }
        for row in rows.keys.sorted() { graph.sameRank(rows[row]!) }
    }
}
