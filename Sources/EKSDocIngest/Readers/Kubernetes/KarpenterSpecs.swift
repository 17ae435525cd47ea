import EKSDocModel

/// Karpenter NodePools (`karpenter.sh/v1`, `v1beta1`) and EC2NodeClasses (`karpenter.k8s.aws/v1`, `v1beta1`).
/// Requirements read `key Operator [values]`; selector terms read `tag KEY=VALUE`, `id ID`, `alias ALIAS` ...
extension KubernetesSpecs {
    /// AMI families implied by an `alias` (`al2023@latest` -> `AL2023`) when `amiFamily` is not written.
    static let aliasFamilies = [
        "al2": "AL2", "al2023": "AL2023", "bottlerocket": "Bottlerocket",
        "windows2019": "Windows2019", "windows2022": "Windows2022",
    ]

    static func nodePool(_ object: Fields, _ d: inout Diagnostics) -> NodePoolSpec? {
        guard let spec = object.fields("spec", &d) else { return nil }
        var pool = NodePoolSpec(limits: spec.stringMap("limits", &d),
                                consolidationPolicy: spec.fields("disruption", &d)?.string("consolidationPolicy", &d))
        guard let node = spec.fields(path: ["template", "spec"], &d) else { return pool }
        pool.nodeClass = node.fields("nodeClassRef", &d)?.string("name", &d)
        pool.requirements = node.itemFields("requirements", &d).compactMap { requirement in
            guard let key = requirement.mandatoryString("key", &d),
                  let op = requirement.mandatoryString("operator", &d) else { return nil }
            let values = requirement.strings("values", &d)
            return values.isEmpty ? "\(key) \(op)" : "\(key) \(op) [\(values.joined(separator: ", "))]"
        }
        pool.taints = node.itemFields("taints", &d).compactMap { taint in
            guard let key = taint.mandatoryString("key", &d), let effect = taint.mandatoryString("effect", &d)
            else { return nil }
            return Taint(key: key, value: taint.string("value", &d), effect: effect)
        }
        return pool
    }

    static func nodeClass(_ object: Fields, _ d: inout Diagnostics) -> NodeClassSpec? {
        guard let spec = object.fields("spec", &d) else { return nil }
        var nodeClass = NodeClassSpec(amiFamily: spec.string("amiFamily", &d), role: spec.string("role", &d))
        nodeClass.amiSelectors = selectorTerms(spec, "amiSelectorTerms", &d)
        nodeClass.subnetSelectors = selectorTerms(spec, "subnetSelectorTerms", &d)
        nodeClass.securityGroupSelectors = selectorTerms(spec, "securityGroupSelectorTerms", &d)
        if nodeClass.amiFamily == nil {
            let aliases = spec.itemFields("amiSelectorTerms", &d).compactMap { $0.node["alias"]?.text }
            let family = aliases.first?.split(separator: "@").first.map { String($0).lowercased() }
            nodeClass.amiFamily = family.flatMap { aliasFamilies[$0] }
        }
        return nodeClass
    }

    /// Each term in short form; the parts of one term (all must match) are joined with `, `.
    static func selectorTerms(_ spec: Fields, _ key: String, _ d: inout Diagnostics) -> [String] {
        spec.itemFields(key, &d).map { term in
            var parts: [String] = []
            for field in ["alias", "id", "name", "owner", "ssmParameter"] {
                if let value = term.string(field, &d) { parts.append("\(field) \(value)") }
            }
            let tags = term.stringMap("tags", &d)
            parts += tags.keys.sorted().map { "tag \($0)=\(tags[$0] ?? "")" }
            return parts.joined(separator: ", ")
        }
    }
}
