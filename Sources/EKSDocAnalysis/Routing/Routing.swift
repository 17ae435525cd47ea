import EKSDocModel

/// Route-table facts: which table a subnet uses, which route a destination takes, and each subnet's tier
/// (reference/aws-facts.md §4).
public enum Routing {
    /// The route table a subnet uses: its explicit association, else the main table of its VPC
    /// (`main == true` and the same VPC). `explicit` tells which of the two it is. Nil when neither exists.
    ///
    /// AWS allows one explicit association per subnet; should the data hold several, the lowest table id wins.
    public static func effectiveRouteTable(forSubnet id: String, in env: Environment) -> (table: RouteTable, explicit: Bool)? {
        let explicit = env.routeTables.filter { $0.subnets.contains(id) }.sorted { $0.id < $1.id }
        if let table = explicit.first { return (table, true) }
        let mains = env.routeTables.filter(\.main).sorted { $0.id < $1.id }
        let vpc = env.subnet(id)?.vpc
        if let vpc, let table = mains.first(where: { $0.vpc == vpc }) { return (table, false) }
        // Without a known VPC, a single main table in the environment is unambiguous.
        if vpc == nil, mains.count == 1 { return (mains[0], false) }
        return nil
    }

    /// The route a destination takes in a table: the most specific route whose destination contains it.
    ///
    /// - `destination` is an IPv4 or IPv6 address or CIDR; a CIDR matches a route only when it lies wholly inside
    ///   the route's destination. Anything else matches nothing.
    /// - IPv4 and IPv6 are matched apart: an IPv4 destination never matches an IPv6 route, and the reverse.
    /// - Routes to a prefix list (`pl-...`, gateway endpoints and managed prefix lists) are skipped: the model does
    ///   not hold the prefix list's CIDRs, so they cannot be matched by address.
    /// - Blackhole routes take part like any other (AWS drops traffic that matches one); check `state`.
    /// - Equal prefixes cannot both exist in AWS; if the data has them, an active route beats a blackhole one,
    ///   then the lower target id wins, then the earlier route.
    public static func longestPrefixMatch(_ destination: String, in table: RouteTable) -> Route? {
        guard let wanted = RoutePrefix(destination) else { return nil }
        var best: (route: Route, length: Int, index: Int)?
        for (index, route) in table.routes.enumerated() {
            guard let prefix = RoutePrefix(route.destination), prefix.contains(wanted) else { continue }
            guard let current = best else { best = (route, prefix.prefixLength, index); continue }
            if isBetter(route, prefix.prefixLength, index, than: current) { best = (route, prefix.prefixLength, index) }
        }
        return best?.route
    }

    private static func isBetter(_ route: Route, _ length: Int, _ index: Int,
                                 than current: (route: Route, length: Int, index: Int)) -> Bool {
        if length != current.length { return length > current.length }
        if isActive(route) != isActive(current.route) { return isActive(route) }
        if route.target != current.route.target { return route.target < current.route.target }
        return index < current.index
    }

    /// True unless the route's state is `blackhole` (a missing state counts as active).
    public static func isActive(_ route: Route) -> Bool { route.state.lowercased() != "blackhole" }

    /// True for a default route: `0.0.0.0/0` or `::/0`.
    public static func isDefault(_ route: Route) -> Bool {
        switch RoutePrefix(route.destination) {
        case .some(let prefix): prefix.prefixLength == 0
        case .none: false
        }
    }

    /// A short phrase for a route target, e.g. `instance: a routing appliance, leadertools-qas-spoke-gw`.
    public static func describeTarget(_ target: String, kind: RouteTargetKind, in env: Environment) -> String {
        switch kind {
        case .local:
            return "local: stays inside the VPC"
        case .internetGateway:
            return "internet gateway" + named(env.internetGateways.first { $0.id == target }?.name)
        case .egressOnlyInternetGateway:
            return "egress-only internet gateway: outbound IPv6 only"
        case .natGateway:
            let nat = env.natGateways.first { $0.id == target }
            let place = nat?.subnet.map { " in \($0)" } ?? ""
            return "NAT gateway\(place)" + named(nat?.name)
        case .instance:
            return "instance: a routing appliance" + named(env.instances.first { $0.id == target }?.name)
        case .networkInterface:
            return "network interface: a routing appliance"
        case .transitGateway: return "transit gateway"
        case .vpcPeering: return "VPC peering connection"
        case .virtualPrivateGateway: return "virtual private gateway: VPN or Direct Connect"
        case .vpcEndpoint: return "gateway VPC endpoint"
        case .localGateway: return "local gateway (Outposts)"
        case .carrierGateway: return "carrier gateway (Wavelength)"
        case .coreNetwork: return "Cloud WAN core network"
        case .unknown: return "unknown target"
        }
    }

    private static func named(_ name: String?) -> String {
        guard let name, !name.isEmpty else { return "" }
        return ", \(name)"
    }
}
