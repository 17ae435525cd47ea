import EKSDocModel

extension InstanceTypeInfo: Mergeable {
    var mergeKey: String { name }
    var entityLabel: String { "instance type \(name)" }
    func filling(from o: InstanceTypeInfo) -> InstanceTypeInfo { self }
}

extension LoadBalancer: Mergeable {
    var mergeKey: String { name }
    var entityLabel: String { "load balancer \(name)" }
    static func driftFields() -> [(name: String, value: (LoadBalancer) -> String?)] {
        [("scheme", { $0.scheme }), ("type", { $0.type })]
    }
    func filling(from o: LoadBalancer) -> LoadBalancer {
        var r = self
        fill(&r.arn, o.arn); fill(&r.scheme, o.scheme); fill(&r.type, o.type); fill(&r.vpc, o.vpc)
        fill(&r.subnets, o.subnets); fill(&r.securityGroups, o.securityGroups); fill(&r.dnsName, o.dnsName)
        fill(&r.state, o.state)
        return r
    }
}

extension TargetGroup: Mergeable {
    var mergeKey: String { name }
    var entityLabel: String { "target group \(name)" }
    func filling(from o: TargetGroup) -> TargetGroup {
        var r = self
        fill(&r.arn, o.arn); fill(&r.targetType, o.targetType); fill(&r.protocol, o.protocol); fill(&r.port, o.port)
        fill(&r.vpc, o.vpc); r.loadBalancers = Array(Set(loadBalancers + o.loadBalancers)).sorted()
        return r
    }
}

extension Cluster: Mergeable {
    var mergeKey: String { name }
    var entityLabel: String { "cluster \(name)" }
    static func driftFields() -> [(name: String, value: (Cluster) -> String?)] {
        [
            ("version", { $0.version }),
            ("serviceCidr", { $0.serviceCidr }),
            ("endpointPublic", { $0.endpointPublic.map { $0 ? "true" : "false" } }),
            ("endpointPrivate", { $0.endpointPrivate.map { $0 ? "true" : "false" } }),
            ("publicAccessCidrs", { $0.publicAccessCidrs.flatMap(setText) }),
            ("vpc", { $0.vpc.flatMap { $0.hasPrefix("eksctl:") ? nil : $0 } }),
            ("subnets", { setText($0.subnets.filter { $0.hasPrefix("subnet-") }) }),
            ("logging", { $0.logging.map { setText($0) ?? "none" } }),
        ]
    }
    func filling(from o: Cluster) -> Cluster {
        var r = self
        fill(&r.version, o.version); fill(&r.arn, o.arn); fill(&r.region, o.region); fill(&r.vpc, o.vpc)
        fill(&r.subnets, o.subnets); fill(&r.securityGroups, o.securityGroups)
        fill(&r.clusterSecurityGroup, o.clusterSecurityGroup); fill(&r.serviceCidr, o.serviceCidr)
        fill(&r.ipFamily, o.ipFamily); fill(&r.endpointPublic, o.endpointPublic)
        fill(&r.endpointPrivate, o.endpointPrivate); fill(&r.publicAccessCidrs, o.publicAccessCidrs)
        fill(&r.oidcIssuer, o.oidcIssuer); fill(&r.logging, o.logging); fill(&r.status, o.status)
        fill(&r.platformVersion, o.platformVersion)
        return r
    }
}

extension NodeGroup: Mergeable {
    var mergeKey: String { name }
    var entityLabel: String { "node group \(name)" }
    static func driftFields() -> [(name: String, value: (NodeGroup) -> String?)] {
        [
            ("instanceTypes", { setText($0.instanceTypes) }),
            ("min", { $0.min.map(String.init) }),
            ("max", { $0.max.map(String.init) }),
            ("desired", { $0.desired.map(String.init) }),
            ("diskSize", { $0.diskSize.map(String.init) }),
            ("capacityType", { $0.capacityType }),
            ("subnets", { setText($0.subnets.filter { $0.hasPrefix("subnet-") }) }),
        ]
    }
    func filling(from o: NodeGroup) -> NodeGroup {
        var r = self
        fill(&r.cluster, o.cluster); fill(&r.managed, o.managed); fill(&r.instanceTypes, o.instanceTypes)
        fill(&r.min, o.min); fill(&r.max, o.max); fill(&r.desired, o.desired); fill(&r.subnets, o.subnets)
        fill(&r.amiType, o.amiType); fill(&r.capacityType, o.capacityType); fill(&r.diskSize, o.diskSize)
        if r.labels.isEmpty { r.labels = o.labels }
        fill(&r.taints, o.taints); fill(&r.nodeRole, o.nodeRole)
        return r
    }
    /// Module-made node groups often carry a suffix after the declared key (`system-2024...`).
    func describes(_ d: NodeGroup) -> Bool {
        name == d.name || name.hasPrefix(d.name + "-")
    }
}

extension Addon: Mergeable {
    var mergeKey: String { name }
    var entityLabel: String { "add-on \(name)" }
    static func driftFields() -> [(name: String, value: (Addon) -> String?)] {
        [("version", { $0.version })]
    }
    func filling(from o: Addon) -> Addon {
        var r = self
        fill(&r.version, o.version); fill(&r.serviceAccountRole, o.serviceAccountRole); fill(&r.status, o.status)
        return r
    }
}

extension IdentityBinding: Mergeable {
    var mergeKey: String { "\(kind.rawValue)/\(namespace)/\(serviceAccount)" }
    var entityLabel: String { "service account \(namespace)/\(serviceAccount)" }
    static func driftFields() -> [(name: String, value: (IdentityBinding) -> String?)] {
        [("roleArn", { $0.roleArn })]
    }
    func filling(from o: IdentityBinding) -> IdentityBinding {
        var r = self
        fill(&r.roleArn, o.roleArn); fill(&r.policies, o.policies)
        return r
    }
}

extension KubernetesObject: Mergeable {
    var mergeKey: String { key }
    var entityLabel: String { "\(kind) \(namespace.map { "\($0)/" } ?? "")\(name)" }
    static func driftFields() -> [(name: String, value: (KubernetesObject) -> String?)] {
        [
            ("replicas", { $0.workload?.replicas.map(String.init) }),
            ("images", { $0.workload.flatMap { setText($0.containers.compactMap(\.image)) } }),
            ("serviceType", { $0.service?.type }),
        ]
    }
    func filling(from o: KubernetesObject) -> KubernetesObject {
        var r = self
        fill(&r.workload, o.workload); fill(&r.service, o.service); fill(&r.ingress, o.ingress); fill(&r.data, o.data)
        fill(&r.serviceAccount, o.serviceAccount); fill(&r.storageClass, o.storageClass); fill(&r.claim, o.claim)
        fill(&r.autoscaler, o.autoscaler); fill(&r.networkPolicy, o.networkPolicy); fill(&r.eniConfig, o.eniConfig)
        fill(&r.secretProvider, o.secretProvider); fill(&r.nodePool, o.nodePool); fill(&r.nodeClass, o.nodeClass)
        return r
    }
}
