import EKSDocModel

/// One security group checked on a traced path.
public struct RuleCheck: Codable, Equatable, Sendable {
    /// `source egress` or `destination ingress`.
    public var side: String
    public var securityGroup: String
    /// `allow` or `block`; `unknown` when the group is referenced but not in the inputs.
    public var verdict: String
    /// Short text of the rule that allows the traffic (nil when none does).
    public var rule: String?
    public var explanation: String

    /// One group's verdict on one side of the path.
    public init(side: String, securityGroup: String, verdict: String, rule: String?, explanation: String) {
        self.side = side; self.securityGroup = securityGroup; self.verdict = verdict; self.rule = rule
        self.explanation = explanation
    }

    private enum CodingKeys: String, CodingKey { case side, securityGroup, verdict, rule, explanation }

    /// Encodes every key, a missing rule as `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(side, forKey: .side)
        try c.encode(securityGroup, forKey: .securityGroup)
        try c.encode(verdict, forKey: .verdict)
        try c.encode(rule, forKey: .rule)
        try c.encode(explanation, forKey: .explanation)
    }
}

/// The answer of `Trace.run`: the route a packet takes from a subnet to an address, and for a port the
/// security-group rules on the way.
public struct TraceResult: Codable, Equatable, Sendable {
    /// The source as given: a subnet id or an address.
    public var from: String
    /// The subnet the source is in.
    public var fromSubnet: String
    public var to: String
    public var port: Int?
    public var `protocol`: String
    /// The effective route table of the source subnet.
    public var routeTable: String
    /// True when the table is explicitly associated with the subnet, false for the VPC's main table.
    public var explicitAssociation: Bool
    /// The destination CIDR of the matching route (longest prefix).
    public var matched: String
    public var target: String
    public var kind: RouteTargetKind
    /// The route's state: `active` or `blackhole`.
    public var state: String
    public var explanation: String
    /// Security groups checked (source egress, then destination ingress); empty without a port.
    public var rules: [RuleCheck]
    /// Whether the path lets the traffic through: nil without a port or when a side's groups are unknown,
    /// false on a blackhole route or when a side's groups all block it.
    public var allowed: Bool?

    /// A complete trace answer (see `Trace.run`).
    public init(from: String, fromSubnet: String, to: String, port: Int?, protocol: String, routeTable: String,
                explicitAssociation: Bool, matched: String, target: String, kind: RouteTargetKind, state: String,
                explanation: String, rules: [RuleCheck], allowed: Bool?) {
        self.from = from; self.fromSubnet = fromSubnet; self.to = to; self.port = port
        self.protocol = `protocol`; self.routeTable = routeTable; self.explicitAssociation = explicitAssociation
        self.matched = matched; self.target = target; self.kind = kind; self.state = state
        self.explanation = explanation; self.rules = rules; self.allowed = allowed
    }

    private enum CodingKeys: String, CodingKey {
        case from, fromSubnet, to, port, `protocol`, routeTable, explicitAssociation, matched, target, kind, state
        case explanation, rules, allowed
    }

    /// Encodes every key, absent values as `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(fromSubnet, forKey: .fromSubnet)
        try c.encode(to, forKey: .to)
        try c.encode(port, forKey: .port)
        try c.encode(`protocol`, forKey: .protocol)
        try c.encode(routeTable, forKey: .routeTable)
        try c.encode(explicitAssociation, forKey: .explicitAssociation)
        try c.encode(matched, forKey: .matched)
        try c.encode(target, forKey: .target)
        try c.encode(kind, forKey: .kind)
        try c.encode(state, forKey: .state)
        try c.encode(explanation, forKey: .explanation)
        try c.encode(rules, forKey: .rules)
        try c.encode(allowed, forKey: .allowed)
    }
}

/// Why a trace cannot be answered.
public struct TraceError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kind of failure, for callers that react to one in particular.
    public enum Reason: String, Sendable, Equatable {
        case unknownSubnet, addressInNoSubnet, invalidSource, invalidDestination, noRouteTable, noRoute
    }

    public var reason: Reason
    /// One line for the user, without the `error:` prefix.
    public var message: String

    /// An error with its reason and message.
    public init(_ reason: Reason, _ message: String) {
        self.reason = reason; self.message = message
    }

    public var description: String { message }
}
