import EKSDocModel

extension FlowContext {
    /// Pod to pod: on one node (veth, no VPC routing), and across AZs (the VPC's local route and the pods'
    /// security groups) — across nodes of one subnet when all pod subnets share an AZ.
    func podToPodFlows() -> [Flow] {
        var flows = podSubnets.map(sameNodeFlow)
        var pairs: [(Subnet, Subnet)] = []
        for (index, a) in podSubnets.enumerated() {
            for b in podSubnets.dropFirst(index + 1) where a.az != nil && b.az != nil && a.az != b.az {
                pairs.append((a, b))
            }
        }
        if pairs.isEmpty { pairs = podSubnets.map { ($0, $0) } }
        flows += pairs.map { acrossNodesFlow($0.0, $0.1) }
        return flows
    }

    private func sameNodeFlow(_ pods: Subnet) -> Flow {
        let node = nodeSubnet(for: pods)?.id ?? pods.id
        let branch = env.cni?.isEnabled("ENABLE_POD_ENI") == true
            ? "; pods with their own security groups (ENABLE_POD_ENI, branch ENIs) are the exception: their traffic"
                + " goes through the VPC and their groups" : ""
        let hops = [
            Hop(entity: pods.id, entityKind: "pod", via: "\(podOrigin(pods)); out through the pod's veth"),
            Hop(entity: node, entityKind: "node", via: "the node's host route for the other pod's IP (veth pair)",
                note: "the traffic never leaves the node: no route table, no security group\(branch)"),
            Hop(entity: pods.id, entityKind: "pod", via: "in through the other pod's veth on the same node"),
        ]
        return Flow.make(.podToPod, name: "pod to pod on one node (\(pods.id))",
                         summary: "Two pods on one node in \(pods.id) talk through the node's veth interfaces, without VPC routing.",
                         hops: hops)
    }

    private func acrossNodesFlow(_ a: Subnet, _ b: Subnet) -> Flow {
        let ports = applicationPorts()
        let reach = localReach(from: [a], to: [b])
        let table = Routing.effectiveRouteTable(forSubnet: a.id, in: env)?.table.id ?? "no route table"
        let out = podCheck(podGroups(in: a.id), ingress: false, peer: podPeer(b), ports: ports)
        let into = podCheck(podGroups(in: b.id), ingress: true, peer: podPeer(a), ports: ports)
        let unlisted = ports.isEmpty ? "no application ports in the inputs: only DNS (udp 53) checked" : nil
        let hops = [
            Hop(entity: a.id, entityKind: "pod", via: "\(podOrigin(a)); \(out.via)", blocked: !out.allowed, note: out.note),
            Hop(entity: table, entityKind: "routeTable", via: reach.via, blocked: reach.problem != nil,
                note: reach.problem ?? "no NAT and no SNAT inside the VPC: the other pod sees the pod IP"),
            Hop(entity: b.id, entityKind: "pod", via: "\(podOrigin(b)); \(into.via)", blocked: !into.allowed,
                note: unlisted.map { n in into.note.map { "\($0); \(n)" } ?? n } ?? into.note),
        ]
        let across = a.id == b.id ? "across nodes (\(a.id))" : "across AZs (\(a.id) -> \(b.id))"
        let checked = (["udp 53"] + ports.map { "tcp \($0)" }).joined(separator: ", ")
        return Flow.make(.podToPod, name: "pod to pod \(across)",
                         summary: "A pod in \(a.id) reaches a pod in \(b.id) on another node by the VPC's local route;"
                            + " checked ports: \(checked).",
                         hops: hops)
    }

    /// DNS (udp 53, every pod asks CoreDNS) and the application ports, all of which must be allowed.
    private func podCheck(_ groups: [String], ingress: Bool, peer: RulePeer, ports: [Int]) -> GroupCheck {
        let dns = check(groups, ingress: ingress, peers: [peer], port: 53, protocol: "udp")
        guard !ports.isEmpty else { return dns }
        let apps = check(groups, ingress: ingress, peers: [peer], ports: ports, protocol: "tcp", all: true)
        var via = [dns.via]
        if !via.contains(apps.via) { via.append(apps.via) }
        let notes = Array(Set([dns.note, apps.note].compactMap { $0 })).sorted()
        return GroupCheck(allowed: dns.allowed && apps.allowed, via: via.joined(separator: "; "),
                          note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// Ports pods serve on: container ports of Deployments and StatefulSets outside kube-system (DaemonSets there
    /// usually run on the host network) and the ports of IP-mode target groups; sorted.
    func applicationPorts() -> [Int] {
        let apps = workloads().filter { ["Deployment", "StatefulSet"].contains($0.kind) && $0.namespace != "kube-system" }
        let containers = apps.flatMap { $0.workload?.containers ?? [] }
            .flatMap(\.ports).filter { ($0.protocol ?? "TCP").uppercased() == "TCP" }.map(\.port)
        let groups = env.targetGroups.filter { $0.targetType == "ip" }.compactMap(\.port)
        return Array(Set(containers + groups)).sorted()
    }
}
