import EKSDocModel

extension FlowContext {
    /// Inbound flows: internet-facing load balancers from the internet, internal ones from the VPC and the
    /// networks connected to it — never from the internet.
    func loadBalancerFlows() -> [Flow] {
        loadBalancerViews().flatMap { view in
            backends(of: view).map { backend in
                view.internetFacing ? inbound(view, backend) : internalFlow(view, backend)
            }
        }
    }

    private func inbound(_ view: LoadBalancerView, _ backend: Backend) -> Flow {
        let ports = view.listenerPorts.isEmpty ? [443, 80] : view.listenerPorts
        let client = Hop(entity: "internet", entityKind: "internet",
                         via: "clients anywhere on the internet" + (view.dnsName.map { " resolve \($0)" } ?? ""))
        var hops = [client, internetGatewayHop(view)]
        let listener: (via: String, blocked: Bool, note: String?)
        if view.unfiltered {
            listener = ("network load balancer without security groups: listeners are not filtered", false, nil)
        } else if let groups = view.groups {
            let result = check(groups, ingress: true, peers: [.address("0.0.0.0/0")], ports: ports, protocol: "tcp",
                               all: false)
            listener = (result.via, !result.allowed, result.note)
        } else {
            let open = view.inboundCIDRs.contains("0.0.0.0/0")
            listener = ("security group created by the controller: tcp \(ports.map(String.init).joined(separator: ", "))"
                        + " from \(view.inboundCIDRs.joined(separator: ", ")) (alb.ingress.kubernetes.io/inbound-cidrs)",
                        !open, open ? nil : "only \(view.inboundCIDRs.joined(separator: ", ")) may connect")
        }
        hops.append(Hop(entity: view.entity, entityKind: view.entityKind, via: listener.via, blocked: listener.blocked,
                        note: listener.note ?? "\(view.origin) in \(FlowContext.ids(view.subnets))"))
        hops += targetHops(view, backend)
        let name = "internet -> \(view.entity)" + (backend.label.map { " -> \($0)" } ?? "")
        let to = backend.workload?.key ?? backend.label ?? "its targets"
        return Flow.make(.inbound, name: name,
                         summary: "Clients on the internet reach \(to) through the internet-facing load balancer \(view.entity).",
                         hops: hops)
    }

    /// The internet gateway hop of an internet-facing load balancer: blocked unless its subnets are public.
    private func internetGatewayHop(_ view: LoadBalancerView) -> Hop {
        var routes: [String] = []
        var gateways: [String] = []
        var privateOnes: [String] = []
        for subnet in view.subnets {
            guard let effective = Routing.effectiveRouteTable(forSubnet: subnet.id, in: env),
                  let route = effective.table.routes
                    .filter({ $0.targetKind == .internetGateway && Routing.isActive($0) })
                    .min(by: { (Routing.isDefault($0) ? 0 : 1, $0.destination) < (Routing.isDefault($1) ? 0 : 1, $1.destination) })
            else {
                let table = Routing.effectiveRouteTable(forSubnet: subnet.id, in: env)?.table.id ?? "no route table"
                privateOnes.append("\(subnet.id) (\(table))")
                continue
            }
            let text = FlowContext.routeText(route, effective.table, explicit: effective.explicit)
            if !routes.contains(text) { routes.append(text) }
            if !gateways.contains(route.target) { gateways.append(route.target) }
        }
        let attached = env.internetGateways.filter { vpc == nil || $0.vpcs.contains(vpc!.id) }.map(\.id).sorted()
        guard !routes.isEmpty else {
            let subnets = privateOnes.isEmpty ? "the load balancer's subnets are not known" :
                "\(privateOnes.joined(separator: ", ")) have no route to an internet gateway"
            return Hop(entity: attached.first ?? "internet gateway", entityKind: "internetGateway",
                       via: "no internet gateway route in the load balancer's subnets", blocked: true,
                       note: "\(subnets): the internet cannot reach this internet-facing load balancer")
        }
        let partial = privateOnes.isEmpty ? nil :
            "\(privateOnes.joined(separator: ", ")) not public: the load balancer's nodes there get no internet traffic"
        return Hop(entity: gateways.sorted().joined(separator: ", "), entityKind: "internetGateway",
                   via: routes.joined(separator: "; "), note: partial)
    }

    private func internalFlow(_ view: LoadBalancerView, _ backend: Backend) -> Flow {
        let ports = view.listenerPorts.isEmpty ? [443, 80] : view.listenerPorts
        let connected = connectedNetworks(view.subnets)
        let cidrs = vpcCIDRs
        var note = "not reachable from the internet: an internal load balancer has private addresses only"
        if !connected.isEmpty {
            note = "also from connected networks routed in the load balancer's subnets: "
                + connected.map { "\($0.ranges.joined(separator: ", ")) via \($0.target)" }.joined(separator: "; ")
                + "; " + note
        }
        let source = Hop(entity: vpc?.id ?? "VPC", entityKind: "vpc",
                         via: "clients inside the VPC: \(cidrs.isEmpty ? "its CIDRs" : cidrs.joined(separator: ", ")) (local routes)",
                         note: note)
        var lbHop = Hop(entity: view.entity, entityKind: view.entityKind, via: "", note: "\(view.origin) in \(FlowContext.ids(view.subnets))")
        if view.unfiltered {
            lbHop.via = "network load balancer without security groups: listeners are not filtered"
        } else if let groups = view.groups {
            let peers = (cidrs + connected.flatMap(\.ranges)).map(RulePeer.address)
            let result = check(groups, ingress: true, peers: peers, ports: ports, protocol: "tcp", all: false, anyPeer: true)
            lbHop.via = result.via
            lbHop.blocked = !result.allowed
            if !result.allowed { lbHop.note = "no rule admits the VPC or its connected networks on listener ports" }
        } else {
            lbHop.via = "security group created by the controller: tcp \(ports.map(String.init).joined(separator: ", "))"
                + " from \(view.inboundCIDRs.joined(separator: ", "))"
        }
        let name = "\(source.entity) -> \(view.entity) (internal)" + (backend.label.map { " -> \($0)" } ?? "")
        let to = backend.workload?.key ?? backend.label ?? "its targets"
        return Flow.make(.internal, name: name,
                         summary: "Clients inside the VPC\(connected.isEmpty ? "" : " and its connected networks") reach \(to)"
                            + " through the internal load balancer \(view.entity); the internet cannot.",
                         hops: [source, lbHop] + targetHops(view, backend))
    }

    /// Destinations the subnets' tables send to an appliance, transit gateway, VPN gateway or peering (not the
    /// default route): the networks connected to the VPC, grouped by target.
    func connectedNetworks(_ subnets: [Subnet]) -> [(target: String, ranges: [String])] {
        let kinds: Set<RouteTargetKind> = [.instance, .networkInterface, .transitGateway, .virtualPrivateGateway,
                                           .vpcPeering, .localGateway, .coreNetwork]
        var byTarget: [String: [String]] = [:]
        for subnet in subnets {
            guard let table = Routing.effectiveRouteTable(forSubnet: subnet.id, in: env)?.table else { continue }
            for route in table.routes where kinds.contains(route.targetKind) && Routing.isActive(route)
                && !Routing.isDefault(route) && RoutePrefix(route.destination) != nil {
                if byTarget[route.target]?.contains(route.destination) != true {
                    byTarget[route.target, default: []].append(route.destination)
                }
            }
        }
        return byTarget.keys.sorted().map { target in
            (target, byTarget[target]!.sorted { FlowContext.order($0, $1) })
        }
    }

    /// Orders CIDR texts by address, then prefix length (text order for anything else).
    static func order(_ a: String, _ b: String) -> Bool {
        if let x = IPv4Network(a), let y = IPv4Network(b) { return x < y }
        return a < b
    }
}
