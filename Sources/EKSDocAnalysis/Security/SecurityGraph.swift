import EKSDocModel

/// One edge of the security-group graph: traffic a rule lets in (peer -> group) or out (group -> peer).
public struct SecurityGroupEdge: Codable, Equatable, Hashable, Sendable {
    /// A security group id, or a CIDR / prefix list.
    public var from: String
    public var to: String
    public var direction: String
    /// `all traffic`, `tcp 443 (HTTPS)`, ...
    public var ports: String
    public var peerKind: PeerKind
    public var description: String?
}

/// A rule open to the whole internet (0.0.0.0/0 or ::/0).
public struct ExposureItem: Codable, Equatable, Sendable {
    public var securityGroup: String
    public var groupName: String?
    public var direction: String
    public var peer: String
    public var ports: String
    public var `protocol`: String
    public var fromPort: Int?
    public var toPort: Int?
    /// Well-known services reachable through the rule (HTTPS, SSH, ...).
    public var services: [String]
    /// Administrative or database ports in the range (22, 3389, 6443, 10250, 3306, 5432, 6379 ...).
    public var sensitivePorts: [Int]
    public var source: SourceLocation
}

/// Security-group relationships and internet exposure (reference/aws-facts.md §5: stateful, allow-only).
public enum SecurityAnalysis {
    /// Edges for every rule, sorted; ingress edges point at the group, egress edges away from it.
    public static func graph(_ env: Environment) -> [SecurityGroupEdge] {
        var edges = Set<SecurityGroupEdge>()
        for group in env.securityGroups {
            for rule in group.ingress {
                edges.insert(SecurityGroupEdge(from: rule.peer, to: group.id, direction: "ingress",
                                               ports: PortNames.describe(protocol: rule.protocol, from: rule.fromPort, to: rule.toPort),
                                               peerKind: rule.peerKind, description: rule.description))
            }
            for rule in group.egress {
                edges.insert(SecurityGroupEdge(from: group.id, to: rule.peer, direction: "egress",
                                               ports: PortNames.describe(protocol: rule.protocol, from: rule.fromPort, to: rule.toPort),
                                               peerKind: rule.peerKind, description: rule.description))
            }
        }
        return edges.sorted { ($0.from, $0.to, $0.direction, $0.ports) < ($1.from, $1.to, $1.direction, $1.ports) }
    }

    /// Every ingress rule open to 0.0.0.0/0 or ::/0, with its ports named.
    public static func exposure(_ env: Environment) -> [ExposureItem] {
        var items: [ExposureItem] = []
        for group in env.securityGroups {
            for rule in group.ingress where isInternet(rule.peer) {
                let all = rule.protocol == "-1"
                items.append(ExposureItem(
                    securityGroup: group.id, groupName: group.name, direction: "ingress", peer: rule.peer,
                    ports: PortNames.describe(protocol: rule.protocol, from: rule.fromPort, to: rule.toPort),
                    protocol: rule.protocol, fromPort: rule.fromPort, toPort: rule.toPort,
                    services: isPortProtocol(rule.protocol) || all ? PortNames.names(from: all ? nil : rule.fromPort, to: all ? nil : rule.toPort) : [],
                    sensitivePorts: isPortProtocol(rule.protocol) || all ? PortNames.sensitivePorts(from: all ? nil : rule.fromPort, to: all ? nil : rule.toPort) : [],
                    source: rule.source))
            }
        }
        return items.sorted { ($0.securityGroup, $0.peer, $0.fromPort ?? -1) < ($1.securityGroup, $1.peer, $1.fromPort ?? -1) }
    }

    public static func isInternet(_ peer: String) -> Bool { peer == "0.0.0.0/0" || peer == "::/0" }

    static func isPortProtocol(_ proto: String) -> Bool { proto == "tcp" || proto == "udp" || proto == "6" || proto == "17" }
}
