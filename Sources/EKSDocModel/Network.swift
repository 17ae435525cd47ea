/// A VPC with its IPv4 CIDR blocks (primary first, then secondary ones).
public struct VPC: Hashable, Sendable, Codable {
    public var id: String
    public var cidrs: [String]
    public var ipv6Cidrs: [String]
    public var name: String?
    public var isDefault: Bool?
    public var tags: Tags
    public var source: SourceLocation

    public init(id: String, cidrs: [String] = [], ipv6Cidrs: [String] = [], name: String? = nil,
                isDefault: Bool? = nil, tags: Tags = [:], source: SourceLocation) {
        self.id = id; self.cidrs = cidrs; self.ipv6Cidrs = ipv6Cidrs; self.name = name
        self.isDefault = isDefault; self.tags = tags; self.source = source
    }
}

/// A subnet in one availability zone.
public struct Subnet: Hashable, Sendable, Codable {
    public var id: String
    public var vpc: String?
    public var cidr: String?
    public var ipv6Cidr: String?
    public var az: String?
    public var azId: String?
    public var name: String?
    /// `AvailableIpAddressCount` from a live snapshot: free addresses now, not capacity.
    public var availableAddresses: Int?
    public var mapPublicIpOnLaunch: Bool?
    public var tags: Tags
    public var source: SourceLocation

    public init(id: String, vpc: String? = nil, cidr: String? = nil, ipv6Cidr: String? = nil,
                az: String? = nil, azId: String? = nil, name: String? = nil, availableAddresses: Int? = nil,
                mapPublicIpOnLaunch: Bool? = nil, tags: Tags = [:], source: SourceLocation) {
        self.id = id; self.vpc = vpc; self.cidr = cidr; self.ipv6Cidr = ipv6Cidr; self.az = az
        self.azId = azId; self.name = name; self.availableAddresses = availableAddresses
        self.mapPublicIpOnLaunch = mapPublicIpOnLaunch; self.tags = tags; self.source = source
    }
}

/// What a route sends traffic to.
public enum RouteTargetKind: String, Hashable, Sendable, Codable, CaseIterable {
    case local, internetGateway, egressOnlyInternetGateway, natGateway, transitGateway, vpcPeering
    case instance, networkInterface, virtualPrivateGateway, vpcEndpoint, localGateway, carrierGateway
    case coreNetwork, unknown

    /// Classifies a target id by its prefix (`igw-`, `nat-`, `tgw-`, `i-` ...).
    public static func of(_ target: String) -> RouteTargetKind {
        if target == "local" { return .local }
        if target.hasPrefix("arn:") { return .coreNetwork }
        let prefixes: [(String, RouteTargetKind)] = [
            ("igw-", .internetGateway), ("eigw-", .egressOnlyInternetGateway), ("nat-", .natGateway),
            ("tgw-", .transitGateway), ("pcx-", .vpcPeering), ("i-", .instance), ("eni-", .networkInterface),
            ("vgw-", .virtualPrivateGateway), ("vpce-", .vpcEndpoint), ("lgw-", .localGateway),
            ("cagw-", .carrierGateway),
        ]
        return prefixes.first { target.hasPrefix($0.0) }?.1 ?? .unknown
    }
}

/// One route: a destination (IPv4 CIDR, IPv6 CIDR or prefix list) and the target it goes to.
public struct Route: Hashable, Sendable, Codable {
    public var destination: String
    public var target: String
    public var targetKind: RouteTargetKind
    /// `active` or `blackhole`.
    public var state: String
    /// For an instance target: the appliance's network interface, when the snapshot names it.
    public var networkInterface: String?
    public var source: SourceLocation

    public init(destination: String, target: String, state: String = "active",
                networkInterface: String? = nil, source: SourceLocation) {
        self.destination = destination; self.target = target
        self.targetKind = RouteTargetKind.of(target); self.state = state
        self.networkInterface = networkInterface; self.source = source
    }
}

/// A route table, its explicit subnet associations and its routes.
public struct RouteTable: Hashable, Sendable, Codable {
    public var id: String
    public var vpc: String?
    /// True for the VPC's main table, used by subnets without an explicit association.
    public var main: Bool
    public var subnets: [String]
    public var gateways: [String]
    public var routes: [Route]
    public var name: String?
    public var tags: Tags
    public var source: SourceLocation

    public init(id: String, vpc: String? = nil, main: Bool = false, subnets: [String] = [],
                gateways: [String] = [], routes: [Route] = [], name: String? = nil, tags: Tags = [:],
                source: SourceLocation) {
        self.id = id; self.vpc = vpc; self.main = main; self.subnets = subnets; self.gateways = gateways
        self.routes = routes; self.name = name; self.tags = tags; self.source = source
    }
}

/// An internet gateway and the VPCs it is attached to.
public struct InternetGateway: Hashable, Sendable, Codable {
    public var id: String
    public var vpcs: [String]
    public var name: String?
    public var source: SourceLocation

    public init(id: String, vpcs: [String] = [], name: String? = nil, source: SourceLocation) {
        self.id = id; self.vpcs = vpcs; self.name = name; self.source = source
    }
}

/// A NAT gateway in one subnet.
public struct NatGateway: Hashable, Sendable, Codable {
    public var id: String
    public var vpc: String?
    public var subnet: String?
    public var state: String?
    /// `public` or `private`.
    public var connectivity: String?
    public var publicIps: [String]
    public var privateIps: [String]
    public var name: String?
    public var source: SourceLocation

    public init(id: String, vpc: String? = nil, subnet: String? = nil, state: String? = nil,
                connectivity: String? = nil, publicIps: [String] = [], privateIps: [String] = [],
                name: String? = nil, source: SourceLocation) {
        self.id = id; self.vpc = vpc; self.subnet = subnet; self.state = state
        self.connectivity = connectivity; self.publicIps = publicIps; self.privateIps = privateIps
        self.name = name; self.source = source
    }
}

/// One numbered entry of a network ACL.
public struct NetworkAclEntry: Hashable, Sendable, Codable {
    public var ruleNumber: Int
    public var egress: Bool
    public var `protocol`: String
    /// `allow` or `deny`.
    public var action: String
    public var cidr: String
    public var fromPort: Int?
    public var toPort: Int?

    public init(ruleNumber: Int, egress: Bool, protocol: String, action: String, cidr: String,
                fromPort: Int? = nil, toPort: Int? = nil) {
        self.ruleNumber = ruleNumber; self.egress = egress; self.protocol = `protocol`
        self.action = action; self.cidr = cidr; self.fromPort = fromPort; self.toPort = toPort
    }
}

/// A network ACL: stateless, numbered rules, first match wins.
public struct NetworkAcl: Hashable, Sendable, Codable {
    public var id: String
    public var vpc: String?
    public var isDefault: Bool
    public var subnets: [String]
    public var entries: [NetworkAclEntry]
    public var name: String?
    public var source: SourceLocation

    public init(id: String, vpc: String? = nil, isDefault: Bool = false, subnets: [String] = [],
                entries: [NetworkAclEntry] = [], name: String? = nil, source: SourceLocation) {
        self.id = id; self.vpc = vpc; self.isDefault = isDefault; self.subnets = subnets
        self.entries = entries; self.name = name; self.source = source
    }
}

/// A VPC endpoint (gateway or interface).
public struct VpcEndpoint: Hashable, Sendable, Codable {
    public var id: String
    public var vpc: String?
    public var service: String
    /// `Gateway`, `Interface` or `GatewayLoadBalancer`.
    public var type: String
    public var subnets: [String]
    public var routeTables: [String]
    public var securityGroups: [String]
    public var privateDns: Bool?
    public var source: SourceLocation

    public init(id: String, vpc: String? = nil, service: String, type: String, subnets: [String] = [],
                routeTables: [String] = [], securityGroups: [String] = [], privateDns: Bool? = nil,
                source: SourceLocation) {
        self.id = id; self.vpc = vpc; self.service = service; self.type = type; self.subnets = subnets
        self.routeTables = routeTables; self.securityGroups = securityGroups; self.privateDns = privateDns
        self.source = source
    }
}
