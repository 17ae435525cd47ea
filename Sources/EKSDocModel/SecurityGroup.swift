/// What a security-group rule allows traffic from (ingress) or to (egress).
public enum PeerKind: String, Hashable, Sendable, Codable {
    case cidr, ipv6Cidr, securityGroup, prefixList
}

/// One normalised security-group rule: one protocol, one port range, one peer.
public struct SecurityGroupRule: Hashable, Sendable, Codable {
    /// `tcp`, `udp`, `icmp`, `icmpv6`, `-1` (all) or a protocol number.
    public var `protocol`: String
    /// First port (ICMP: type); nil for all ports.
    public var fromPort: Int?
    /// Last port (ICMP: code); nil for all ports.
    public var toPort: Int?
    public var peer: String
    public var peerKind: PeerKind
    public var description: String?
    public var source: SourceLocation

    public init(protocol: String, fromPort: Int? = nil, toPort: Int? = nil, peer: String, peerKind: PeerKind,
                description: String? = nil, source: SourceLocation) {
        self.protocol = `protocol`; self.fromPort = fromPort; self.toPort = toPort; self.peer = peer
        self.peerKind = peerKind; self.description = description; self.source = source
    }
}

/// A security group and its normalised rules.
public struct SecurityGroup: Hashable, Sendable, Codable {
    public var id: String
    public var name: String?
    public var description: String?
    public var vpc: String?
    public var ingress: [SecurityGroupRule]
    public var egress: [SecurityGroupRule]
    public var tags: Tags
    public var source: SourceLocation

    public init(id: String, name: String? = nil, description: String? = nil, vpc: String? = nil,
                ingress: [SecurityGroupRule] = [], egress: [SecurityGroupRule] = [], tags: Tags = [:],
                source: SourceLocation) {
        self.id = id; self.name = name; self.description = description; self.vpc = vpc
        self.ingress = ingress; self.egress = egress; self.tags = tags; self.source = source
    }
}
