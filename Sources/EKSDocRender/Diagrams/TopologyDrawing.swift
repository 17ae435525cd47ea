import EKSDocAnalysis
import EKSDocModel

/// Draws the parts of the topology diagram and remembers what it drew: which node stands for each subnet, which
/// nodes share a row, and which targets are placed, so the edges can be added afterwards.
struct TopologyDrawing {
    static let internet = "#internet"

    let plan: TopologyPlan
    let targets: TopologyTargets
    /// Row -> node ids drawn side by side.
    private(set) var rows: [Int: [String]] = [:]
    /// Subnet id -> the node that stands for it (itself, or its AZ/tier summary when collapsed).
    private(set) var anchors: [String: String] = [:]
    private(set) var drawnTargets: Set<String> = []
    private(set) var bottomNode: String?
    private var bottomRow = -1
    /// Invisible edges between nodes of different clusters; they are written at the top level, since an edge
    /// statement inside a cluster would pull its nodes into that cluster.
    private(set) var layoutEdges: [(from: String, to: String)] = []

    init(plan: TopologyPlan, targets: TopologyTargets) {
        self.plan = plan
        self.targets = targets
        drawnTargets = Set(targets.outside.map(\.id))
    }

    static func loadBalancerNode(_ group: TopologyPlan.LoadBalancerGroup) -> String { "lb:" + group.names[0] }

    /// Marks a node drawn below every row (the control plane), so the legend goes under it.
    mutating func markBottom(_ id: String) {
        bottomRow = Int.max
        bottomNode = id
    }

    private mutating func place(_ id: String, row: Int) {
        rows[row, default: []].append(id)
        if row > bottomRow { bottomRow = row; bottomNode = id }
    }

    mutating func drawVPC(_ block: TopologyPlan.VPCBlock, into vpc: inout DOTGraph) {
        if !block.tables.isEmpty {
            vpc.cluster("route-tables:" + block.id, label: "Route tables in use",
                        ["style": "rounded,dashed", "color": "#9e9e9e", "fontsize": "10"]) { box in
                for table in block.tables {
                    let color = plan.colors[table.id] ?? DiagramStyle.muted
                    box.node(table.id, label: tableLabel(table),
                             ["shape": "note", "style": "filled", "fillcolor": "#fafafa", "color": color, "penwidth": "2"])
                    place(table.id, row: 0)
                }
            }
        }
        for column in block.columns {
            vpc.cluster("az:\(block.id):\(column.az)", label: column.az,
                        ["style": "rounded,dashed", "color": "#757575", "fontsize": "11"]) { az in
                drawColumn(column, vpc: block.id, tables: block.tables, into: &az)
            }
        }
        for target in targets.loose(in: block.id) {
            vpc.node(target.id, label: target.label, target.attributes)
            drawnTargets.insert(target.id)
        }
        for group in block.lbGroups {
            vpc.node(TopologyDrawing.loadBalancerNode(group), label: loadBalancerLabel(group),
                     loadBalancerStyle(group))
            let row = group.subnets.compactMap { id in rows.first { $0.value.contains(anchors[id] ?? "") }?.key }.min()
            if let row { place(TopologyDrawing.loadBalancerNode(group), row: row) }
        }
    }

    private mutating func drawColumn(_ column: TopologyPlan.Column, vpc: String, tables: [RouteTable],
                                     into az: inout DOTGraph) {
        var previous: String? = tables.first?.id
        for (index, block) in column.tiers.enumerated() {
            let style = TopologyDrawing.tierStyle(block.tier)
            var first: String?, last: String?
            az.cluster("tier:\(vpc):\(column.az):\(block.tier.rawValue)", label: TopologyDrawing.tierTitle(block.tier),
                       style) { tier in
                if plan.collapsed {
                    let id = "subnets:\(vpc):\(column.az):\(block.tier.rawValue)"
                    tier.node(id, label: summaryLabel(block.subnets.map(\.subnet), tier: block.tier))
                    place(id, row: index + 1)
                    for (subnet, _) in block.subnets { anchors[subnet.id] = id }
                    drawResidents(of: block.subnets.map(\.subnet.id), anchor: id, row: index + 1, into: &tier)
                    first = id; last = id
                    return
                }
                for (subnet, row) in block.subnets {
                    let color = plan.facts.routing(of: subnet.id)?.routeTable.flatMap { plan.colors[$0] } ?? DiagramStyle.muted
                    tier.node(subnet.id, label: TopologyDiagram.subnetLabel(subnet, plan: plan),
                              ["color": color, "penwidth": "1.6"])
                    anchors[subnet.id] = subnet.id
                    place(subnet.id, row: row)
                    drawResidents(of: [subnet.id], anchor: subnet.id, row: row, into: &tier)
                    if first == nil { first = subnet.id }
                    if let last { tier.edge(last, subnet.id, ["style": "invis"]) }
                    last = subnet.id
                }
            }
            if let previous, let first {
                if index == 0 { layoutEdges.append((previous, first)) } else { az.edge(previous, first, ["style": "invis"]) }
            }
            previous = last ?? previous
        }
    }

    private mutating func drawResidents(of subnets: [String], anchor: String, row: Int, into graph: inout DOTGraph) {
        for subnet in subnets {
            for target in targets.resident(in: subnet) {
                graph.node(target.id, label: target.label, target.attributes)
                graph.edge(anchor, target.id, ["style": "dotted", "arrowhead": "none", "color": "#616161"])
                drawnTargets.insert(target.id)
                place(target.id, row: row)
            }
        }
    }

    /// Targets that belong to no drawn VPC or subnet, drawn at the top level so every edge has its node.
    mutating func drawLeftovers(into graph: inout DOTGraph) {
        for target in targets.all where !drawnTargets.contains(target.id) {
            graph.node(target.id, label: target.label, target.attributes)
            drawnTargets.insert(target.id)
        }
        for lb in plan.unplacedLoadBalancers {
            let group = TopologyPlan.LoadBalancerGroup(names: [lb.name], scheme: lb.scheme ?? "unknown scheme",
                                                       type: lb.type ?? "load balancer", subnets: [])
            graph.node(TopologyDrawing.loadBalancerNode(group), label: loadBalancerLabel(group) + "\nsubnets not in the inputs",
                       loadBalancerStyle(group))
        }
    }

    func tableLabel(_ table: RouteTable) -> String {
        let users = plan.facts.routing.filter { $0.routeTable == table.id }.count
        var lines: [String] = []
        if let name = table.name, !name.isEmpty { lines.append(DiagramText.shorten(name, to: 40)) }
        lines.append(table.id + (table.main ? " (main)" : ""))
        lines.append("used by " + DiagramText.count(users, "subnet"))
        return lines.joined(separator: "\n")
    }

    func summaryLabel(_ subnets: [Subnet], tier: Tier) -> String {
        let facts = subnets.compactMap { plan.facts.addresses.subnet($0.id) }
        let totals = AddressTotals(facts)
        var lines = [DiagramText.count(subnets.count, "\(tier.rawValue) subnet")]
        lines.append(contentsOf: DiagramText.list(subnets.compactMap(\.cidr).sorted(), limit: 3))
        var figures = ["\(DiagramText.number(totals.usable)) usable"]
        if totals.subnetsWithFreeNow > 0 { figures.append("\(DiagramText.number(totals.freeNow)) free now") }
        lines.append(figures.joined(separator: " · "))
        return lines.joined(separator: "\n")
    }

    func loadBalancerLabel(_ group: TopologyPlan.LoadBalancerGroup) -> String {
        let kind = group.type == "application" ? "ALB" : group.type == "network" ? "NLB" : group.type
        let head = group.names.count == 1 ? "\(group.scheme) \(kind)" : "\(group.names.count) \(group.scheme) \(kind)s"
        let names = DiagramText.list(group.names.map { DiagramText.shorten($0, to: 40) }, limit: 3)
        return ([head] + names).joined(separator: "\n")
    }

    func loadBalancerStyle(_ group: TopologyPlan.LoadBalancerGroup) -> [String: String] {
        var style = ["tooltip": group.names.joined(separator: "\n"), "shape": "box"]
        if group.internetFacing {
            style["style"] = "rounded,filled,bold"; style["fillcolor"] = "#fde2e2"; style["color"] = DiagramStyle.internet
        } else {
            style["style"] = "rounded,filled,dashed"; style["fillcolor"] = "#ede7f6"; style["color"] = "#5e35b1"
        }
        return style
    }

    static func tierTitle(_ tier: Tier) -> String {
        switch tier {
        case .public: "public tier"
        case .private: "private tier"
        case .isolated: "isolated tier (no default route)"
        }
    }

    static func tierStyle(_ tier: Tier) -> [String: String] {
        let fill = tier == .public ? "#e8f5e9" : tier == .private ? "#e3f2fd" : "#f3e5f5"
        return ["style": "rounded,filled", "fillcolor": fill, "color": "#bdbdbd", "fontsize": "9"]
    }
}
