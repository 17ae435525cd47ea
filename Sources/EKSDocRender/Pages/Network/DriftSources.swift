import EKSDocModel

/// Which input files of an environment were declared configuration and which were live records, as far as the
/// merged model tells.
///
/// The model keeps the live entity's source whenever a live record exists, so the files behind the merged AWS
/// resources are live; the files of Terraform variables, Kubernetes objects, Karpenter settings and the declared
/// side of drift items are declared (objects from `kubectl get -o json` are counted as declared too: the model does
/// not keep their origin). Files that neither rule places added nothing that could be compared: empty snapshot
/// lists, or a declaration whose every value matched and whose entity kept the live record's source.
struct DriftSources {
    var declared: [String]
    var live: [String]
    /// Inputs that contributed nothing comparable.
    var other: [String]

    init(_ env: Environment) {
        var live = Set<String>()
        func add(_ locations: [SourceLocation]) { for l in locations where !l.file.hasPrefix("(") { live.insert(l.file) } }
        add(env.vpcs.map(\.source)); add(env.subnets.map(\.source)); add(env.routeTables.map(\.source))
        add(env.internetGateways.map(\.source)); add(env.natGateways.map(\.source)); add(env.networkAcls.map(\.source))
        add(env.vpcEndpoints.map(\.source)); add(env.securityGroups.map(\.source)); add(env.instances.map(\.source))
        add(env.loadBalancers.map(\.source)); add(env.targetGroups.map(\.source)); add(env.nodeGroups.map(\.source))
        add(env.addons.map(\.source)); add(env.cluster.map { [$0.source] } ?? [])
        add(env.drift.map(\.liveAt))

        var declared = Set<String>()
        let terraform = env.terraform.map(\.source) + env.terraform.compactMap(\.valueSource)
        for location in terraform + env.kubernetes.map(\.source) + env.drift.map(\.declaredAt) {
            declared.insert(location.file)
        }
        if let karpenter = env.karpenter { declared.insert(karpenter.source.file) }
        // A resource whose only record is a declared file is not live evidence.
        live.subtract(declared)
        self.declared = declared.filter { !$0.isEmpty && !$0.hasPrefix("(") }.sorted()
        self.live = live.filter { !$0.isEmpty }.sorted()
        self.other = Set(env.sources).subtracting(live).subtracting(declared).sorted()
    }
}
