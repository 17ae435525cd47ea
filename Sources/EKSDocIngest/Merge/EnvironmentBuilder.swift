import EKSDocModel

/// Builds one environment from the fragments of its files: merges entities, derives declared entities from
/// Terraform inputs, records drift and checks references between ids.
public enum EnvironmentBuilder {
    public static func build(name: String, region: String?, fragments unsorted: [Fragment],
                             diagnostics: inout Diagnostics) -> Environment {
        var fragments = unsorted.sorted { ($0.file, $0.origin.rawValue) < ($1.file, $1.origin.rawValue) }
        var env = Environment(name: name, region: region)
        env.sources = Array(Set(fragments.map(\.file))).sorted()

        env.terraform = mergeVariables(fragments.flatMap(\.environment.terraform))
        if !env.terraform.isEmpty {
            diagnostics.append(contentsOf: TerraformInputMapper.validate(env.terraform))
            let file = env.terraform.first?.source.file ?? ""
            fragments.append(Fragment(file: file, origin: .declared,
                                      environment: TerraformInputMapper.declaredFragment(from: env.terraform, file: file)))
        }
        env.region = region ?? fragments.lazy.compactMap(\.environment.region).first

        var drift: [DriftItem] = []
        func merged<T: Mergeable>(_ path: KeyPath<Environment, [T]>) -> [T] {
            mergeAll(fragments, path, drift: &drift, diagnostics: &diagnostics)
        }
        env.vpcs = merged(\.vpcs)
        env.subnets = merged(\.subnets)
        env.routeTables = merged(\.routeTables)
        env.internetGateways = merged(\.internetGateways)
        env.natGateways = merged(\.natGateways)
        env.networkAcls = merged(\.networkAcls)
        env.vpcEndpoints = merged(\.vpcEndpoints)
        env.securityGroups = merged(\.securityGroups).map(withoutDuplicateRules)
        env.instances = merged(\.instances)
        env.instanceTypes = merged(\.instanceTypes)
        env.loadBalancers = merged(\.loadBalancers)
        env.targetGroups = merged(\.targetGroups)
        env.routeTables = env.routeTables.map { sortedRoutes(withLocalRoutes($0, vpcs: env.vpcs)) }
        env.nodeGroups = merged(\.nodeGroups)
        env.addons = merged(\.addons)
        env.identities = merged(\.identities)
        env.kubernetes = merged(\.kubernetes)

        let clusters = EntityMerge.merge(fragments.compactMap { f in f.environment.cluster.map { Contribution(origin: f.origin, file: f.file, entity: $0) } },
                                         drift: &drift, diagnostics: &diagnostics)
        env.cluster = chooseCluster(clusters, diagnostics: &diagnostics)
        if env.region == nil { env.region = env.cluster?.region }
        env.cni = mergeCNI(fragments, drift: &drift)
        env.karpenter = fragments.compactMap(\.environment.karpenter).reduce(nil) { acc, next in
            guard var acc else { return next }
            if acc.version == nil { acc.version = next.version }
            if acc.amiSelector == nil { acc.amiSelector = next.amiSelector }
            return acc
        }
        env.drift = drift.sorted()
        ReferenceCheck.check(env, diagnostics: &diagnostics)
        return env.withholdingSecrets()
    }

    static func mergeAll<T: Mergeable>(_ fragments: [Fragment], _ path: KeyPath<Environment, [T]>,
                                       drift: inout [DriftItem], diagnostics: inout Diagnostics) -> [T] {
        var contributions: [Contribution<T>] = []
        for fragment in fragments {
            let entities: [T] = fragment.environment[keyPath: path]
            for entity in entities {
                contributions.append(Contribution(origin: fragment.origin, file: fragment.file, entity: entity))
            }
        }
        return EntityMerge.merge(contributions, drift: &drift, diagnostics: &diagnostics)
    }

    /// Every route table has a `local` route for each CIDR of its VPC (reference/aws-facts.md §4); Terraform
    /// state does not record them, so they are added where missing, located at the table.
    static func withLocalRoutes(_ table: RouteTable, vpcs: [VPC]) -> RouteTable {
        guard let vpc = vpcs.first(where: { $0.id == table.vpc }) else { return table }
        var t = table
        let present = Set(t.routes.map(\.destination))
        for cidr in vpc.cidrs + vpc.ipv6Cidrs where !present.contains(cidr) {
            t.routes.append(Route(destination: cidr, target: "local", source: table.source))
        }
        return t
    }

    /// Terraform state can hold a rule twice (inline on the group and as a rule resource); one copy is kept.
    static func withoutDuplicateRules(_ group: SecurityGroup) -> SecurityGroup {
        func unique(_ rules: [SecurityGroupRule]) -> [SecurityGroupRule] {
            var seen = Set<String>()
            return rules.filter { seen.insert("\($0.protocol)|\($0.fromPort ?? -1)|\($0.toPort ?? -1)|\($0.peer)").inserted }
        }
        var g = group
        g.ingress = unique(group.ingress)
        g.egress = unique(group.egress)
        return g
    }

    static func sortedRoutes(_ table: RouteTable) -> RouteTable {
        var t = table
        t.routes.sort { $0.destination < $1.destination }
        t.subnets.sort()
        return t
    }

    static func chooseCluster(_ clusters: [Cluster], diagnostics: inout Diagnostics) -> Cluster? {
        guard let first = clusters.first else { return nil }
        for other in clusters.dropFirst() {
            diagnostics.warning("environment describes more than one cluster; '\(other.name)' is ignored in favour of '\(first.name)'",
                                at: other.source)
        }
        return first
    }

    /// VPC CNI settings: live settings win key by key; each declared value that differs is drift.
    static func mergeCNI(_ fragments: [Fragment], drift: inout [DriftItem]) -> CNIConfig? {
        func union(_ origin: Origin) -> CNIConfig? {
            fragments.filter { $0.origin == origin }.compactMap(\.environment.cni).reduce(nil) { acc, next in
                guard var acc else { return next }
                acc.settings.merge(next.settings) { _, new in new }
                return acc
            }
        }
        let live = union(.live), declared = union(.declared)
        guard var result = live else { return declared }
        if let declared {
            for (key, value) in declared.settings.sorted(by: { $0.key < $1.key }) {
                if let liveValue = result.settings[key], liveValue != value {
                    drift.append(DriftItem(entity: "vpc-cni aws-node", field: key, declared: value, declaredAt: declared.source,
                                           live: liveValue, liveAt: result.source))
                } else if result.settings[key] == nil {
                    result.settings[key] = value
                }
            }
        }
        return result
    }

    /// Declarations (`variable` blocks) and values (tfvars) joined by name; a later file's value wins.
    static func mergeVariables(_ variables: [TerraformVariable]) -> [TerraformVariable] {
        var byName: [String: TerraformVariable] = [:]
        for v in variables {
            guard var existing = byName[v.name] else { byName[v.name] = v; continue }
            if v.value != nil { existing.value = v.value; existing.valueSource = v.valueSource }
            if v.type != nil || v.description != nil || v.defaultValue != nil || v.sensitive != nil {
                existing.type = v.type ?? existing.type
                existing.defaultValue = v.defaultValue ?? existing.defaultValue
                existing.description = v.description ?? existing.description
                existing.sensitive = v.sensitive ?? existing.sensitive
                existing.source = v.source
            }
            byName[v.name] = existing
        }
        return byName.values.map { v in
            var v = v
            if v.sensitive == true, let value = v.value, value != .null { v.value = .withheld }
            return v
        }.sorted { $0.name < $1.name }
    }
}
