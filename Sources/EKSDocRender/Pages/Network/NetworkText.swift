import EKSDocAnalysis
import EKSDocModel

/// Words, labels and links shared by the overview, network, routing, security-group, findings and drift pages.
///
/// Everything returned here is Markdown that is already escaped: names, tags and descriptions from the inputs go
/// through `MD.text` or `MD.code` before they are returned.
enum NetworkText {
    /// The page's H1: `Network — leadertools-qas`.
    static func title(_ page: String, _ env: Environment) -> String { "\(page) — \(env.name)" }

    /// `1 subnet`, `2 subnets`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(MD.number(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    /// A source location as inline code (`file:line:col`), or a dash when unknown.
    static func location(_ location: SourceLocation?) -> String {
        guard let location, !location.file.isEmpty else { return "—" }
        if location.file.hasPrefix("(") { return MD.text(location.file) }
        return MD.code(location.description)
    }

    // MARK: Tiers and roles

    static func tierName(_ tier: Tier) -> String {
        switch tier {
        case .public: "Public"
        case .private: "Private"
        case .isolated: "Isolated"
        }
    }

    /// How a subnet ends up in the tier (reference/aws-facts.md §4).
    static func tierRule(_ tier: Tier) -> String {
        switch tier {
        case .public: "the subnet's route table has an active route to an internet gateway"
        case .private: "no internet-gateway route, but an active default route to a NAT gateway, appliance or other gateway"
        case .isolated: "no active default route, so nothing leaves the VPC's routed ranges"
        }
    }

    static func roleName(_ role: SubnetRole) -> String {
        switch role {
        case .elb: "internet-facing LBs"
        case .internalElb: "internal LBs"
        case .pods: "pods (ENIConfig)"
        case .cluster: "EKS control plane"
        case .nodes: "nodes"
        case .database: "database"
        }
    }

    static func roles(_ roles: [SubnetRole]?) -> String {
        guard let roles, !roles.isEmpty else { return "—" }
        return roles.map(roleName).joined(separator: ", ")
    }

    // MARK: Routes

    /// The kind of a route target in words: `internet gateway`, `instance`, `NAT gateway`.
    static func kindName(_ kind: RouteTargetKind) -> String {
        switch kind {
        case .local: "local"
        case .internetGateway: "internet gateway"
        case .egressOnlyInternetGateway: "egress-only internet gateway"
        case .natGateway: "NAT gateway"
        case .transitGateway: "transit gateway"
        case .vpcPeering: "VPC peering"
        case .instance: "instance"
        case .networkInterface: "network interface"
        case .virtualPrivateGateway: "virtual private gateway"
        case .vpcEndpoint: "gateway endpoint"
        case .localGateway: "local gateway"
        case .carrierGateway: "carrier gateway"
        case .coreNetwork: "core network"
        case .unknown: "unknown"
        }
    }

    /// `Routing.describeTarget` with the target id, escaped: `` `i-0919…` (instance: a routing appliance, …) ``.
    static func target(_ id: String, kind: RouteTargetKind, env: Environment) -> String {
        kind == .local ? MD.code("local") : "\(MD.code(id)) (\(MD.text(Routing.describeTarget(id, kind: kind, in: env))))"
    }

    /// The heading a route table gets on the routing page: `name (rtb-…)`, or its id.
    static func routeTableHeading(_ table: RouteTable) -> String {
        guard let name = table.name ?? table.tags.nameTag, !name.isEmpty else { return table.id }
        return "\(name) (\(table.id))"
    }

    /// A link to a route table's section of the routing page, labelled with its name or id.
    static func routeTableLink(_ id: String, _ context: PageContext) -> String {
        guard let table = context.env.routeTable(id) else { return MD.code(id) }
        let label = table.name ?? table.tags.nameTag ?? table.id
        return context.link(label.isEmpty ? table.id : label, page: "routing",
                            anchor: Anchors.slug(routeTableHeading(table)))
    }

    // MARK: Security groups

    /// The heading a security group gets on the security-groups page: `name (sg-…)`, or its id.
    static func groupHeading(_ group: SecurityGroup) -> String {
        guard let name = group.name, !name.isEmpty else { return group.id }
        return "\(name) (\(group.id))"
    }

    /// A link to a group's section of the security-groups page (from another page), or its id when unknown.
    static func groupLink(_ id: String, _ context: PageContext) -> String {
        guard let group = context.env.securityGroup(id) else { return MD.code(id) }
        return context.link(groupHeading(group), page: "security-groups", anchor: Anchors.slug(groupHeading(group)))
    }

    // MARK: Subnets and addresses

    /// Subnets sorted by AZ, then by CIDR address, then id.
    static func sorted(_ subnets: [Subnet]) -> [Subnet] {
        subnets.sorted { a, b in
            let ka = (a.az ?? "~", a.cidr.flatMap { IPv4Network($0) }?.address.value ?? UInt32.max, a.id)
            let kb = (b.az ?? "~", b.cidr.flatMap { IPv4Network($0) }?.address.value ?? UInt32.max, b.id)
            return ka < kb
        }
    }

    /// The subnets of one tier, sorted.
    static func subnets(in tier: Tier, _ context: PageContext) -> [Subnet] {
        let ids = Set(context.facts.routing.filter { $0.tier == tier }.map(\.subnet))
        return sorted(context.env.subnets.filter { ids.contains($0.id) })
    }

    /// The free-now cell: the snapshot's count, a clear mark when it is impossible, a dash without a snapshot.
    static func freeNow(_ facts: SubnetAddressFacts?) -> String {
        guard let facts, let free = facts.freeNow else { return "—" }
        guard facts.freeNowImpossible else { return MD.number(free) }
        let limit = facts.usable.map { "more than the \(MD.number($0)) usable" } ?? "not plausible"
        return "⚠️ \(MD.number(free)) (impossible: \(limit))"
    }

    /// The part of an IPv4 CIDR's address space that no subnet covers, given the subnets inside it.
    static func unallocated(_ block: IPv4Network, subnets: [Subnet]) -> UInt64 {
        let inside = subnets.compactMap { $0.cidr.flatMap { IPv4Network($0) } }.filter { block.contains($0) }
        let used = inside.map(\.addressCount).reduce(0, +)
        return used >= block.addressCount ? 0 : block.addressCount - used
    }
}
