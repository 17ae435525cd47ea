import EKSDocModel

/// The security groups at both ends of a traced path, and the rule checks on them.
///
/// Source groups, first that applies:
/// 1. the instance whose private IP is the source address;
/// 2. the security groups of an ENIConfig naming the source subnet (pods on custom networking);
/// 3. for a cluster, node-group or pod subnet: the groups of the known node instances (tagged with the cluster
///    or a node group, as traffic flows use them), else the cluster security group (`clusterSecurityGroup`),
///    which EKS attaches to managed node-group nodes;
/// 4. none known: the source side is not checked and the verdict stays open.
///
/// Destination groups: the instance whose private IP is the destination. A destination outside every VPC CIDR of
/// the environment (internet, corporate networks) has no security group at the far end; one inside a VPC that no
/// known instance owns is left unchecked. Load balancers carry no addresses in the model, so they are not matched.
struct SecurityPath {
    /// One end: its groups, and why those.
    struct End {
        var groups: [String]
        /// False when the groups could not be determined (the side is then not checked).
        var known: Bool
        /// True when no security group applies at this end (outside the VPCs).
        var notApplicable: Bool
        var note: String
    }

    /// The outcome: the checks, notes for the explanation and the overall verdict.
    struct Verdict {
        var checks: [RuleCheck]
        var notes: [String]
        var allowed: Bool?
    }

    let env: Environment
    let subnet: Subnet
    let sourceAddress: String?
    let destination: String
    let destinationIsIPv6: Bool

    /// The source as a rule peer sees it: its address, else its subnet's CIDR of the destination's family.
    var sourcePeerAddress: String? {
        sourceAddress ?? (destinationIsIPv6 ? subnet.ipv6Cidr : subnet.cidr)
    }

    func sourceEnd() -> End {
        if let address = sourceAddress,
           let instance = env.instances.first(where: { $0.privateIp == address && !$0.securityGroups.isEmpty }) {
            return End(groups: instance.securityGroups, known: true, notApplicable: false,
                       note: "Source groups: those of \(instance.id)\(named(instance.name)), which owns \(address).")
        }
        if let config = env.kubernetes.first(where: { $0.eniConfig?.subnet == subnet.id && !($0.eniConfig?.securityGroups.isEmpty ?? true) }),
           let groups = config.eniConfig?.securityGroups {
            return End(groups: groups, known: true, notApplicable: false,
                       note: "Source groups: those of ENIConfig \(config.name), used by pods in \(subnet.id).")
        }
        let roles = Routing.roles(of: subnet, in: env)
        let clusterSubnet = roles.contains(where: { [.cluster, .nodes, .pods].contains($0) })
        let nodes = FlowContext.nodeInstances(env).filter { !$0.securityGroups.isEmpty }
        if clusterSubnet, !nodes.isEmpty {
            let groups = Array(Set(nodes.flatMap(\.securityGroups))).sorted()
            return End(groups: groups, known: true, notApplicable: false,
                       note: "Source groups: those of the node instances \(nodes.map(\.id).joined(separator: ", "))"
                           + " (assumed for a source in \(subnet.id)).")
        }
        if let group = env.cluster?.clusterSecurityGroup, clusterSubnet {
            return End(groups: [group], known: true, notApplicable: false,
                       note: "Source groups: the cluster security group \(group), which EKS attaches to managed nodes"
                           + " (assumed for a source in \(subnet.id)).")
        }
        return End(groups: [], known: false, notApplicable: false,
                   note: "Source groups: unknown for \(sourceAddress ?? subnet.id), so egress is not checked.")
    }

    func destinationEnd() -> End {
        if let instance = env.instances.first(where: { $0.privateIp == destination && !$0.securityGroups.isEmpty }) {
            return End(groups: instance.securityGroups, known: true, notApplicable: false,
                       note: "Destination groups: those of \(instance.id)\(named(instance.name)), which owns \(destination).")
        }
        guard let wanted = RoutePrefix(destination) else {
            return End(groups: [], known: false, notApplicable: false, note: "")
        }
        let inside = env.vpcs.contains { vpc in
            (vpc.cidrs + vpc.ipv6Cidrs).contains { RoutePrefix($0)?.contains(wanted) == true }
        }
        if !inside {
            return End(groups: [], known: true, notApplicable: true,
                       note: "\(destination) is outside the environment's VPCs: no security group applies at the far end.")
        }
        return End(groups: [], known: false, notApplicable: false,
                   note: "Destination groups: no known instance owns \(destination), so ingress is not checked.")
    }

    func check(port: Int, protocol proto: String) -> Verdict {
        let source = sourceEnd(), target = destinationEnd()
        let traffic = "\(RuleEvaluation.canonical(proto))/\(port)"
        var checks: [RuleCheck] = []
        let egressPeer = RulePeer(address: destination, groups: target.groups)
        let egress = side("source egress", groups: source.groups, traffic: traffic, direction: "to \(destination)") {
            RuleEvaluation.allows($0.egress, peer: egressPeer, port: port, protocol: proto, env: env)
        }
        checks += egress.checks
        let ingressPeer = RulePeer(address: sourcePeerAddress, groups: source.groups)
        let ingress = side("destination ingress", groups: target.groups, traffic: traffic,
                           direction: "from \(sourceAddress ?? subnet.id)") {
            RuleEvaluation.allows($0.ingress, peer: ingressPeer, port: port, protocol: proto, env: env)
        }
        checks += ingress.checks
        let sides: [Bool?] = [
            source.known ? egress.allowed : nil,
            target.notApplicable ? true : (target.known ? ingress.allowed : nil),
        ]
        let allowed: Bool? = sides.contains(false) ? false : (sides.contains(nil) ? nil : true)
        return Verdict(checks: checks, notes: [source.note, target.note].filter { !$0.isEmpty }, allowed: allowed)
    }

    /// Checks every group of one side; the side allows when any group does (groups add up, allow-only).
    private func side(_ name: String, groups: [String], traffic: String, direction: String,
                      match: (SecurityGroup) -> SecurityGroupRule?) -> (checks: [RuleCheck], allowed: Bool) {
        var results: [(id: String, group: SecurityGroup?, rule: SecurityGroupRule?)] = []
        for id in groups {
            let group = env.securityGroup(id)
            results.append((id, group, group.flatMap(match)))
        }
        let allowing = results.filter { $0.rule != nil }.map(\.id)
        let checks = results.map { item -> RuleCheck in
            let label = "\(item.id)\(named(item.group?.name))"
            let ruleKind = name == "source egress" ? "egress" : "ingress"
            guard item.group != nil else {
                return RuleCheck(side: name, securityGroup: item.id, verdict: "unknown", rule: nil,
                                 explanation: "\(label) is not in the inputs, so its rules are unknown.")
            }
            if let rule = item.rule {
                let text = RuleEvaluation.summary(rule)
                return RuleCheck(side: name, securityGroup: item.id, verdict: "allow", rule: text,
                                 explanation: "\(label) allows \(traffic) \(direction) by its \(ruleKind) rule \(text).")
            }
            var explanation = "No \(ruleKind) rule of \(label) allows \(traffic) \(direction)"
            explanation += allowing.isEmpty ? ", so it is blocked." : "; \(allowing.joined(separator: ", ")) does, which is enough."
            return RuleCheck(side: name, securityGroup: item.id, verdict: "block", rule: nil, explanation: explanation)
        }
        return (checks, !allowing.isEmpty)
    }

    private func named(_ name: String?) -> String {
        guard let name, !name.isEmpty else { return "" }
        return " (\(name))"
    }
}
