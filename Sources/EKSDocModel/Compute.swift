/// An EC2 instance, such as a node or a routing appliance.
public struct Instance: Hashable, Sendable, Codable {
    public var id: String
    public var type: String?
    public var vpc: String?
    public var subnet: String?
    public var az: String?
    public var privateIp: String?
    public var publicIp: String?
    public var state: String?
    public var securityGroups: [String]
    public var networkInterfaces: [String]
    /// False on routing appliances (NAT instances, Aviatrix gateways, firewalls).
    public var sourceDestCheck: Bool?
    public var name: String?
    public var tags: Tags
    public var source: SourceLocation

    public init(id: String, type: String? = nil, vpc: String? = nil, subnet: String? = nil, az: String? = nil,
                privateIp: String? = nil, publicIp: String? = nil, state: String? = nil,
                securityGroups: [String] = [], networkInterfaces: [String] = [], sourceDestCheck: Bool? = nil,
                name: String? = nil, tags: Tags = [:], source: SourceLocation) {
        self.id = id; self.type = type; self.vpc = vpc; self.subnet = subnet; self.az = az
        self.privateIp = privateIp; self.publicIp = publicIp; self.state = state
        self.securityGroups = securityGroups; self.networkInterfaces = networkInterfaces
        self.sourceDestCheck = sourceDestCheck; self.name = name; self.tags = tags; self.source = source
    }
}

/// Network limits of an EC2 instance type (from `describe-instance-types` or the bundled table).
public struct InstanceTypeInfo: Hashable, Sendable, Codable {
    public var name: String
    /// Network interfaces on the default network card.
    public var maxENIs: Int
    public var ipv4PerENI: Int
    public var vcpus: Int
    /// `nitro`, `xen` or empty when unknown.
    public var hypervisor: String
    /// The snapshot it came from, or `builtin` for the bundled table.
    public var source: SourceLocation

    public init(name: String, maxENIs: Int, ipv4PerENI: Int, vcpus: Int, hypervisor: String,
                source: SourceLocation = SourceLocation(file: "builtin")) {
        self.name = name; self.maxENIs = maxENIs; self.ipv4PerENI = ipv4PerENI; self.vcpus = vcpus
        self.hypervisor = hypervisor; self.source = source
    }
}
