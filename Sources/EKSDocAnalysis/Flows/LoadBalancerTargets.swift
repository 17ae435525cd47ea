import EKSDocModel

extension FlowContext {
    /// The hops from a load balancer to its backend's pods: IP mode goes straight to pod IPs, instance mode to a
    /// NodePort on every node and from there to the pods (reference/aws-facts.md §5).
    func targetHops(_ view: LoadBalancerView, _ backend: Backend) -> [Hop] {
        let type = backend.targetGroup?.targetType ?? view.ingressTargetType ?? "instance"
        switch type {
        case "ip": return ipTargetHops(view, backend)
        case "instance": return instanceTargetHops(view, backend)
        default:
            return [Hop(entity: backend.targetGroup?.name ?? backend.label ?? view.entity, entityKind: "targetGroup",
                        via: "target type \(type): targets outside the cluster, not followed")]
        }
    }

    private func ipTargetHops(_ view: LoadBalancerView, _ backend: Backend) -> [Hop] {
        var hops: [Hop] = []
        let reach = localReach(from: view.subnets, to: podSubnets)
        let targets = "ip targets: pod IPs in \(FlowContext.ids(podSubnets)); \(reach.via)"
        if let group = backend.targetGroup {
            let detail = [group.protocol, group.port.map { "port \($0)" }].compactMap { $0 }.joined(separator: " ")
            hops.append(Hop(entity: group.name, entityKind: "targetGroup", via: targets, blocked: reach.problem != nil,
                            note: reach.problem ?? (detail.isEmpty ? nil : "target group \(detail)")))
        } else if let service = backend.label, backend.service != nil || !backend.rules.isEmpty {
            let rules = backend.rules.isEmpty ? "" : " (Ingress rules: \(backend.rules.joined(separator: ", ")))"
            hops.append(Hop(entity: service, entityKind: "service", via: targets, blocked: reach.problem != nil,
                            note: reach.problem ?? "IP mode: the load balancer sends to pod IPs directly; the service"
                                + " only supplies the endpoints\(rules)"))
        }
        var pods = podHop(backend, from: view.groups, peers: loadBalancerPeers(view), origin: "the load balancer")
        if hops.isEmpty {
            pods.via = "\(targets); \(pods.via)"
            if let problem = reach.problem { pods.blocked = true; pods.note = problem }
        }
        hops.append(pods)
        return hops
    }

    private func instanceTargetHops(_ view: LoadBalancerView, _ backend: Backend) -> [Hop] {
        let reach = localReach(from: view.subnets, to: nodeSubnets)
        let ports = backend.nodePort.map { [$0] } ?? [30000, 32767]
        let portText = backend.nodePort.map { "NodePort \($0)" } ?? "NodePort range 30000-32767"
        var via = "instance targets: \(portText) on every node; \(reach.via)"
        var blocked = reach.problem != nil
        var notes = reach.problem.map { [$0] } ?? []
        if let groups = view.groups, !groups.isEmpty {
            let out = check(groups, ingress: false, peers: nodeSubnets.map(nodePeer), ports: ports, protocol: "tcp",
                            all: true)
            let into = check(nodeGroups, ingress: true, peers: loadBalancerPeers(view), ports: ports, protocol: "tcp",
                             all: true)
            via += "; \(out.via); \(into.via)"
            blocked = blocked || !out.allowed || !into.allowed
            notes += [out.note, into.note].compactMap { $0 }
        }
        let nodes = Hop(entity: FlowContext.ids(nodeSubnets), entityKind: "node", via: via, blocked: blocked,
                        note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        var pods = podHop(backend, from: nodeGroups, peers: nodeSubnets.map(nodePeer), origin: "the node")
        pods.via = "kube-proxy forwards the NodePort to pod IPs; \(pods.via)"
        guard let service = backend.label, backend.service != nil || !backend.rules.isEmpty else { return [nodes, pods] }
        let rules = backend.rules.isEmpty ? "" : " (Ingress rules: \(backend.rules.joined(separator: ", ")))"
        let serviceHop = Hop(entity: service, entityKind: "service",
                             via: "kube-proxy rules for the service's NodePort pick a ready endpoint\(rules)",
                             note: "instance mode: the target may be a pod on another node (one more hop inside the VPC)")
        return [nodes, serviceHop, pods]
    }

    /// The pods of a backend, checked against their security groups for traffic from `groups` on the target port.
    private func podHop(_ backend: Backend, from groups: [String]?, peers: [RulePeer], origin: String) -> Hop {
        let entity = backend.workload?.key ?? FlowContext.ids(podSubnets)
        guard let port = backend.targetPort else {
            return Hop(entity: entity, entityKind: "pod", via: "target port unknown: security groups not checked")
        }
        guard let groups else {
            return Hop(entity: entity, entityKind: "pod", via: "tcp \(port) from \(origin)",
                       note: "the controller creates the load balancer's security group and opens the pods' groups to it;"
                           + " not in the inputs, not checked")
        }
        var texts: [String] = []
        var notes: [String] = []
        var allowed = true
        let out = check(groups, ingress: false, peers: podSubnets.map(podPeer), port: port, protocol: "tcp")
        for result in [out] + podSubnets.map({ check(podGroups(in: $0.id), ingress: true, peers: peers, port: port,
                                                     protocol: "tcp") }) {
            if !texts.contains(result.via) { texts.append(result.via) }
            if let note = result.note, !notes.contains(note) { notes.append(note) }
            allowed = allowed && result.allowed
        }
        return Hop(entity: entity, entityKind: "pod", via: texts.joined(separator: "; "), blocked: !allowed,
                   note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// The load balancer's nodes as rule peers: one per subnet, carrying its groups.
    func loadBalancerPeers(_ view: LoadBalancerView) -> [RulePeer] {
        let groups = view.groups ?? []
        if view.subnets.isEmpty { return [RulePeer(groups: groups)] }
        return view.subnets.map { RulePeer(address: $0.cidr, groups: groups) }
    }

    /// How traffic from `sources` reaches `targets` inside the VPC: the matching routes of the sources' tables,
    /// and a problem when a target is not reached by a `local` route.
    func localReach(from sources: [Subnet], to targets: [Subnet]) -> (via: String, problem: String?) {
        var texts: [String] = []
        var problems: [String] = []
        for source in sources {
            guard let effective = Routing.effectiveRouteTable(forSubnet: source.id, in: env) else {
                problems.append("\(source.id) has no route table")
                continue
            }
            for target in targets {
                guard let cidr = target.cidr, let route = Routing.longestPrefixMatch(cidr, in: effective.table) else {
                    problems.append("no route in \(effective.table.id) covers \(target.id)")
                    continue
                }
                let text = FlowContext.routeText(route, effective.table, explicit: effective.explicit)
                if !texts.contains(text) { texts.append(text) }
                if route.targetKind != .local || !Routing.isActive(route) {
                    problems.append("\(target.id) is reached through \(route.target), not the VPC's local route")
                }
            }
        }
        if texts.isEmpty && problems.isEmpty { return ("inside the VPC (no subnets known)", nil) }
        return (texts.joined(separator: "; "), problems.isEmpty ? nil : problems.joined(separator: "; "))
    }
}
