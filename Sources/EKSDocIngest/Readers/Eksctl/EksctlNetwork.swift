import EKSDocModel

/// The `vpc` section of a ClusterConfig: the VPC, its public and private subnets, NAT mode and endpoint access.
///
/// Without an `id`, the VPC is one eksctl will create: it gets the id `eksctl:<cluster>-vpc`, and each subnet
/// without an `id` gets `eksctl:<key>-<tier>` (the key is the AZ, or a subnet name). Tiers and the NAT mode are
/// recorded as tags: `eksdoc:tier` (public/private) and `eksdoc:nat` (Single/HighlyAvailable/Disable).
struct EksctlNetwork {
    static let tierTag = "eksdoc:tier"
    static let natTag = "eksdoc:nat"

    var cluster: String
    var vpc: VPC?
    var subnets: [Subnet] = []

    init(cluster: String) { self.cluster = cluster }

    /// Reads the section, filling the cluster's VPC, subnets, security group and endpoint fields.
    mutating func read(_ section: Fields, into cluster: inout Cluster, _ d: inout Diagnostics) {
        let id = section.string("id", &d) ?? "eksctl:\(self.cluster)-vpc"
        var vpc = VPC(id: id, source: section.node.location)
        vpc.cidrs = section.string("cidr", &d).map { [$0] } ?? []
        vpc.ipv6Cidrs = section.string("ipv6Cidr", &d).map { [$0] } ?? []
        if let nat = section.fields("nat", &d)?.string("gateway", &d) { vpc.tags[Self.natTag] = nat }
        if let groups = section.fields("subnets", &d) {
            for tier in ["public", "private"] {
                for (key, value) in groups.map(tier, &d)?.pairs ?? [] {
                    readSubnet(key: key, value, tier: tier, vpc: id, context: section.context, &d)
                }
            }
        }
        self.vpc = vpc
        cluster.vpc = id
        let controlPlane = section.strings("controlPlaneSubnetIDs", &d)
        cluster.subnets = controlPlane.isEmpty
            ? subnets.map(\.id).filter { !$0.hasPrefix("eksctl:") } : controlPlane
        if let group = section.string("securityGroup", &d) { cluster.securityGroups = [group] }
        if let endpoints = section.fields("clusterEndpoints", &d) {
            cluster.endpointPublic = endpoints.bool("publicAccess", &d) ?? cluster.endpointPublic
            cluster.endpointPrivate = endpoints.bool("privateAccess", &d) ?? cluster.endpointPrivate
        }
        if section.node["publicAccessCIDRs"] != nil {
            cluster.publicAccessCidrs = section.strings("publicAccessCIDRs", &d)
        }
    }

    private mutating func readSubnet(key: String, _ value: Node, tier: String, vpc: String, context: String,
                                     _ d: inout Diagnostics) {
        let keyIsZone = Self.isAvailabilityZone(key)
        var subnet = Subnet(id: "eksctl:\(key)-\(tier)", vpc: vpc, az: keyIsZone ? key : nil,
                            name: keyIsZone ? nil : key, tags: [Self.tierTag: tier], source: value.location)
        if value.isMap {
            let f = Fields(value, context: context)
            subnet.id = f.string("id", &d) ?? subnet.id
            subnet.cidr = f.string("cidr", &d)
            subnet.az = f.string("az", &d) ?? subnet.az
        } else if !value.isNull {
            d.error("\(context): subnet '\(key)' must be a mapping, found \(value.kindName)", at: value.location)
            return
        }
        subnets.append(subnet)
    }

    /// Subnet ids for a node group: its `subnets` (names resolved to ids), the declared subnets of its tier in
    /// each of its `availabilityZones` (or `eksctl:<az>-<tier>` when none is declared), and otherwise every
    /// declared subnet of its tier, as eksctl places it.
    func subnets(names: [String], zones: [String], privateNetworking: Bool) -> [String] {
        let tier = privateNetworking ? "private" : "public"
        let ofTier = subnets.filter { $0.tags[Self.tierTag] == tier }
        var ids = names.map { name in subnets.first { $0.name == name }?.id ?? name }
        for zone in zones {
            let inZone = ofTier.filter { $0.az == zone }.map(\.id)
            ids += inZone.isEmpty ? ["eksctl:\(zone)-\(tier)"] : inZone
        }
        if names.isEmpty && zones.isEmpty { ids = ofTier.map(\.id) }
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// True for availability-zone names such as `eu-north-1a` or `us-gov-west-1b`.
    static func isAvailabilityZone(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count >= 3, parts[0].count == 2, parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }),
              let last = parts.last, let letter = last.last, letter.isASCII, letter.isLowercase,
              last.dropLast().count >= 1, last.dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return parts.dropFirst().dropLast().allSatisfy { $0.allSatisfy { $0.isASCII && $0.isLowercase } }
    }
}
