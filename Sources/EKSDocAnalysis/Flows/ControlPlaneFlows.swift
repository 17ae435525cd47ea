import EKSDocModel

extension FlowContext {
    /// Nodes and the control plane, per node subnet: the control plane to the kubelet (tcp 10250), and the nodes
    /// to the API server (tcp 443) through the private endpoint, else the public one.
    func controlPlaneFlows() -> [Flow] {
        guard let cluster = env.cluster else { return [] }
        return nodeSubnets.map { kubeletFlow(cluster, $0) } + nodeSubnets.map { apiFlow(cluster, $0) }
    }

    /// Where the control plane's ENIs are and which groups they carry, for a hop's note.
    private func controlPlaneNote(_ cluster: Cluster) -> String {
        let groups = controlPlaneGroups.isEmpty ? "no known security groups" : controlPlaneGroups.joined(separator: ", ")
        let subnets = cluster.subnets.isEmpty ? "unknown subnets" : cluster.subnets.sorted().joined(separator: ", ")
        return "EKS control-plane ENIs in \(subnets) with \(groups)"
    }

    private func kubeletFlow(_ cluster: Cluster, _ nodes: Subnet) -> Flow {
        let out = check(controlPlaneGroups, ingress: false, peers: [nodePeer(nodes)], port: 10250, protocol: "tcp")
        let into = check(nodeGroups, ingress: true, peers: controlPlanePeers, port: 10250, protocol: "tcp")
        let hops = [
            Hop(entity: cluster.name, entityKind: "controlPlane", via: out.via, blocked: !out.allowed,
                note: out.note ?? controlPlaneNote(cluster)),
            Hop(entity: nodes.id, entityKind: "node", via: into.via, blocked: !into.allowed,
                note: into.note ?? (into.allowed ? "kubelet API: logs, exec, port-forward and metrics go through it"
                    : "node security groups from \(nodeGroupsOrigin)")),
        ]
        return Flow.make(.controlPlane, name: "control plane -> kubelet on \(nodes.id) (tcp 10250)",
                         summary: "The API server reaches the kubelet on nodes in \(nodes.id) on tcp 10250.",
                         hops: hops)
    }

    private func apiFlow(_ cluster: Cluster, _ nodes: Subnet) -> Flow {
        let privateEndpoint = cluster.endpointPrivate ?? false
        let publicEndpoint = cluster.endpointPublic ?? !privateEndpoint
        let name = "nodes in \(nodes.id) -> API server (tcp 443)"
        let peers = privateEndpoint ? controlPlanePeers : [.address("0.0.0.0/0")]
        let out = check(nodeGroups, ingress: false, peers: peers, port: 443, protocol: "tcp")
        let first = Hop(entity: nodes.id, entityKind: "node", via: out.via, blocked: !out.allowed, note: out.note)
        if privateEndpoint {
            let clusterSubnets = cluster.subnets.sorted().compactMap(env.subnet)
            let reach = localReach(from: [nodes], to: clusterSubnets)
            let into = check(controlPlaneGroups, ingress: true, peers: [nodePeer(nodes)], port: 443, protocol: "tcp")
            let plane = Hop(entity: cluster.name, entityKind: "controlPlane", via: "\(reach.via); \(into.via)",
                            blocked: reach.problem != nil || !into.allowed,
                            note: [reach.problem, into.note].compactMap { $0 }.first
                                ?? "private endpoint: the API name resolves to the control-plane ENIs inside the VPC")
            return Flow.make(.controlPlane, name: name,
                             summary: "Nodes in \(nodes.id) reach the API server through the private endpoint inside the VPC.",
                             hops: [first, plane])
        }
        guard publicEndpoint else {
            let plane = Hop(entity: cluster.name, entityKind: "controlPlane", via: "no endpoint enabled", blocked: true,
                            note: "neither the public nor the private endpoint is enabled")
            return Flow.make(.controlPlane, name: name, summary: "Nodes in \(nodes.id) have no API endpoint to reach.",
                             hops: [first, plane])
        }
        let route = defaultRouteHops(from: nodes, podSource: false)
        let cidrs = cluster.publicAccessCidrs ?? ["0.0.0.0/0"]
        var plane = Hop(entity: cluster.name, entityKind: "controlPlane",
                        via: "public endpoint, publicAccessCidrs \(cidrs.joined(separator: ", "))",
                        note: "public endpoint only: node traffic to the API leaves the VPC")
        if !cidrs.contains("0.0.0.0/0") {
            let nat = route.first { $0.entityKind == "natGateway" }.flatMap { hop in env.natGateways.first { $0.id == hop.entity } }
            let ips = nat?.publicIps ?? []
            let admitted = ips.filter { ip in cidrs.contains { IPv4Network($0)?.contains(IPv4Address(ip) ?? IPv4Address(0)) == true } }
            if !ips.isEmpty && admitted.isEmpty {
                plane.blocked = true
                plane.note = "the NAT gateway's public IPs \(ips.joined(separator: ", ")) are not in publicAccessCidrs"
            } else if ips.isEmpty {
                plane.note = "the nodes' egress address must be in publicAccessCidrs; it is not in the inputs"
            }
        }
        return Flow.make(.controlPlane, name: name,
                         summary: "Nodes in \(nodes.id) reach the public API endpoint through \(route.first?.entity ?? "no route").",
                         hops: [first] + route + [plane])
    }
}
