import EKSDocModel

/// Computes an environment's EKS capacity (issue 3 item 5; reference/aws-facts.md §1-§3).
///
/// - Max pods: every node-group instance type in the mode the `aws-node` settings select (`MaxPods`).
/// - Pod subnets: the ENIConfig subnets with custom networking (`AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true`),
///   otherwise the node groups' subnets, where pods share the nodes' addresses.
/// - Pod addresses: usable addresses per pod subnet and, with prefix delegation, whole /28 blocks x 16
///   (`SubnetPrefixes`).
/// - Pod capacity: the smaller of the address limit and the node limit, the sum over node groups of
///   max nodes x the smallest recommended max pods of the group's types.
/// - Node subnets: the node groups' subnets, then those Karpenter EC2NodeClasses select by id or tag.
/// - Service CIDR: its size and assignable ClusterIPs (`ServiceCidrCapacity`).
public enum CapacityAnalysis {
    /// The capacity facts of `env`. Instance types come from `catalog` overridden by the environment's own
    /// `describe-instance-types` snapshot (`env.instanceTypes`), so callers pass `InstanceTypeCatalog.builtin`.
    public static func analyze(_ env: Environment, catalog: InstanceTypeCatalog) -> CapacityFacts {
        let catalog = catalog.merging(env.instanceTypes)
        let mode = MaxPodsMode(env.cni)
        var notes: [String] = []
        let groups = env.nodeGroups.map { nodeGroup($0, catalog: catalog, cni: env.cni) }
        let computed = groups.flatMap(\.maxPods)
        // Prefix delegation shapes the address limit unless every known type is Xen and falls back to secondary IPs.
        let prefixes = mode.prefixDelegation && (computed.isEmpty || computed.contains { !$0.prefixDelegationIgnored })

        var pods = SubnetList()
        let podSource: String
        if mode.customNetworking {
            podSource = "eniConfig"
            for object in env.kubernetes {
                guard let config = object.eniConfig else { continue }
                guard let subnet = config.subnet else {
                    notes.append("ENIConfig \(object.name) names no subnet"); continue
                }
                pods.add(subnet, "ENIConfig \(object.name)")
            }
            if pods.ids.isEmpty { notes.append("custom networking is on but no ENIConfig names a pod subnet") }
        } else {
            podSource = "nodeGroups"
            for group in env.nodeGroups { group.subnets.forEach { pods.add($0, "node group \(group.name)") } }
        }
        let podSubnets = pods.ids.map { capacity(of: $0, usedBy: pods.usedBy[$0] ?? [], in: env, prefixes: prefixes) }

        var nodes = SubnetList()
        for group in env.nodeGroups { group.subnets.forEach { nodes.add($0, "node group \(group.name)") } }
        for object in env.kubernetes {
            guard let nodeClass = object.nodeClass, !nodeClass.subnetSelectors.isEmpty else { continue }
            let (ids, unresolved) = KarpenterSubnets.resolve(nodeClass.subnetSelectors, in: env.subnets)
            ids.forEach { nodes.add($0, "EC2NodeClass \(object.name)") }
            unresolved.forEach { notes.append("EC2NodeClass \(object.name): subnet selector \"\($0)\" not resolved") }
            if ids.isEmpty && unresolved.isEmpty {
                notes.append("EC2NodeClass \(object.name): no subnet in the model matches its subnet selectors")
            }
        }
        let nodeSubnets = nodes.ids.map { capacity(of: $0, usedBy: nodes.usedBy[$0] ?? [], in: env, prefixes: false) }

        for subnet in podSubnets + nodeSubnets where subnet.cidr == nil {
            notes.append("subnet \(subnet.subnet) (\(subnet.usedBy.joined(separator: ", "))) has no IPv4 CIDR in the model")
        }
        let podAddresses = podSubnets.compactMap(\.usableAddresses).reduce(0, +)
        let podPrefixAddresses = prefixes ? podSubnets.compactMap(\.prefixAddresses).reduce(0, +) : nil
        var facts = CapacityFacts(
            mode: mode, nodeGroups: groups, podSubnetSource: podSource, podSubnets: podSubnets,
            podAddresses: podAddresses, podPrefixAddresses: podPrefixAddresses,
            nodeSubnets: nodeSubnets, nodeAddresses: nodeSubnets.compactMap(\.usableAddresses).reduce(0, +),
            serviceCidr: env.cluster?.serviceCidr.flatMap(serviceCidr), notes: notes)
        facts.podCapacity = podCapacity(facts, karpenterPools: karpenterPools(env))
        return facts
    }

    /// Max pods for each instance type of a node group, in the environment's mode and in all four.
    public static func nodeGroup(_ group: NodeGroup, catalog: InstanceTypeCatalog, cni: CNIConfig?) -> NodeGroupCapacity {
        var result = NodeGroupCapacity(name: group.name, maxNodes: group.max)
        for name in group.instanceTypes {
            guard let info = catalog[name] else { result.unknownInstanceTypes.append(name); continue }
            result.maxPods.append(MaxPods.compute(info, cni: cni))
            result.allModes += MaxPods.allModes(info)
        }
        result.recommendedMaxPods = result.maxPods.map(\.recommended).min()
        if let nodes = group.max, let pods = result.recommendedMaxPods { result.podLimit = nodes * pods }
        return result
    }

    /// The size of a service CIDR; nil for text that is not an IPv4 CIDR (IPv6 clusters).
    public static func serviceCidr(_ text: String) -> ServiceCidrCapacity? {
        guard let network = IPv4Network(text) else { return nil }
        let total = Int(network.addressCount)
        let assignable = Swift.max(total - 2, 0)
        let kubernetesIP = IPv4Address(network.first.value &+ 1)
        let dnsIP = IPv4Address(network.first.value &+ 10)
        let summary = "\(grouped(total)) addresses (\(grouped(assignable)) assignable ClusterIPs; "
            + "\(kubernetesIP) is the kubernetes service)"
        return ServiceCidrCapacity(cidr: network.description, addresses: total, assignableClusterIPs: assignable,
                                   kubernetesServiceIP: kubernetesIP.description, dnsServiceIP: dnsIP.description,
                                   summary: summary)
    }

    /// `1234567` as `1,234,567`.
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return number < 0 ? "-" + out : out
    }

    /// The capacity of one subnet, from the model when it knows the subnet and its CIDR.
    static func capacity(of id: String, usedBy: [String], in env: Environment, prefixes: Bool) -> SubnetCapacity {
        let subnet = env.subnet(id)
        var result = SubnetCapacity(subnet: id, name: subnet?.name, az: subnet?.az, usedBy: usedBy)
        guard let text = subnet?.cidr, let network = IPv4Network(text) else { return result }
        result.cidr = network.description
        result.usableAddresses = Int(SubnetAddresses.usable(network))
        if prefixes {
            result.prefixBlocks = Int(SubnetPrefixes.wholeBlocks(network))
            result.prefixAddresses = Int(SubnetPrefixes.prefixAddresses(network))
        }
        return result
    }

    /// Karpenter NodePools as `name` or `name (limits: cpu 1000)`.
    static func karpenterPools(_ env: Environment) -> [String] {
        env.kubernetes.compactMap { object in
            guard let pool = object.nodePool else { return nil }
            let limits = pool.limits.keys.sorted().map { "\($0) \(pool.limits[$0] ?? "")" }
            return limits.isEmpty ? object.name : "\(object.name) (limits: \(limits.joined(separator: ", ")))"
        }
    }
}

/// Subnet ids in first-seen order with what uses each.
struct SubnetList {
    private(set) var ids: [String] = []
    private(set) var usedBy: [String: [String]] = [:]

    mutating func add(_ id: String, _ user: String) {
        if usedBy[id] == nil { ids.append(id) }
        if !(usedBy[id] ?? []).contains(user) { usedBy[id, default: []].append(user) }
    }
}
