/// EKS capacity of one environment: max pods per node, pod and node addresses, pod capacity and the service CIDR
/// (issue 3 item 5; reference/aws-facts.md §1-§3). Computed by `CapacityAnalysis.analyze`.
public struct CapacityFacts: Codable, Equatable, Sendable {
    /// The CNI mode the environment's `aws-node` settings select.
    public var mode: MaxPodsMode
    /// Max pods and the node-count limit of each node group, in model order.
    public var nodeGroups: [NodeGroupCapacity]
    /// Where the pod subnets come from: `eniConfig` (custom networking) or `nodeGroups`.
    public var podSubnetSource: String
    /// The subnets pods take addresses from.
    public var podSubnets: [SubnetCapacity]
    /// Usable addresses over the pod subnets (2^(32-prefix) - 5 each).
    public var podAddresses: Int
    /// With prefix delegation: addresses in whole free /28 blocks over the pod subnets; nil without it.
    public var podPrefixAddresses: Int?
    /// How many pods the cluster can run; nil when neither limit is known.
    public var podCapacity: PodCapacity?
    /// The subnets nodes take their primary addresses from: node-group subnets, then Karpenter EC2NodeClass ones.
    public var nodeSubnets: [SubnetCapacity]
    /// Usable addresses over the node subnets.
    public var nodeAddresses: Int
    /// The Kubernetes service CIDR's size; nil when the cluster has no IPv4 service CIDR.
    public var serviceCidr: ServiceCidrCapacity?
    /// Caveats: unresolved subnets, Karpenter selectors that could not be matched, node groups without a maximum.
    public var notes: [String]

    public init(mode: MaxPodsMode, nodeGroups: [NodeGroupCapacity] = [], podSubnetSource: String,
                podSubnets: [SubnetCapacity] = [], podAddresses: Int = 0, podPrefixAddresses: Int? = nil,
                podCapacity: PodCapacity? = nil, nodeSubnets: [SubnetCapacity] = [], nodeAddresses: Int = 0,
                serviceCidr: ServiceCidrCapacity? = nil, notes: [String] = []) {
        self.mode = mode; self.nodeGroups = nodeGroups; self.podSubnetSource = podSubnetSource
        self.podSubnets = podSubnets; self.podAddresses = podAddresses; self.podPrefixAddresses = podPrefixAddresses
        self.podCapacity = podCapacity; self.nodeSubnets = nodeSubnets; self.nodeAddresses = nodeAddresses
        self.serviceCidr = serviceCidr; self.notes = notes
    }
}

/// Max pods for one node group's instance types under the environment's CNI settings.
public struct NodeGroupCapacity: Codable, Equatable, Sendable {
    public var name: String
    /// `NodeGroup.max`: the most nodes the group scales to.
    public var maxNodes: Int?
    /// One entry per known instance type, in the node group's order, in the environment's mode.
    public var maxPods: [MaxPods]
    /// Each known type in all four modes (`MaxPods.allModes`), type by type, for display.
    public var allModes: [MaxPods]
    /// Instance types neither the built-in table nor a snapshot knows.
    public var unknownInstanceTypes: [String]
    /// The smallest recommended max pods over the known types: what every node of the group can run.
    public var recommendedMaxPods: Int?
    /// `maxNodes x recommendedMaxPods`; nil when either is unknown.
    public var podLimit: Int?

    public init(name: String, maxNodes: Int? = nil, maxPods: [MaxPods] = [], allModes: [MaxPods] = [],
                unknownInstanceTypes: [String] = [], recommendedMaxPods: Int? = nil, podLimit: Int? = nil) {
        self.name = name; self.maxNodes = maxNodes; self.maxPods = maxPods; self.allModes = allModes
        self.unknownInstanceTypes = unknownInstanceTypes; self.recommendedMaxPods = recommendedMaxPods
        self.podLimit = podLimit
    }

    /// Recommended max pods by instance type (`maxPods` of `eksdoc model --json`).
    public var recommendedByType: [String: Int] {
        Dictionary(maxPods.map { ($0.instanceType, $0.recommended) }, uniquingKeysWith: { first, _ in first })
    }

    /// Uncapped formula result by instance type (`maxPodsByFormula` of `eksdoc model --json`).
    public var byFormulaByType: [String: Int] {
        Dictionary(maxPods.map { ($0.instanceType, $0.byFormula) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Address capacity of one pod or node subnet.
public struct SubnetCapacity: Codable, Equatable, Sendable {
    public var subnet: String
    public var name: String?
    public var az: String?
    /// The normalised IPv4 CIDR; nil when the subnet or its CIDR is not in the model.
    public var cidr: String?
    /// 2^(32-prefix) - 5 (AWS reserves five addresses per subnet); nil without a CIDR.
    public var usableAddresses: Int?
    /// Pod subnets with prefix delegation: whole /28 blocks free of reserved addresses (`SubnetPrefixes`).
    public var prefixBlocks: Int?
    /// `prefixBlocks x 16`.
    public var prefixAddresses: Int?
    /// What puts pods or nodes there: `ENIConfig us-west-2a`, `node group eks_leadertools`, `EC2NodeClass default`.
    public var usedBy: [String]

    public init(subnet: String, name: String? = nil, az: String? = nil, cidr: String? = nil,
                usableAddresses: Int? = nil, prefixBlocks: Int? = nil, prefixAddresses: Int? = nil,
                usedBy: [String] = []) {
        self.subnet = subnet; self.name = name; self.az = az; self.cidr = cidr
        self.usableAddresses = usableAddresses; self.prefixBlocks = prefixBlocks
        self.prefixAddresses = prefixAddresses; self.usedBy = usedBy
    }
}

/// The cluster's pod capacity: the smaller of what the pod subnets' addresses allow and what the nodes can run.
public struct PodCapacity: Codable, Equatable, Sendable {
    /// Pod subnets' usable addresses, or their whole /28 blocks x 16 with prefix delegation; nil when unknown.
    public var addressLimit: Int?
    /// Sum over node groups of max nodes x the smallest recommended max pods; nil when a group lacks either.
    public var nodeLimit: Int?
    /// The smaller known limit.
    public var value: Int
    /// `addresses` or `nodes`: which limit gives `value` (`addresses` on a tie).
    public var limitedBy: String
    /// How both limits were computed and which one binds, in a sentence or three.
    public var explanation: String

    public init(addressLimit: Int?, nodeLimit: Int?, value: Int, limitedBy: String, explanation: String) {
        self.addressLimit = addressLimit; self.nodeLimit = nodeLimit; self.value = value
        self.limitedBy = limitedBy; self.explanation = explanation
    }
}

/// The size of the Kubernetes service CIDR (ClusterIP range).
///
/// Kubernetes never assigns the range's network address or, for IPv4, its broadcast address, so a /16 has 65,536
/// addresses and 65,534 assignable ClusterIPs. The first assignable one (`.1`) always goes to the `kubernetes`
/// API service in `default`; on EKS CoreDNS (`kube-dns`) takes the tenth address (`.10`).
public struct ServiceCidrCapacity: Codable, Equatable, Sendable {
    public var cidr: String
    /// 2^(32-prefix).
    public var addresses: Int
    /// Addresses minus the network and broadcast addresses.
    public var assignableClusterIPs: Int
    /// The first assignable address, taken by the `kubernetes` service.
    public var kubernetesServiceIP: String
    /// The tenth address, which EKS gives to `kube-dns`.
    public var dnsServiceIP: String
    /// Such as `65,536 addresses (65,534 assignable ClusterIPs; 172.20.0.1 is the kubernetes service)`.
    public var summary: String

    public init(cidr: String, addresses: Int, assignableClusterIPs: Int, kubernetesServiceIP: String,
                dnsServiceIP: String, summary: String) {
        self.cidr = cidr; self.addresses = addresses; self.assignableClusterIPs = assignableClusterIPs
        self.kubernetesServiceIP = kubernetesServiceIP; self.dnsServiceIP = dnsServiceIP; self.summary = summary
    }
}
