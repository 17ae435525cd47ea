import EKSDocModel

/// Turns Terraform input variables into declared model entities, by the variable names EKS projects use
/// (`cluster_name`, `cluster_version`, `vpc_id`, `vpc_cidr`, `node_groups`, ...; see `docs/inputs.md`).
/// Variables with other names stay inputs only.
public enum TerraformInputMapper {
    static let clusterNames = ["cluster_name", "eks_cluster_name"]
    static let versionNames = ["cluster_version", "kubernetes_version", "eks_version"]
    static let regionNames = ["region", "aws_region"]
    static let vpcIdNames = ["vpc_id"]
    static let vpcCidrNames = ["vpc_cidr", "vpc_cidr_block", "cidr_block"]
    static let clusterSubnetNames = ["k8s_subnets", "cluster_subnets", "cluster_subnet_ids", "control_plane_subnet_ids", "subnet_ids"]
    static let serviceCidrNames = ["service_ipv4_cidr", "cluster_service_ipv4_cidr", "service_cidr"]
    static let publicEndpointNames = ["cluster_endpoint_public_access", "endpoint_public_access"]
    static let privateEndpointNames = ["cluster_endpoint_private_access", "endpoint_private_access"]
    static let publicCidrNames = ["cluster_endpoint_public_access_cidrs", "public_access_cidrs"]
    static let logNames = ["cluster_enabled_log_types", "enabled_cluster_log_types", "cluster_log_types"]
    static let nodeGroupNames = ["node_groups", "eks_managed_node_groups", "managed_node_groups"]
    static let azNames = ["azs", "availability_zones"]

    /// Declared entities derived from the variables; `environment` supplies names for defaults.
    public static func declaredFragment(from variables: [TerraformVariable], file: String) -> Environment {
        var env = Environment(name: "")
        func variable(_ names: [String]) -> TerraformVariable? {
            for name in names { if let v = variables.first(where: { $0.name == name }), effective(v) != nil { return v } }
            return nil
        }
        func string(_ names: [String]) -> (String, SourceLocation)? {
            guard let v = variable(names), let s = effective(v)?.stringValue else { return nil }
            return (s, v.valueSource ?? v.source)
        }
        if let (region, _) = string(regionNames) { env.region = region }

        if let (name, location) = string(clusterNames) {
            var cluster = Cluster(name: name, source: location)
            cluster.version = string(versionNames)?.0
            cluster.region = env.region
            cluster.vpc = string(vpcIdNames)?.0
            if let v = variable(clusterSubnetNames), let ids = effective(v)?.stringList,
               ids.allSatisfy({ $0.hasPrefix("subnet-") }) {
                cluster.subnets = ids
            }
            cluster.serviceCidr = string(serviceCidrNames).flatMap { CIDR.normalize($0.0) }
            cluster.endpointPublic = variable(publicEndpointNames).flatMap { effective($0)?.boolValue }
            cluster.endpointPrivate = variable(privateEndpointNames).flatMap { effective($0)?.boolValue }
            cluster.publicAccessCidrs = variable(publicCidrNames).flatMap { effective($0)?.stringList }
            cluster.logging = variable(logNames).flatMap { effective($0)?.stringList }
            env.cluster = cluster

            if let v = variable(nodeGroupNames), let groups = effective(v)?.members {
                env.nodeGroups = groups.map { nodeGroup($0.key, $0.value, cluster: name, source: v.valueSource ?? v.source) }
            }
        }
        if let (cidr, location) = string(vpcCidrNames), let normalized = CIDR.normalize(cidr) {
            let id = string(vpcIdNames)?.0 ?? "declared:vpc"
            env.vpcs = [VPC(id: id, cidrs: [normalized], source: location)]
            env.subnets = declaredSubnets(variables, vpc: id)
        }
        if let version = string(["karpenter_helm_version", "karpenter_version"]) {
            env.karpenter = KarpenterSettings(version: version.0,
                                              amiSelector: string(["karpenter_ami_selector_terms", "karpenter_ami_alias"])?.0,
                                              source: version.1)
        }
        return env
    }

    /// Checks the values eksdoc computes with: every CIDR a variable named for one holds (`vpc_cidr`,
    /// `service_ipv4_cidr`, `*_subnets` lists, endpoint access CIDRs) must be a valid IPv4 block when it is
    /// written like one (has a `/` or starts with a digit). Subnet ids and expressions are left alone.
    public static func validate(_ variables: [TerraformVariable]) -> Diagnostics {
        var diagnostics = Diagnostics()
        let single = Set(vpcCidrNames + serviceCidrNames)
        let lists = Set(publicCidrNames + ["public", "private", "intra", "database", "pod"].flatMap { ["\($0)_subnets", "\($0)_subnet_cidrs"] })
        for variable in variables where single.contains(variable.name) || lists.contains(variable.name) {
            guard let value = effective(variable) else { continue }
            let items: [Value] = single.contains(variable.name) ? [value] : (value.listValue ?? [value])
            for item in items {
                // Subnet lists may hold subnet ids (`pod_subnets = ["subnet-..."]`); only CIDR-shaped text is checked.
                guard case .string(let text) = item, text.contains("/") || text.first?.isNumber == true,
                      CIDR.normalize(text) == nil else { continue }
                diagnostics.error("variable '\(variable.name)': '\(text)' is not a valid IPv4 CIDR block",
                                  at: variable.valueSource ?? variable.source)
            }
        }
        return diagnostics
    }

    /// The value in force: the tfvars value, else the declared default.
    static func effective(_ variable: TerraformVariable) -> Value? {
        if let value = variable.value, value != .null { return value }
        if let value = variable.defaultValue, value != .null { return value }
        return nil
    }

    static func nodeGroup(_ name: String, _ value: Value, cluster: String, source: SourceLocation) -> NodeGroup {
        var group = NodeGroup(name: name, cluster: cluster, managed: true, source: source)
        group.instanceTypes = value["instance_types"]?.stringList ?? value["instance_type"]?.stringValue.map { [$0] } ?? []
        group.min = value["min_size"]?.intValue
        group.max = value["max_size"]?.intValue
        group.desired = value["desired_size"]?.intValue ?? value["desired_capacity"]?.intValue
        group.diskSize = value["disk_size"]?.intValue
        group.capacityType = value["capacity_type"]?.stringValue
        group.amiType = value["ami_type"]?.stringValue
        group.subnets = value["subnet_ids"]?.stringList ?? []
        if let labels = value["labels"]?.members {
            group.labels = Dictionary(labels.compactMap { m in m.value.stringValue.map { (m.key, $0) } }, uniquingKeysWith: { $1 })
        }
        group.taints = (value["taints"]?.listValue ?? value["taints"]?.members?.map(\.value) ?? []).compactMap { taint in
            guard let key = taint["key"]?.stringValue, let effect = taint["effect"]?.stringValue else { return nil }
            return Taint(key: key, value: taint["value"]?.stringValue, effect: effect)
        }
        return group
    }

    /// Subnets declared as CIDR lists (`public_subnets`, `private_subnets`, ...) with `azs` giving their zones.
    static func declaredSubnets(_ variables: [TerraformVariable], vpc: String) -> [Subnet] {
        let azs = azNames.lazy.compactMap { name in variables.first { $0.name == name }.flatMap(effective)?.stringList }.first ?? []
        var result: [Subnet] = []
        for tier in ["public", "private", "intra", "database", "pod"] {
            guard let v = variables.first(where: { $0.name == "\(tier)_subnets" || $0.name == "\(tier)_subnet_cidrs" }),
                  let values = effective(v)?.stringList else { continue }
            for (index, text) in values.enumerated() {
                guard let cidr = CIDR.normalize(text) else { continue }
                result.append(Subnet(id: "declared:\(cidr)", vpc: vpc, cidr: cidr,
                                     az: index < azs.count ? azs[index] : nil,
                                     tags: ["eksdoc:tier": tier], source: v.valueSource ?? v.source))
            }
        }
        return result
    }
}
