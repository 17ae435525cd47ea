import EKSDocModel

/// A subnet's default route (`0.0.0.0/0`, else `::/0`) in its effective route table.
public struct DefaultRoute: Codable, Equatable, Sendable {
    public var target: String
    public var kind: RouteTargetKind
    /// `active` or `blackhole`.
    public var state: String

    /// A default route's target, its kind and its state.
    public init(target: String, kind: RouteTargetKind, state: String) {
        self.target = target; self.kind = kind; self.state = state
    }
}

/// How one subnet routes: its effective table, default route, tier and blackholes.
public struct SubnetRouting: Codable, Equatable, Sendable {
    public var subnet: String
    /// The effective route table; nil when the subnet has none (no association and no main table).
    public var routeTable: String?
    /// True when the table is explicitly associated, false for the VPC's main table.
    public var explicit: Bool
    public var defaultRoute: DefaultRoute?
    public var tier: Tier
    /// The kind of target the subnet's traffic to the internet leaves through (the active default route's);
    /// nil when there is none.
    public var egress: RouteTargetKind?
    /// Destinations of the blackhole routes in the effective table (a blackhole default route included).
    public var blackholes: [String]

    /// The routing facts of one subnet, as `Routing.classify` computes them.
    public init(subnet: String, routeTable: String?, explicit: Bool, defaultRoute: DefaultRoute?, tier: Tier,
                egress: RouteTargetKind?, blackholes: [String]) {
        self.subnet = subnet; self.routeTable = routeTable; self.explicit = explicit
        self.defaultRoute = defaultRoute; self.tier = tier; self.egress = egress; self.blackholes = blackholes
    }

    private enum CodingKeys: String, CodingKey {
        case subnet, routeTable, explicit, defaultRoute, tier, egress, blackholes
    }

    /// Encodes every key, absent values as `null`, so consumers see a stable shape.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(subnet, forKey: .subnet)
        try c.encode(routeTable, forKey: .routeTable)
        try c.encode(explicit, forKey: .explicit)
        try c.encode(defaultRoute, forKey: .defaultRoute)
        try c.encode(tier, forKey: .tier)
        try c.encode(egress, forKey: .egress)
        try c.encode(blackholes, forKey: .blackholes)
    }
}

extension Routing {
    /// The routing facts of every subnet, sorted by subnet id.
    ///
    /// - `public` iff the effective table has an active route to an internet gateway (`igw-`, any destination);
    ///   an egress-only gateway (`eigw-`) does not count.
    /// - `private` when an active default route (`0.0.0.0/0` or `::/0`) goes anywhere else: NAT gateway, instance
    ///   or ENI appliance, transit gateway, peering, virtual private gateway, egress-only gateway ...
    /// - `isolated` when there is no active default route: none at all, or only a blackhole one (which is then
    ///   listed in `blackholes` like every blackhole route).
    ///
    /// `defaultRoute` is the active IPv4 default route, else the active IPv6 one, else a blackhole default route.
    public static func classify(_ env: Environment) -> [SubnetRouting] {
        env.subnets.map(\.id).sorted().map { classify(subnet: $0, in: env) }
    }

    /// The routing facts of one subnet (see `classify(_:)`).
    public static func classify(subnet id: String, in env: Environment) -> SubnetRouting {
        guard let effective = effectiveRouteTable(forSubnet: id, in: env) else {
            return SubnetRouting(subnet: id, routeTable: nil, explicit: false, defaultRoute: nil, tier: .isolated,
                                 egress: nil, blackholes: [])
        }
        let table = effective.table
        let defaults = table.routes.filter(isDefault).sorted { rank($0) < rank($1) }
        let chosen = defaults.first
        let defaultRoute = chosen.map { DefaultRoute(target: $0.target, kind: $0.targetKind, state: $0.state) }
        let activeDefault = chosen.flatMap { isActive($0) ? $0 : nil }
        let tier: Tier
        if table.routes.contains(where: { $0.targetKind == .internetGateway && isActive($0) }) {
            tier = .public
        } else if activeDefault != nil {
            tier = .private
        } else {
            tier = .isolated
        }
        let blackholes = table.routes.filter { !isActive($0) }.map(\.destination)
        return SubnetRouting(subnet: id, routeTable: table.id, explicit: effective.explicit, defaultRoute: defaultRoute,
                             tier: tier, egress: activeDefault?.targetKind, blackholes: blackholes)
    }

    /// Orders default routes: active before blackhole, IPv4 before IPv6, then by target id.
    private static func rank(_ route: Route) -> (Int, Int, String) {
        (isActive(route) ? 0 : 1, route.destination.contains(":") ? 1 : 0, route.target)
    }
}
