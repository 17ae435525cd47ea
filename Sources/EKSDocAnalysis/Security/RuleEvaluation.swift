import EKSDocModel

/// The other side of a connection as a security-group rule sees it: the source for an ingress rule, the
/// destination for an egress rule.
public struct RulePeer: Hashable, Sendable {
    /// The peer's IPv4 or IPv6 address. When only the peer's subnet is known this is the subnet's CIDR, and a CIDR
    /// rule then matches only when it covers the whole block.
    public var address: String?
    /// The security groups the peer carries (matched by security-group rules).
    public var groups: [String]

    /// A peer with an address, groups, or both.
    public init(address: String? = nil, groups: [String] = []) {
        self.address = address; self.groups = groups
    }

    /// A peer known only by its address (its groups are looked up among the environment's instances).
    public static func address(_ address: String) -> RulePeer { RulePeer(address: address) }

    /// A peer known only by the security groups it carries.
    public static func groups(_ groups: [String]) -> RulePeer { RulePeer(groups: groups) }
}

/// Security-group rule evaluation (reference/aws-facts.md §5: stateful and allow-only, so one matching rule in any
/// of a resource's groups lets the traffic through, and no match means it is blocked).
public enum RuleEvaluation {
    /// The first rule that allows traffic to or from `peer` on `port` with `protocol`, or nil when none does.
    ///
    /// - Protocol `-1` (or `all`) allows every protocol and port; names and numbers are equivalent
    ///   (`tcp`/`6`, `udp`/`17`, `icmp`/`1`, `icmpv6`/`58`).
    /// - TCP and UDP: a rule without ports (or with `-1`) covers every port, else `fromPort...toPort`.
    /// - ICMP: `port` is the ICMP type; the rule's `fromPort` is the type (`-1` or nil for all types) and its
    ///   `toPort` the code, which a trace does not know, so any code matches.
    /// - A CIDR rule matches when its block contains the peer's address (same address family only).
    /// - A security-group rule matches when the peer carries that group. A peer given by address alone gets the
    ///   groups of the environment's instance with that private IP.
    /// - A prefix-list rule never matches: the model does not hold prefix-list contents.
    public static func allows(_ rules: [SecurityGroupRule], peer: RulePeer, port: Int, protocol: String,
                              env: Environment) -> SecurityGroupRule? {
        let resolved = resolve(peer, env)
        return rules.first { matches($0, peer: resolved, port: port, protocol: `protocol`) }
    }

    /// True when one rule covers the protocol, port and peer (the peer's groups already resolved).
    public static func matches(_ rule: SecurityGroupRule, peer: RulePeer, port: Int, protocol: String) -> Bool {
        coversTraffic(rule, port: port, protocol: `protocol`) && coversPeer(rule, peer)
    }

    /// Short text for a rule: `tcp 443 (HTTPS) with 0.0.0.0/0`, `all traffic with sg-0123 ("node SG")`.
    public static func summary(_ rule: SecurityGroupRule) -> String {
        let ports = PortNames.describe(protocol: canonical(rule.protocol), from: rule.fromPort, to: rule.toPort)
        let note = rule.description.map { " (\"\($0)\")" } ?? ""
        return "\(ports) with \(rule.peer)\(note)"
    }

    /// `tcp`, `udp`, `icmp`, `icmpv6`, `-1` for all, or the protocol text as given (lower case).
    public static func canonical(_ proto: String) -> String {
        switch proto.lowercased() {
        case "-1", "all": "-1"
        case "tcp", "6": "tcp"
        case "udp", "17": "udp"
        case "icmp", "1": "icmp"
        case "icmpv6", "58": "icmpv6"
        case let other: other
        }
    }

    static func coversTraffic(_ rule: SecurityGroupRule, port: Int, protocol: String) -> Bool {
        let ruleProtocol = canonical(rule.protocol)
        if ruleProtocol == "-1" { return true }
        let wanted = canonical(`protocol`)
        guard ruleProtocol == wanted else { return false }
        switch wanted {
        case "tcp", "udp":
            guard let from = rule.fromPort, let to = rule.toPort, from >= 0 else { return true }
            return from <= port && port <= to
        case "icmp", "icmpv6":
            guard let type = rule.fromPort, type >= 0 else { return true }
            return type == port
        default:
            return true
        }
    }

    static func coversPeer(_ rule: SecurityGroupRule, _ peer: RulePeer) -> Bool {
        switch rule.peerKind {
        case .cidr, .ipv6Cidr:
            guard let address = peer.address, let block = RoutePrefix(rule.peer),
                  let wanted = RoutePrefix(address) else { return false }
            return block.contains(wanted)
        case .securityGroup:
            return peer.groups.contains { groupID($0) == groupID(rule.peer) }
        case .prefixList:
            return false
        }
    }

    /// The group id of `account/sg-...` or `sg-...`.
    private static func groupID(_ text: String) -> Substring {
        text.split(separator: "/").last ?? Substring(text)
    }

    /// Adds the groups of the instance owning the peer's address when the peer names none.
    static func resolve(_ peer: RulePeer, _ env: Environment) -> RulePeer {
        guard peer.groups.isEmpty, let address = peer.address else { return peer }
        var resolved = peer
        resolved.groups = env.instances.first { $0.privateIp == address }?.securityGroups ?? []
        return resolved
    }
}
