import EKSDocModel

/// Traces one packet: from a subnet (or an address inside one) to an address, through the source subnet's
/// effective route table, and for a port through the security groups at both ends.
public enum Trace {
    /// Runs a trace.
    ///
    /// - `from`: a subnet id (`subnet-...`) or an IPv4/IPv6 address, whose subnet is the most specific subnet CIDR
    ///   containing it.
    /// - `to`: an IPv4 or IPv6 address (no port; the CLI splits `IP:PORT`).
    /// - `port`: when given, the source's egress and the destination's ingress rules are checked with
    ///   `RuleEvaluation`; `protocol` is `tcp`, `udp`, `icmp` (port = ICMP type) or a protocol number.
    ///   Source groups: the instance whose private IP is `from`; else the groups of an ENIConfig naming the
    ///   subnet (pods on custom networking); else, for a cluster, node-group or pod subnet, the cluster security
    ///   group, which EKS attaches to managed nodes; else unknown (not checked). Destination groups: the instance
    ///   whose private IP is `to`; none apply outside the environment's VPCs; otherwise unknown (not checked).
    ///   `allowed` is false on a blackhole route or when a checked side blocks, nil when a side is unknown.
    /// - Throws `TraceError` for an unknown subnet, an address in no subnet, a malformed address, a subnet with no
    ///   route table, or no matching route.
    public static func run(_ env: Environment, from: String, to: String, port: Int?, protocol: String) throws -> TraceResult {
        let (subnet, sourceAddress) = try source(from, env)
        guard let destination = address(to) else {
            throw TraceError(.invalidDestination, "'\(to)' is not an IPv4 or IPv6 address")
        }
        guard let effective = Routing.effectiveRouteTable(forSubnet: subnet.id, in: env) else {
            throw TraceError(.noRouteTable, "\(subnet.id) has no route table: no explicit association and no main table"
                             + " for \(subnet.vpc ?? "its VPC")")
        }
        let table = effective.table
        guard let route = Routing.longestPrefixMatch(to, in: table) else {
            let family = destination.isIPv6 ? "IPv6" : "IPv4"
            throw TraceError(.noRoute, "no route in \(table.id) matches \(to) (no \(family) route contains it)")
        }
        var explanation = describeMatch(route, to: to, destination: destination, table: table, explicit: effective.explicit,
                                        env: env)
        var checks: [RuleCheck] = []
        var allowed: Bool?
        if let port {
            let path = SecurityPath(env: env, subnet: subnet, sourceAddress: sourceAddress, destination: to,
                                    destinationIsIPv6: destination.isIPv6)
            let verdict = path.check(port: port, protocol: `protocol`)
            checks = verdict.checks
            explanation += " " + verdict.notes.joined(separator: " ")
            allowed = Routing.isActive(route) ? verdict.allowed : false
        }
        return TraceResult(from: from, fromSubnet: subnet.id, to: to, port: port, protocol: `protocol`,
                           routeTable: table.id, explicitAssociation: effective.explicit, matched: route.destination,
                           target: route.target, kind: route.targetKind, state: route.state,
                           explanation: explanation, rules: checks, allowed: allowed)
    }

    /// Parses an address (not a CIDR) of either family.
    static func address(_ text: String) -> RoutePrefix? {
        guard !text.contains("/"), let prefix = RoutePrefix(text) else { return nil }
        return prefix
    }

    /// The source subnet and, when `from` is an address, that address.
    static func source(_ from: String, _ env: Environment) throws -> (Subnet, String?) {
        if from.hasPrefix("subnet-") {
            guard let subnet = env.subnet(from) else {
                throw TraceError(.unknownSubnet, "unknown subnet \(from) in \(env.name)"
                                 + " (known: \(env.subnets.map(\.id).sorted().joined(separator: ", ")))")
            }
            return (subnet, nil)
        }
        guard let address = address(from) else {
            throw TraceError(.invalidSource, "'\(from)' is neither a subnet id nor an IPv4 or IPv6 address")
        }
        let containing = env.subnets.compactMap { subnet -> (Subnet, Int)? in
            let cidr = address.isIPv6 ? subnet.ipv6Cidr : subnet.cidr
            guard let cidr, let block = RoutePrefix(cidr), block.contains(address) else { return nil }
            return (subnet, block.prefixLength)
        }
        guard let best = containing.sorted(by: { ($1.1, $0.0.id) < ($0.1, $1.0.id) }).first else {
            throw TraceError(.addressInNoSubnet, "\(from) is in no subnet of \(env.name)")
        }
        return (best.0, from)
    }

    /// The routing part of the explanation.
    static func describeMatch(_ route: Route, to: String, destination: RoutePrefix, table: RouteTable, explicit: Bool,
                              env: Environment) -> String {
        let candidates = table.routes.filter { RoutePrefix($0.destination)?.contains(destination) == true }.count
        let which = explicit ? "explicitly associated" : "the main table of \(table.vpc ?? "the VPC")"
        var text = "\(to) uses \(table.id) (\(which)); "
        text += candidates > 1
            ? "\(route.destination) is the most specific of \(candidates) matching routes"
            : "\(route.destination) is the only matching route"
        text += ", so it goes to \(route.target) (\(Routing.describeTarget(route.target, kind: route.targetKind, in: env)))."
        if !Routing.isActive(route) {
            text += " The route is a blackhole: its target no longer exists, so the traffic is dropped."
        } else {
            switch route.targetKind {
            case .local: text += " The destination is inside the VPC and is delivered directly."
            case .internetGateway: text += " It leaves the VPC to the internet."
            case .natGateway: text += " The NAT gateway translates the source address and forwards it."
            case .instance, .networkInterface:
                text += " The appliance forwards it (source/destination check must be off on it)."
            default: break
            }
        }
        return text
    }
}
