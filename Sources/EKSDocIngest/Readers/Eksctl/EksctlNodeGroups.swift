import EKSDocModel

/// `nodeGroups` (self-managed) and `managedNodeGroups` of a ClusterConfig.
enum EksctlNodeGroups {
    static let effects: Set<String> = ["NoSchedule", "PreferNoSchedule", "NoExecute"]

    static func read(_ config: Fields, cluster: String, network: EksctlNetwork, _ d: inout Diagnostics) -> [NodeGroup] {
        var groups: [NodeGroup] = []
        for (key, managed) in [("nodeGroups", false), ("managedNodeGroups", true)] {
            for item in config.itemFields(key, &d) {
                guard let name = item.mandatoryString("name", &d) else { continue }
                let f = Fields(item.node, context: "\(config.context) \(key) \(name)")
                groups.append(nodeGroup(f, name: name, cluster: cluster, managed: managed, network: network, &d))
            }
        }
        return groups
    }

    static func nodeGroup(_ f: Fields, name: String, cluster: String, managed: Bool, network: EksctlNetwork,
                          _ d: inout Diagnostics) -> NodeGroup {
        var group = NodeGroup(name: name, cluster: cluster, managed: managed, source: f.node.location)
        let mixed = f.fields("instancesDistribution", &d)?.strings("instanceTypes", &d) ?? []
        group.instanceTypes = (f.string("instanceType", &d).map { [$0] } ?? []) + f.strings("instanceTypes", &d) + mixed
        group.min = f.int("minSize", &d)
        group.max = f.int("maxSize", &d)
        group.desired = f.int("desiredCapacity", &d)
        group.diskSize = f.int("volumeSize", &d)
        group.amiType = f.string("amiFamily", &d)
        if f.bool("spot", &d) == true { group.capacityType = "SPOT" }
        group.labels = f.stringMap("labels", &d)
        group.taints = taints(f, &d)
        group.nodeRole = f.fields("iam", &d)?.string("instanceRoleARN", &d)
        group.subnets = network.subnets(names: f.strings("subnets", &d), zones: f.strings("availabilityZones", &d),
                                        privateNetworking: f.bool("privateNetworking", &d) ?? false)
        return group
    }

    /// Taints as a list of `{key, value, effect}` (managed groups) or a map `key: "value:Effect"`.
    static func taints(_ f: Fields, _ d: inout Diagnostics) -> [Taint] {
        guard let node = f.node["taints"], !node.isNull else { return [] }
        if node.isList {
            return f.itemFields("taints", &d).compactMap { taint in
                guard let key = taint.mandatoryString("key", &d),
                      let effect = taint.mandatoryString("effect", &d) else { return nil }
                return Taint(key: key, value: taint.string("value", &d), effect: effect)
            }
        }
        guard let map = f.map("taints", &d) else { return [] }
        return map.pairs.compactMap { key, value in
            guard let text = value.text else {
                d.error("\(f.context): taint '\(key)' must be a string, found \(value.kindName)", at: value.location)
                return nil
            }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard let effect = parts.last.map(String.init), effects.contains(effect) else {
                d.error("\(f.context): taint '\(key)' must be written VALUE:EFFECT (effect NoSchedule, PreferNoSchedule or NoExecute)",
                        at: value.location)
                return nil
            }
            let taintValue = parts.dropLast().joined(separator: ":")
            return Taint(key: key, value: taintValue.isEmpty ? nil : taintValue, effect: effect)
        }
    }
}
