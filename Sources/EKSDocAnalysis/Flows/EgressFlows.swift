import EKSDocModel

extension FlowContext {
    /// Pod egress to the internet, one flow per pod subnet (reference/aws-facts.md §3 SNAT, §4 routing).
    func podEgressFlows() -> [Flow] {
        podSubnets.map { pods in
            let start = egressStart(pods, to: .address("0.0.0.0/0"), port: 443, leavesVPC: true)
            let route = defaultRouteHops(from: start.subnet, podSource: externalSNAT)
            let last = route.last?.entity ?? start.subnet.id
            let hops = start.hops + route + [Hop(entity: "internet", entityKind: "internet", via: "from \(last)")]
            let target = route.first.map { "\($0.entity) (\($0.entityKind))" } ?? "?"
            return Flow.make(.egress, name: "pod egress from \(pods.id)" + (pods.az.map { " (\($0))" } ?? ""),
                             summary: "Pods in \(pods.id) reach the internet through \(target).", hops: hops)
        }
    }

    /// The first hops of pod traffic: the pods (with their groups' egress rule) and, when it leaves the VPC, the
    /// node that SNATs it — and the subnet whose route table then decides. With SNAT (the default) that is the
    /// node subnet in the pod subnet's AZ, because the CNI sends SNATed traffic out of the primary ENI.
    func egressStart(_ pods: Subnet, to peer: RulePeer, port: Int, leavesVPC: Bool) -> (hops: [Hop], subnet: Subnet) {
        let out = check(podGroups(in: pods.id), ingress: false, peers: [peer], port: port, protocol: "tcp")
        let first = Hop(entity: pods.id, entityKind: "pod", via: "\(podOrigin(pods)); \(out.via)", blocked: !out.allowed,
                        note: out.note)
        guard leavesVPC else { return ([first], pods) }
        if externalSNAT {
            return ([first, Hop(entity: nodeSubnet(for: pods)?.id ?? pods.id, entityKind: "node",
                                via: "no SNAT (AWS_VPC_K8S_CNI_EXTERNALSNAT=true): leaves through the pod's ENI in \(pods.id)",
                                note: "external SNAT: the NAT gateway or appliance sees pod IPs")], pods)
        }
        let node = nodeSubnet(for: pods)
        let subnet = node ?? pods
        let missing = node == nil ? "; no node subnet in \(pods.az ?? "the pod subnet's AZ"): the pod subnet's table is used" : ""
        return ([first, Hop(entity: subnet.id, entityKind: "node",
                            via: "SNAT to the node's primary IP; leaves through the primary ENI in \(subnet.id)"
                                + (subnet.cidr.map { " (\($0))" } ?? ""),
                            note: "SNAT: pod IPs are translated to the node's primary IP"
                                + " (AWS_VPC_K8S_CNI_EXTERNALSNAT is not true)\(missing)")], subnet)
    }

    /// The hops chosen by a subnet's IPv4 default route: the target and, for a NAT gateway, the internet gateway
    /// of the NAT's own subnet. `podSource`: the source is a pod IP (external SNAT), not a node IP.
    func defaultRouteHops(from subnet: Subnet, podSource: Bool) -> [Hop] {
        guard let effective = Routing.effectiveRouteTable(forSubnet: subnet.id, in: env) else {
            return [Hop(entity: subnet.id, entityKind: "subnet", via: "no route table (no association, no main table)",
                        blocked: true, note: "\(subnet.id) has no route table: nothing leaves it")]
        }
        let table = effective.table
        guard let route = Routing.longestPrefixMatch("0.0.0.0/0", in: table) else {
            return [Hop(entity: table.id, entityKind: "routeTable", via: "no default route (0.0.0.0/0) in \(table.id)",
                        blocked: true, note: "isolated: \(subnet.id) has no route out of the VPC")]
        }
        let via = FlowContext.routeText(route, table, explicit: effective.explicit)
        var hop = Hop(entity: route.target, entityKind: FlowContext.kind(of: route.targetKind), via: via)
        guard Routing.isActive(route) else {
            hop.blocked = true
            hop.note = "blackhole: the route's target no longer exists, traffic is dropped"
            return [hop]
        }
        switch route.targetKind {
        case .internetGateway:
            if podSource {
                hop.blocked = true
                hop.note = "pod IPs are private and external SNAT is on: nothing gives them a public address"
            } else {
                hop.note = "public subnet: the node needs a public IP"
                    + (subnet.mapPublicIpOnLaunch == false ? " (mapPublicIpOnLaunch is false)" : "")
            }
            return [hop]
        case .natGateway:
            return natHops(hop, route.target)
        case .instance, .networkInterface:
            let instance = env.instances.first { $0.id == route.target || $0.networkInterfaces.contains(route.target) }
            var note = "routing appliance" + (instance?.name.map { " \($0)" } ?? "")
                + (instance?.sourceDestCheck == false ? " (source/destination check off)" : "")
                + ": it decides where the traffic goes next"
            if let place = instance?.subnet.flatMap(env.subnet),
               let own = Routing.effectiveRouteTable(forSubnet: place.id, in: env),
               let out = Routing.longestPrefixMatch("0.0.0.0/0", in: own.table), Routing.isActive(out) {
                note += "; its subnet \(place.id) has \(FlowContext.routeText(out, own.table, explicit: own.explicit))"
            }
            hop.note = note
        case .transitGateway:
            hop.note = "beyond the transit gateway its own route tables decide (not in the inputs)"
        case .vpcPeering:
            hop.blocked = true
            hop.note = "a VPC peering connection does not carry traffic on to the internet (no edge-to-edge routing)"
        case .virtualPrivateGateway:
            hop.note = "to the on-premises network over VPN or Direct Connect; internet access is decided there"
        case .vpcEndpoint:
            hop.note = "Gateway Load Balancer endpoint: an inspection appliance decides what goes on"
        default:
            hop.note = Routing.describeTarget(route.target, kind: route.targetKind, in: env)
        }
        return [hop]
    }

    /// A NAT gateway hop and the internet gateway hop of the NAT's subnet.
    private func natHops(_ nat: Hop, _ id: String) -> [Hop] {
        var hop = nat
        let gateway = env.natGateways.first { $0.id == id }
        let ips = gateway?.publicIps ?? []
        hop.note = "the NAT gateway translates the source to its public IP" + (ips.isEmpty ? "" : " \(ips.joined(separator: ", "))")
        if let state = gateway?.state?.lowercased(), ["deleted", "deleting", "failed"].contains(state) {
            hop.blocked = true
            hop.note = "the NAT gateway is \(state)"
            return [hop]
        }
        if gateway?.connectivity?.lowercased() == "private" {
            hop.blocked = true
            hop.note = "a private NAT gateway cannot reach the internet"
            return [hop]
        }
        guard let subnet = gateway?.subnet, let effective = Routing.effectiveRouteTable(forSubnet: subnet, in: env) else {
            return [hop, Hop(entity: "internet gateway", entityKind: "internetGateway",
                             via: "the NAT gateway's subnet is not in the inputs", note: "not checked")]
        }
        let route = Routing.longestPrefixMatch("0.0.0.0/0", in: effective.table)
        guard let route, route.targetKind == .internetGateway, Routing.isActive(route) else {
            return [hop, Hop(entity: route?.target ?? effective.table.id,
                             entityKind: route.map { FlowContext.kind(of: $0.targetKind) } ?? "routeTable",
                             via: route.map { FlowContext.routeText($0, effective.table, explicit: effective.explicit) }
                                ?? "no default route in \(effective.table.id)",
                             blocked: true, note: "the NAT gateway's subnet \(subnet) has no active route to an internet gateway")]
        }
        return [hop, Hop(entity: route.target, entityKind: "internetGateway",
                         via: FlowContext.routeText(route, effective.table, explicit: effective.explicit)
                            + " (the NAT gateway's subnet \(subnet))")]
    }
}
