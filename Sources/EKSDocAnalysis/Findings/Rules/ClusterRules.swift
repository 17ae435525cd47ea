import EKSDocModel

/// EKS requires cluster subnets in at least two AZs (EKS User Guide, "VPC and subnet requirements").
public enum ClusterSubnetAZRule: FindingRule {
    public static let id = "cluster-subnets-one-az"
    public static let summary = "The cluster's subnets span fewer than two Availability Zones."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        guard let cluster = c.env.cluster, !cluster.subnets.isEmpty else { return [] }
        let known = cluster.subnets.compactMap { c.env.subnet($0)?.az }
        guard known.count == cluster.subnets.count else { return [] }
        let zones = Set(known)
        guard zones.count < 2 else { return [] }
        return [Finding(id: id, severity: .error, entity: "cluster \(cluster.name)",
                        message: "cluster subnets are all in \(zones.sorted().joined(separator: ", ")); EKS needs at least two AZs",
                        hint: "Add a subnet in a second AZ to the cluster's VPC configuration.",
                        source: cluster.source)]
    }
}

/// A public API endpoint open to the whole internet.
public enum PublicEndpointOpenRule: FindingRule {
    public static let id = "public-endpoint-open"
    public static let summary = "The cluster's public API endpoint accepts connections from 0.0.0.0/0."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        guard let cluster = c.env.cluster, cluster.endpointPublic == true else { return [] }
        // EKS defaults publicAccessCidrs to 0.0.0.0/0 when none are given.
        let cidrs = cluster.publicAccessCidrs ?? ["0.0.0.0/0"]
        guard cidrs.contains("0.0.0.0/0") || cidrs.contains("::/0") else { return [] }
        let privateToo = cluster.endpointPrivate == true
        return [Finding(id: id, severity: .warning, entity: "cluster \(cluster.name)",
                        message: "the public API endpoint of \(cluster.name) is open to 0.0.0.0/0" + (privateToo ? "" : " and is the only endpoint (private access is off)"),
                        hint: "Restrict publicAccessCidrs to your corporate ranges, or turn on private access and disable the public endpoint.",
                        source: cluster.source)]
    }
}

/// Control-plane logs are the audit trail of the cluster.
public enum ControlPlaneLoggingRule: FindingRule {
    public static let id = "control-plane-logging-off"
    public static let summary = "Control-plane logging is off, or the api and audit logs are not enabled."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        guard let cluster = c.env.cluster, let logging = cluster.logging else { return [] }
        let missing = ["api", "audit"].filter { !logging.contains($0) }
        guard !missing.isEmpty else { return [] }
        return [Finding(id: id, severity: .warning, entity: "cluster \(cluster.name)",
                        message: logging.isEmpty ? "control-plane logging is off for \(cluster.name)"
                            : "control-plane logging of \(cluster.name) lacks \(missing.joined(separator: " and "))",
                        hint: "Enable at least the api and audit log types (eks update-cluster-config --logging).",
                        source: cluster.source)]
    }
}

/// Fewer than 16 free addresses in a cluster subnet (EKS needs 6, recommends 16).
public enum ClusterSubnetFreeAddressesRule: FindingRule {
    public static let id = "cluster-subnet-low-free"
    public static let summary = "A cluster subnet has fewer than 16 free addresses (EKS needs at least 6)."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        guard let cluster = c.env.cluster else { return [] }
        return cluster.subnets.sorted().compactMap { id in
            guard let facts = c.addresses.subnet(id), let free = facts.freeNow, !facts.freeNowImpossible, free < 16 else { return nil }
            return Finding(id: self.id, severity: free < 6 ? .error : .warning, entity: id,
                           message: "cluster subnet \(id) has \(free) free addresses" + (free < 6 ? "; EKS needs at least 6 to place control-plane interfaces" : "; EKS recommends at least 16"),
                           hint: "Free addresses in the subnet or add a larger cluster subnet.",
                           source: c.env.subnet(id)?.source)
        }
    }
}

/// The pod subnets hold fewer addresses than the node groups could schedule pods.
public enum PodCapacityRule: FindingRule {
    public static let id = "pod-capacity-below-max"
    public static let summary = "Pod subnets hold fewer addresses than max nodes x max pods per node."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        guard let pods = c.capacity.podCapacity, let addresses = pods.addressLimit, let nodes = pods.nodeLimit,
              addresses < nodes else { return [] }
        return [Finding(id: id, severity: .warning, entity: c.env.cluster.map { "cluster \($0.name)" } ?? c.env.name,
                        message: "pod subnets hold \(addresses) addresses but the node groups could run \(nodes) pods",
                        hint: "Add or enlarge pod subnets (a secondary CIDR with custom networking), or lower max nodes or max pods.",
                        source: c.env.cluster?.source)]
    }
}
