import EKSDocModel

/// The facts about an environment that several kinds of flow need: which subnets hold pods and nodes, which
/// security groups they carry, and the VPC CNI settings that change the path (reference/aws-facts.md §3).
struct FlowContext {
    let env: Environment
    /// The cluster's VPC (the only VPC when the cluster does not name one).
    let vpc: VPC?
    /// `AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true` with at least one ENIConfig naming a subnet.
    let customNetworking: Bool
    /// `AWS_VPC_K8S_CNI_EXTERNALSNAT=true`: pod traffic leaving the VPC keeps the pod IP.
    let externalSNAT: Bool
    /// Subnets whose addresses pods get: ENIConfig subnets with custom networking, else node subnets. Sorted by id.
    let podSubnets: [Subnet]
    /// Subnets of the node groups (the cluster's subnets when there are no node groups). Sorted by id.
    let nodeSubnets: [Subnet]
    /// The security groups the nodes' primary ENIs carry, and where that was learnt.
    let nodeGroups: [String]
    let nodeGroupsOrigin: String
    /// The cluster security group and the additional control-plane groups.
    let controlPlaneGroups: [String]

    init(_ env: Environment) {
        self.env = env
        let vpcID = env.cluster?.vpc ?? (env.vpcs.count == 1 ? env.vpcs[0].id : nil)
        vpc = vpcID.flatMap(env.vpc)
        let eniSubnets = Set(FlowContext.eniConfigs(env).compactMap(\.eniConfig?.subnet))
        customNetworking = env.cni?.isEnabled("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG") == true && !eniSubnets.isEmpty
        externalSNAT = env.cni?.isEnabled("AWS_VPC_K8S_CNI_EXTERNALSNAT") == true
        var nodeIDs = Set(env.nodeGroups.flatMap(\.subnets))
        if nodeIDs.isEmpty { nodeIDs = Set(env.cluster?.subnets ?? []) }
        nodeSubnets = nodeIDs.sorted().compactMap(env.subnet)
        podSubnets = customNetworking ? eniSubnets.sorted().compactMap(env.subnet) : nodeSubnets
        var planes = env.cluster?.clusterSecurityGroup.map { [$0] } ?? []
        planes += (env.cluster?.securityGroups ?? []).filter { !planes.contains($0) }
        controlPlaneGroups = planes
        let nodes = FlowContext.nodeInstances(env)
        if !nodes.isEmpty {
            nodeGroups = Array(Set(nodes.flatMap(\.securityGroups))).sorted()
            nodeGroupsOrigin = "the node instances " + nodes.map(\.id).joined(separator: ", ")
        } else if let clusterGroup = env.cluster?.clusterSecurityGroup {
            nodeGroups = [clusterGroup]
            nodeGroupsOrigin = "the cluster security group (EKS attaches it to managed nodes without a launch template)"
        } else {
            nodeGroups = []
            nodeGroupsOrigin = "nothing in the inputs"
        }
    }

    /// ENIConfig objects, sorted by name.
    static func eniConfigs(_ env: Environment) -> [KubernetesObject] {
        env.kubernetes.filter { $0.eniConfig != nil }.sorted { $0.name < $1.name }
    }

    /// Instances that are cluster nodes: tagged with the cluster or a node group, never routing appliances.
    static func nodeInstances(_ env: Environment) -> [Instance] {
        let cluster = env.cluster?.name
        let groups = Set(env.nodeGroups.map(\.name))
        return env.instances.filter { instance in
            guard instance.sourceDestCheck != false else { return false }
            let tags = instance.tags
            if let group = tags["eks:nodegroup-name"], groups.contains(group) { return true }
            guard let cluster else { return false }
            return tags["eks:cluster-name"] == cluster || tags["aws:eks:cluster-name"] == cluster
                || tags["kubernetes.io/cluster/\(cluster)"] != nil
        }.sorted { $0.id < $1.id }
    }

    /// The VPC's IPv4 CIDRs (primary first).
    var vpcCIDRs: [String] { vpc?.cidrs ?? [] }

    /// The ENIConfig that gives pods addresses in a subnet.
    func eniConfig(for subnet: String) -> KubernetesObject? {
        FlowContext.eniConfigs(env).first { $0.eniConfig?.subnet == subnet }
    }

    /// The groups of pods in a subnet: the ENIConfig's with custom networking (the node's when it names none),
    /// else the node groups.
    func podGroups(in subnet: String) -> [String] {
        guard customNetworking, let groups = eniConfig(for: subnet)?.eniConfig?.securityGroups, !groups.isEmpty else {
            return nodeGroups
        }
        return groups.sorted()
    }

    /// How pods in a subnet get their addresses, for a hop's text.
    func podOrigin(_ subnet: Subnet) -> String {
        let block = subnet.cidr.map { " \($0)" } ?? ""
        if customNetworking, let config = eniConfig(for: subnet.id) {
            return "pod IPs from \(subnet.id)\(block) (ENIConfig \(config.name), custom networking)"
        }
        return "pod IPs from \(subnet.id)\(block) (secondary IPs of the node's ENIs)"
    }

    /// The node subnet in the same AZ as a pod subnet (the pod subnet itself without custom networking).
    func nodeSubnet(for podSubnet: Subnet) -> Subnet? {
        if nodeSubnets.contains(where: { $0.id == podSubnet.id }) { return podSubnet }
        return nodeSubnets.first { $0.az != nil && $0.az == podSubnet.az }
    }

    /// The peer that stands for pods in a subnet.
    func podPeer(_ subnet: Subnet) -> RulePeer { RulePeer(address: subnet.cidr, groups: podGroups(in: subnet.id)) }

    /// The peer that stands for nodes in a subnet.
    func nodePeer(_ subnet: Subnet) -> RulePeer { RulePeer(address: subnet.cidr, groups: nodeGroups) }

    /// Peers for the control plane's ENIs: one per cluster subnet, else the groups alone.
    var controlPlanePeers: [RulePeer] {
        let subnets = (env.cluster?.subnets ?? []).sorted().compactMap(env.subnet)
        if subnets.isEmpty { return [RulePeer(groups: controlPlaneGroups)] }
        return subnets.map { RulePeer(address: $0.cidr, groups: controlPlaneGroups) }
    }

    /// `subnet-1, subnet-2` for a list of subnets.
    static func ids(_ subnets: [Subnet]) -> String { subnets.map(\.id).joined(separator: ", ") }

    /// The hop kind for a route target.
    static func kind(of target: RouteTargetKind) -> String {
        switch target {
        case .local: "vpc"
        case .unknown: "routeTarget"
        default: target.rawValue
        }
    }

    /// `route 0.0.0.0/0 -> igw-1 in rtb-1` (with `(main table)` for an implicit association).
    static func routeText(_ route: Route, _ table: RouteTable, explicit: Bool = true) -> String {
        let blackhole = Routing.isActive(route) ? "" : " (blackhole)"
        return "route \(route.destination) -> \(route.target) in \(table.id)\(explicit ? "" : " (main table)")\(blackhole)"
    }
}
