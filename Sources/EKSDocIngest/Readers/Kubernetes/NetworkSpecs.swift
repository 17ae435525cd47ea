import EKSDocModel

/// NetworkPolicies and the VPC CNI's ENIConfigs (custom networking, aws-facts §3).
extension KubernetesSpecs {
    /// Reads a NetworkPolicy. Without `policyTypes`, the Kubernetes default applies: `Ingress`, plus `Egress`
    /// when egress rules are present.
    static func networkPolicy(_ object: Fields, _ d: inout Diagnostics) -> NetworkPolicySpec? {
        guard let spec = object.fields("spec", &d) else { return nil }
        var policy = NetworkPolicySpec(podSelector: spec.fields("podSelector", &d)?.stringMap("matchLabels", &d) ?? [:],
                                       policyTypes: spec.strings("policyTypes", &d),
                                       ingressRules: spec.list("ingress", &d).count,
                                       egressRules: spec.list("egress", &d).count)
        if spec.node["policyTypes"] == nil {
            policy.policyTypes = ["Ingress"] + (policy.egressRules > 0 ? ["Egress"] : [])
        }
        return policy
    }

    /// Reads an ENIConfig (`crd.k8s.amazonaws.com/v1alpha1`): the pod subnet and its security groups.
    static func eniConfig(_ object: Fields, _ d: inout Diagnostics) -> ENIConfigSpec? {
        guard let spec = object.fields("spec", &d) else { return nil }
        return ENIConfigSpec(subnet: spec.string("subnet", &d), securityGroups: spec.strings("securityGroups", &d))
    }
}
