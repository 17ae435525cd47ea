import EKSDocModel

extension FlowContext {
    /// Services every EKS cluster talks to: image pulls (ECR API, ECR registry, S3 for layers) and STS for IAM roles.
    static let baselineServices = ["ecr.api", "ecr.dkr", "s3", "sts"]

    /// Pods to AWS services, per pod subnet: through a gateway endpoint when the subnet's egress table routes the
    /// service's prefix list to one, through an interface endpoint when the VPC has one, else one flow for the
    /// remaining services through the default route.
    func awsServiceFlows() -> [Flow] {
        let endpoints = env.vpcEndpoints.filter { vpc == nil || $0.vpc == nil || $0.vpc == vpc?.id }
            .sorted { $0.id < $1.id }
        let services = Set(FlowContext.baselineServices + endpoints.map { FlowContext.shortName($0.service) }).sorted()
        var flows: [Flow] = []
        for pods in podSubnets {
            var remaining: [String] = []
            var notes: [String] = []
            for service in services {
                let matching = endpoints.filter { FlowContext.shortName($0.service) == service }
                if let gateway = matching.first(where: { $0.type.lowercased() == "gateway" }) {
                    if let flow = gatewayEndpointFlow(pods, service, gateway) {
                        flows.append(flow)
                        continue
                    }
                    notes.append("\(gateway.id) (\(service)) is not associated with the route table these pods egress through")
                } else if let interface = matching.first(where: { $0.type.lowercased() == "interface" }) {
                    flows.append(interfaceEndpointFlow(pods, service, interface))
                    continue
                }
                remaining.append(service)
            }
            guard !remaining.isEmpty else { continue }
            let start = egressStart(pods, to: .address("0.0.0.0/0"), port: 443, leavesVPC: true)
            let route = defaultRouteHops(from: start.subnet, podSource: externalSNAT)
            let list = remaining.joined(separator: ", ")
            let target = Hop(entity: "AWS services (\(list))", entityKind: "awsService",
                             via: "public regional endpoints over tcp 443, from \(route.last?.entity ?? start.subnet.id)",
                             note: (["no VPC endpoint for these services in the VPC"] + notes).joined(separator: "; "))
            flows.append(Flow.make(.awsService, name: "pods in \(pods.id) -> AWS services (\(list))",
                                   summary: "Pods in \(pods.id) reach \(list) through the default route"
                                        + " (\(route.first?.entity ?? "none")), not a VPC endpoint.",
                                   hops: start.hops + route + [target]))
        }
        return flows
    }

    private func gatewayEndpointFlow(_ pods: Subnet, _ service: String, _ endpoint: VpcEndpoint) -> Flow? {
        let start = egressStart(pods, to: .address("0.0.0.0/0"), port: 443, leavesVPC: true)
        guard let effective = Routing.effectiveRouteTable(forSubnet: start.subnet.id, in: env) else { return nil }
        let table = effective.table
        let route = table.routes.first { $0.target == endpoint.id }
        guard route != nil || endpoint.routeTables.contains(table.id) else { return nil }
        let via = route.map { FlowContext.routeText($0, table, explicit: effective.explicit) }
            ?? "\(table.id) is associated with the gateway endpoint (prefix-list route)"
        let blackhole = route.map { !Routing.isActive($0) } ?? false
        let hops = start.hops + [
            Hop(entity: endpoint.id, entityKind: "vpcEndpoint", via: via, blocked: blackhole,
                note: blackhole ? "blackhole route to the endpoint" : "gateway endpoint: the prefix-list route beats the default route"),
            Hop(entity: service, entityKind: "awsService", via: "\(endpoint.service) over the AWS network"),
        ]
        return Flow.make(.awsService, name: "pods in \(pods.id) -> \(service) via \(endpoint.id)",
                         summary: "Pods in \(pods.id) reach \(service) through the gateway endpoint \(endpoint.id).",
                         hops: hops)
    }

    private func interfaceEndpointFlow(_ pods: Subnet, _ service: String, _ endpoint: VpcEndpoint) -> Flow {
        let subnets = endpoint.subnets.sorted().compactMap(env.subnet)
        let local = subnets.first { $0.az != nil && $0.az == pods.az } ?? subnets.first
        let peer = RulePeer(address: local?.cidr, groups: endpoint.securityGroups.sorted())
        let start = egressStart(pods, to: peer, port: 443, leavesVPC: false)
        let reach: (via: String, problem: String?) = local.map { localReach(from: [pods], to: [$0]) }
            ?? ("endpoint subnets not in the inputs", nil)
        let into = check(endpoint.securityGroups, ingress: true, peers: [podPeer(pods)], port: 443, protocol: "tcp")
        let dns = endpoint.privateDns == true
            ? "private DNS: the service's regional name resolves to the endpoint's addresses"
            : "private DNS is off: only the endpoint's own DNS names reach it"
        let notes = [reach.problem, into.note, dns].compactMap { $0 }
        let hops = start.hops + [
            Hop(entity: endpoint.id, entityKind: "vpcEndpoint",
                via: "\(reach.via); \(into.via)" + (local.map { " (endpoint ENI in \($0.id))" } ?? ""),
                blocked: reach.problem != nil || !into.allowed, note: notes.joined(separator: "; ")),
            Hop(entity: service, entityKind: "awsService", via: "\(endpoint.service) over PrivateLink"),
        ]
        return Flow.make(.awsService, name: "pods in \(pods.id) -> \(service) via \(endpoint.id)",
                         summary: "Pods in \(pods.id) reach \(service) through the interface endpoint \(endpoint.id),"
                            + " inside the VPC (no SNAT, no NAT).",
                         hops: hops)
    }

    /// `s3` for `com.amazonaws.us-west-2.s3`, `ecr.dkr` for `com.amazonaws.us-west-2.ecr.dkr`.
    static func shortName(_ service: String) -> String {
        let parts = service.split(separator: ".")
        guard parts.count > 3, parts[0] == "com", parts[1] == "amazonaws" else { return service }
        return parts.dropFirst(3).joined(separator: ".")
    }
}
