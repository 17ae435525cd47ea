import EKSDocModel

/// An entity that can be combined across sources: same key from two files of one origin are filled
/// together; a declared and a live entity with the same key are compared field by field for drift.
protocol Mergeable {
    /// Identity within an environment (resource id, or name for named resources).
    var mergeKey: String { get }
    /// How drift items name the entity, e.g. `subnet subnet-0abc`.
    var entityLabel: String { get }
    var source: SourceLocation { get }
    /// Fields compared between declared and live, as display text (nil: not stated by that source).
    static func driftFields() -> [(name: String, value: (Self) -> String?)]
    /// This entity with fields it leaves unset taken from `other`.
    func filling(from other: Self) -> Self
    /// True when a declared entity without a real id describes this live one (e.g. same CIDR).
    func describes(_ declared: Self) -> Bool
}

extension Mergeable {
    static func driftFields() -> [(name: String, value: (Self) -> String?)] { [] }
    func describes(_ declared: Self) -> Bool { mergeKey == declared.mergeKey }
}

/// Sets `target` from `other` when unset.
func fill<T>(_ target: inout T?, _ other: T?) {
    if target == nil { target = other }
}

/// Sets an empty collection from `other`.
func fill<C: RangeReplaceableCollection>(_ target: inout C, _ other: C) {
    if target.isEmpty { target = other }
}

/// Joins a list for comparison regardless of order.
func setText(_ items: [String]) -> String? {
    items.isEmpty ? nil : items.sorted().joined(separator: ", ")
}

func tagsUnion(_ live: Tags, _ declared: Tags) -> Tags {
    live.merging(declared) { liveValue, _ in liveValue }
}

extension VPC: Mergeable {
    var mergeKey: String { id }
    var entityLabel: String { "vpc \(id)" }
    static func driftFields() -> [(name: String, value: (VPC) -> String?)] {
        [("cidrs", { setText($0.cidrs) })]
    }
    func filling(from o: VPC) -> VPC {
        var r = self
        fill(&r.cidrs, o.cidrs); fill(&r.ipv6Cidrs, o.ipv6Cidrs); fill(&r.name, o.name); fill(&r.isDefault, o.isDefault)
        r.tags = tagsUnion(tags, o.tags)
        return r
    }
    func describes(_ d: VPC) -> Bool {
        id == d.id || (d.id.hasPrefix("declared:") && !cidrs.isEmpty && cidrs.first == d.cidrs.first)
    }
}

extension Subnet: Mergeable {
    var mergeKey: String { id }
    var entityLabel: String { "subnet \(id)" }
    static func driftFields() -> [(name: String, value: (Subnet) -> String?)] {
        [("cidr", { $0.cidr }), ("az", { $0.az })]
    }
    func filling(from o: Subnet) -> Subnet {
        var r = self
        if r.vpc == nil || r.vpc?.hasPrefix("declared:") == true || r.vpc?.hasPrefix("eksctl:") == true {
            if let v = o.vpc, !v.hasPrefix("declared:"), !v.hasPrefix("eksctl:") { r.vpc = v } else { fill(&r.vpc, o.vpc) }
        }
        fill(&r.cidr, o.cidr); fill(&r.ipv6Cidr, o.ipv6Cidr); fill(&r.az, o.az); fill(&r.azId, o.azId)
        fill(&r.name, o.name); fill(&r.availableAddresses, o.availableAddresses)
        fill(&r.mapPublicIpOnLaunch, o.mapPublicIpOnLaunch)
        r.tags = tagsUnion(tags, o.tags)
        return r
    }
    func describes(_ d: Subnet) -> Bool {
        id == d.id || (!d.id.hasPrefix("subnet-") && cidr != nil && cidr == d.cidr)
    }
}

extension RouteTable: Mergeable {
    var mergeKey: String { id }
    var entityLabel: String { "route table \(id)" }
    func filling(from o: RouteTable) -> RouteTable {
        var r = self
        fill(&r.vpc, o.vpc); r.main = main || o.main
        r.subnets = Array(Set(subnets + o.subnets)).sorted()
        r.gateways = Array(Set(gateways + o.gateways)).sorted()
        var seen = Set(routes.map(\.destination))
        for route in o.routes where seen.insert(route.destination).inserted { r.routes.append(route) }
        fill(&r.name, o.name); r.tags = tagsUnion(tags, o.tags)
        return r
    }
}

extension SecurityGroup: Mergeable {
    var mergeKey: String { id }
    var entityLabel: String { "security group \(id)" }
    func filling(from o: SecurityGroup) -> SecurityGroup {
        var r = self
        fill(&r.name, o.name); fill(&r.description, o.description); fill(&r.vpc, o.vpc)
        fill(&r.ingress, o.ingress); fill(&r.egress, o.egress); r.tags = tagsUnion(tags, o.tags)
        return r
    }
}

extension InternetGateway: Mergeable {
    var mergeKey: String { id }
    var entityLabel: String { "internet gateway \(id)" }
    func filling(from o: InternetGateway) -> InternetGateway {
        var r = self
        r.vpcs = Array(Set(vpcs + o.vpcs)).sorted(); fill(&r.name, o.name)
        return r
    }
}

extension NatGateway: Mergeable {
    var mergeKey: String { id }
    var entityLabel: String { "NAT gateway \(id)" }
    func filling(from o: NatGateway) -> NatGateway {
        var r = self
        fill(&r.vpc, o.vpc); fill(&r.subnet, o.subnet); fill(&r.state, o.state); fill(&r.connectivity, o.connectivity)
        fill(&r.publicIps, o.publicIps); fill(&r.privateIps, o.privateIps); fill(&r.name, o.name)
        return r
    }
}

extension NetworkAcl: Mergeable {
    var mergeKey: String { id }
    var entityLabel: String { "network ACL \(id)" }
    func filling(from o: NetworkAcl) -> NetworkAcl {
        var r = self
        fill(&r.vpc, o.vpc); r.subnets = Array(Set(subnets + o.subnets)).sorted(); fill(&r.entries, o.entries)
        fill(&r.name, o.name)
        return r
    }
}

extension VpcEndpoint: Mergeable {
    var mergeKey: String { id }
    var entityLabel: String { "VPC endpoint \(id)" }
    func filling(from o: VpcEndpoint) -> VpcEndpoint {
        var r = self
        fill(&r.vpc, o.vpc); fill(&r.subnets, o.subnets); fill(&r.routeTables, o.routeTables)
        fill(&r.securityGroups, o.securityGroups); fill(&r.privateDns, o.privateDns)
        return r
    }
}

extension Instance: Mergeable {
    var mergeKey: String { id }
    var entityLabel: String { "instance \(id)" }
    func filling(from o: Instance) -> Instance {
        var r = self
        fill(&r.type, o.type); fill(&r.vpc, o.vpc); fill(&r.subnet, o.subnet); fill(&r.az, o.az)
        fill(&r.privateIp, o.privateIp); fill(&r.publicIp, o.publicIp); fill(&r.state, o.state)
        fill(&r.securityGroups, o.securityGroups); fill(&r.networkInterfaces, o.networkInterfaces)
        fill(&r.sourceDestCheck, o.sourceDestCheck); fill(&r.name, o.name); r.tags = tagsUnion(tags, o.tags)
        return r
    }
}
