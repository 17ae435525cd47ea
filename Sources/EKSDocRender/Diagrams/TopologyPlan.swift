import EKSDocAnalysis
import EKSDocModel

/// Where everything of the topology diagram goes: VPCs, AZ columns, tier blocks, rows that line up across AZs,
/// the route tables in use and the load balancers grouped by placement. Independent of input order.
struct TopologyPlan {
    /// One AZ column of a VPC: its subnets per tier, each with its row.
    struct Column {
        var az: String
        var tiers: [(tier: Tier, subnets: [(subnet: Subnet, row: Int)])]
    }

    struct VPCBlock {
        var id: String
        var vpc: VPC?
        var columns: [Column]
        var tables: [RouteTable]
        var lbGroups: [LoadBalancerGroup]
    }

    /// Load balancers with the same VPC, scheme, type and subnets, drawn as one node.
    struct LoadBalancerGroup {
        var names: [String]
        var scheme: String
        var type: String
        var subnets: [String]
        var internetFacing: Bool { scheme == "internet-facing" }
    }

    /// Above this many subnets a VPC's subnets are drawn one node per AZ and tier.
    static let collapseThreshold = 40

    let env: Environment
    let facts: EnvironmentFacts
    private(set) var vpcs: [VPCBlock] = []
    /// Route table id -> colour, for tables that some subnet uses.
    private(set) var colors: [String: String] = [:]
    let collapsed: Bool

    static let palette = ["#1565c0", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457", "#5d4037", "#455a64"]
    static let tierOrder: [Tier] = [.public, .private, .isolated]

    init(_ context: PageContext) {
        env = context.env
        facts = context.facts
        collapsed = env.subnets.count > TopologyPlan.collapseThreshold
        let subnets = env.subnets.sorted { $0.id < $1.id }
        let vpcIDs = Set(subnets.map { $0.vpc ?? "" } + env.vpcs.map(\.id)).sorted()
        var tableIndex = 0
        for vpcID in vpcIDs {
            let members = subnets.filter { ($0.vpc ?? "") == vpcID }
            let tableIDs = Set(members.compactMap { facts.routing(of: $0.id)?.routeTable })
            let tables = env.routeTables.filter { tableIDs.contains($0.id) }.sorted { $0.id < $1.id }
            for table in tables where colors[table.id] == nil {
                colors[table.id] = TopologyPlan.palette[tableIndex % TopologyPlan.palette.count]
                tableIndex += 1
            }
            vpcs.append(VPCBlock(id: vpcID, vpc: env.vpc(vpcID), columns: columns(members), tables: tables,
                                 lbGroups: loadBalancerGroups(vpc: vpcID, members: Set(members.map(\.id)))))
        }
    }

    func tier(of subnet: String) -> Tier { facts.routing(of: subnet)?.tier ?? .isolated }

    /// Subnets sorted into AZ columns and tier blocks. Within a tier, subnets with the same roles share a row
    /// across AZs (the `k8s` subnets of both AZs side by side); rows start at 1 (row 0 holds the route tables).
    private func columns(_ members: [Subnet]) -> [Column] {
        let azs = Set(members.map { $0.az ?? "unknown AZ" }).sorted()
        var rowOf: [String: Int] = [:]
        var next = 1
        for tier in TopologyPlan.tierOrder {
            let inTier = members.filter { self.tier(of: $0.id) == tier }
            let keys = Set(inTier.map(roleKey)).sorted { ($0.rank, $0.text) < ($1.rank, $1.text) }
            for key in keys {
                var depth = 0
                for az in azs {
                    let group = inTier.filter { ($0.az ?? "unknown AZ") == az && roleKey($0) == key }.sorted(by: subnetOrder)
                    for (index, subnet) in group.enumerated() { rowOf[subnet.id] = next + index }
                    depth = max(depth, group.count)
                }
                next += depth
            }
        }
        return azs.map { az in
            let inAZ = members.filter { ($0.az ?? "unknown AZ") == az }
            let tiers = TopologyPlan.tierOrder.compactMap { tier -> (tier: Tier, subnets: [(subnet: Subnet, row: Int)])? in
                let list = inAZ.filter { self.tier(of: $0.id) == tier }
                    .map { (subnet: $0, row: rowOf[$0.id] ?? 1) }
                    .sorted { ($0.row, $0.subnet.id) < ($1.row, $1.subnet.id) }
                return list.isEmpty ? nil : (tier, list)
            }
            return Column(az: az, tiers: tiers)
        }
    }

    private struct RoleKey: Hashable {
        var rank: Int
        var text: String
    }

    private func roleKey(_ subnet: Subnet) -> RoleKey {
        let roles = facts.roles[subnet.id] ?? []
        let rank = roles.compactMap { SubnetRole.allCases.firstIndex(of: $0) }.min() ?? SubnetRole.allCases.count
        return RoleKey(rank: rank, text: roles.map(\.rawValue).joined(separator: ","))
    }

    private func subnetOrder(_ a: Subnet, _ b: Subnet) -> Bool {
        ((a.name ?? ""), a.id) < ((b.name ?? ""), b.id)
    }

    private func loadBalancerGroups(vpc: String, members: Set<String>) -> [LoadBalancerGroup] {
        var groups: [String: LoadBalancerGroup] = [:]
        for lb in env.loadBalancers {
            let subnets = Array(Set(lb.subnets)).sorted()
            let inVPC = lb.vpc.map { $0 == vpc } ?? subnets.contains(where: members.contains)
            guard inVPC else { continue }
            let scheme = lb.scheme ?? "unknown scheme", type = lb.type ?? "load balancer"
            let key = [scheme, type, subnets.joined(separator: ",")].joined(separator: "|")
            groups[key, default: LoadBalancerGroup(names: [], scheme: scheme, type: type, subnets: subnets)].names.append(lb.name)
        }
        return groups.keys.sorted().map { key in
            var group = groups[key]!
            group.names.sort()
            return group
        }
    }

    /// Load balancers of no VPC in the inputs (neither a VPC id nor a known subnet).
    var unplacedLoadBalancers: [LoadBalancer] {
        let placed = Set(vpcs.flatMap { $0.lbGroups.flatMap(\.names) })
        return env.loadBalancers.filter { !placed.contains($0.name) }.sorted { $0.name < $1.name }
    }
}
