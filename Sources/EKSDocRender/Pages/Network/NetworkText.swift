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

    /// Printable ASCII characters that keep a value out of a code span: nothing can be escaped inside one, so
    /// markup, HTML and link syntax would stay in the Markdown source (inert once rendered, but there for any
    /// other reader of the file).
    static let notInCode: Set<Character> = ["`", "<", ">", "&", "|", "\\", "[", "]"]

    /// An identifier or value from the inputs as inline code when it is plain (ids, CIDRs, paths, names of the
    /// usual shape), else as escaped text through `MD.text`.
    static func code(_ raw: String) -> String {
        let plain = raw.allSatisfy { ch in
            guard let value = ch.asciiValue, value >= 32, value < 127 else { return false }
            return !notInCode.contains(ch)
        }
        guard plain, !raw.isEmpty else { return MD.text(raw) }
        return MD.code(raw)
    }

    /// Several values as inline code, comma-separated; `none` when there are none.
    static func codes(_ values: [String], none: String = "—") -> String {
        values.isEmpty ? none : values.map(code).joined(separator: ", ")
    }

    /// A source location as inline code (`file:line:col`), or a dash when unknown.
    static func location(_ location: SourceLocation?) -> String {
        guard let location, !location.file.isEmpty else { return "—" }
        if location.file.hasPrefix("(") { return MD.text(location.file) }
        return code(location.description)
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

    /// Why a tier has no subnet.
    static func tierEmpty(_ tier: Tier) -> String {
        switch tier {
        case .public: "no subnet's route table has a route to an internet gateway."
        case .private: "every subnet either reaches an internet gateway or has no default route."
        case .isolated: "every subnet has an active default route."
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
        kind == .local ? code("local") : "\(code(id)) (\(MD.text(Routing.describeTarget(id, kind: kind, in: env))))"
    }

    /// Heading text on one line: line breaks and tabs become spaces, as `MD.text` renders them, so the anchor
    /// computed from the text matches the one GitHub computes from the rendered heading.
    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// The heading a route table gets on the routing page: `name (rtb-…)`, or its id.
    static func routeTableHeading(_ table: RouteTable) -> String {
        guard let name = table.name ?? table.tags.nameTag, !name.isEmpty else { return oneLine(table.id) }
        return oneLine("\(name) (\(table.id))")
    }

    /// A link to a route table's section of the routing page, labelled with its name or id; `local` for links
    /// from the routing page itself.
    static func routeTableLink(_ id: String, _ context: PageContext, local: Bool = false) -> String {
        guard let table = context.env.routeTable(id) else { return code(id) }
        let name = table.name ?? table.tags.nameTag ?? ""
        let label = name.isEmpty ? table.id : name
        let anchor = Anchors.slug(routeTableHeading(table))
        return local ? MD.link(label, "#" + anchor) : context.link(label, page: "routing", anchor: anchor)
    }

    // MARK: Security groups

    /// The heading a security group gets on the security-groups page: `name (sg-…)`, or its id.
    static func groupHeading(_ group: SecurityGroup) -> String {
        guard let name = group.name, !name.isEmpty else { return oneLine(group.id) }
        return oneLine("\(name) (\(group.id))")
    }

    /// A link to a group's section of the security-groups page (from another page), or its id when unknown.
    static func groupLink(_ id: String, _ context: PageContext) -> String {
        guard let group = context.env.securityGroup(id) else { return code(id) }
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
