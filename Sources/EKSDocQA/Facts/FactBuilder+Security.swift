import EKSDocAnalysis
import EKSDocModel

extension FactBuilder {
    /// Security groups, internet exposure and load balancers.
    mutating func security() {
        set("sg.cluster.id", env.cluster?.clusterSecurityGroup)
        set("sg.node.id", nodeSecurityGroup)
        set("sg.count", env.securityGroups.count)

        var seen = Set<String>()
        let exposure = analysis.exposure.filter { seen.insert("\($0.securityGroup) \($0.ports) \($0.peer)").inserted }
        set("exposure.count", exposure.count)
        set("exposure.list", items: exposure.map {
            .item(["group": .string($0.securityGroup), "ports": .string($0.ports), "peer": .string($0.peer)])
        })
        set("exposure.sensitive", exposure.contains { !$0.sensitivePorts.isEmpty })

        let balancers = env.loadBalancers.sorted { $0.name < $1.name }
        let internals = balancers.filter { $0.scheme?.lowercased() == "internal" }
        let internetFacing = balancers.filter { $0.scheme?.lowercased() == "internet-facing" }
        set("lb.count", balancers.count)
        set("lb.internal.count", internals.count)
        set("lb.internetFacing.count", internetFacing.count)
        set("has.internalLoadBalancer", !internals.isEmpty)
        set("has.internetFacingLoadBalancer", !internetFacing.isEmpty)
        set("lb.internal", items: internals.map(Self.balancerItem))
        set("lb.internetFacing", items: internetFacing.map(Self.balancerItem))
    }

    static func balancerItem(_ lb: LoadBalancer) -> FactValue {
        .item(["name": .string(lb.name), "type": .string(lb.type), "subnets": .string(joined(lb.subnets.sorted()))])
    }

    /// The nodes' security group: the groups of the node-group instances, else a group named or described as the
    /// node group's (`...-node`, "EKS node shared security group"), else the cluster security group, which EKS
    /// attaches to managed nodes launched without a launch template of their own.
    var nodeSecurityGroup: String? {
        let groupNames = Set(env.nodeGroups.map(\.name))
        let nodes = env.instances.filter { instance in
            let group = instance.tags["eks:nodegroup-name"] ?? instance.name ?? ""
            return groupNames.contains(group)
        }
        let fromNodes = Self.unique(nodes.flatMap(\.securityGroups))
        if let first = fromNodes.first(where: { $0 != env.cluster?.clusterSecurityGroup }) ?? fromNodes.first {
            return first
        }
        let clusterTag = env.cluster.map { "kubernetes.io/cluster/\($0.name)" }
        let named = env.securityGroups.sorted { $0.id < $1.id }.first { group in
            let name = (group.tags.nameTag ?? group.name ?? "").lowercased()
            let description = (group.description ?? "").lowercased()
            let owned = clusterTag.map { group.tags[$0] != nil } ?? true
            return owned && (name.hasSuffix("-node") || name.contains("-node-") || description.contains("node shared security group"))
        }
        if let named { return named.id }
        guard env.nodeGroups.contains(where: { $0.managed ?? true }) else { return nil }
        return env.cluster?.clusterSecurityGroup
    }

    /// Findings, drift and the derived traffic flows.
    mutating func findings() {
        let findings = analysis.findings
        set("findings.count", findings.count)
        set("findings.errors", findings.filter { $0.severity == .error }.count)
        set("findings.warnings", findings.filter { $0.severity == .warning }.count)
        set("findings", items: findings.map {
            .item(["id": .string($0.id), "severity": .string($0.severity.rawValue), "entity": .string($0.entity),
                   "message": .string($0.message)])
        })
        set("drift.count", env.drift.count)
        func flows(_ kinds: Set<String>) -> [FactValue] {
            analysis.flows.filter { kinds.contains($0.kind) }.map {
                .item(["name": .string($0.name), "summary": .string($0.summary)])
            }
        }
        set("flows.egress", items: flows(["egress"]))
        set("flows.inbound", items: flows(["inbound", "internal"]))
    }
}
