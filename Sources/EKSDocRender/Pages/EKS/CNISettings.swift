import EKSDocModel

/// The VPC CNI settings the CNI page explains (reference/aws-facts.md §3, from the amazon-vpc-cni-k8s README).
struct CNISetting {
    var name: String
    /// What applies when the setting is absent, as shown to the reader.
    var whenUnset: String
    var meaning: String

    static let customNetworking = "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"
    static let labelDef = "ENI_CONFIG_LABEL_DEF"
    static let prefixDelegation = "ENABLE_PREFIX_DELEGATION"
    static let warmPrefix = "WARM_PREFIX_TARGET"
    static let warmIP = "WARM_IP_TARGET"
    static let minimumIP = "MINIMUM_IP_TARGET"
    static let warmENI = "WARM_ENI_TARGET"
    static let externalSNAT = "AWS_VPC_K8S_CNI_EXTERNALSNAT"
    static let podENI = "ENABLE_POD_ENI"
    static let podSGMode = "POD_SECURITY_GROUP_ENFORCING_MODE"
    /// The label value that selects one ENIConfig per availability zone.
    static let zoneLabel = "topology.kubernetes.io/zone"

    static let known: [CNISetting] = [
        CNISetting(name: customNetworking, whenUnset: "`false`",
                   meaning: "Custom networking: secondary ENIs, and so the pods, use the subnet and security groups of "
                       + "the node's ENIConfig, which must be in the node's zone; the primary ENI carries no pods."),
        CNISetting(name: labelDef, whenUnset: "`k8s.amazonaws.com/eniConfig`",
                   meaning: "The node label whose value names the node's ENIConfig. `topology.kubernetes.io/zone` "
                       + "means one ENIConfig per availability zone, named after the zone."),
        CNISetting(name: prefixDelegation, whenUnset: "`false`",
                   meaning: "Prefix delegation: each secondary slot of an ENI holds a /28 prefix (16 addresses) "
                       + "instead of one address. Nitro instance types only."),
        CNISetting(name: warmPrefix, whenUnset: "not set",
                   meaning: "Free /28 prefixes each node keeps attached for new pods. Only with prefix delegation; "
                       + "`WARM_IP_TARGET` or `MINIMUM_IP_TARGET` override it."),
        CNISetting(name: warmIP, whenUnset: "not set",
                   meaning: "Free addresses each node keeps ready; when set it overrides `WARM_ENI_TARGET`."),
        CNISetting(name: minimumIP, whenUnset: "not set",
                   meaning: "The fewest addresses each node holds, in use or not."),
        CNISetting(name: warmENI, whenUnset: "`1`",
                   meaning: "Whole free ENIs (with all their addresses) each node keeps attached, unless "
                       + "`WARM_IP_TARGET` is set."),
        CNISetting(name: externalSNAT, whenUnset: "`false`",
                   meaning: "`false`: pod traffic to addresses outside the VPC is translated to the node's primary "
                       + "address. `true`: it keeps the pod address and an external NAT (NAT gateway, appliance) "
                       + "translates it."),
        CNISetting(name: podENI, whenUnset: "`false`",
                   meaning: "Security groups for pods: pods can get branch ENIs with their own security groups."),
        CNISetting(name: podSGMode, whenUnset: "`strict`",
                   meaning: "With security groups for pods: `strict` enforces only the pod's groups; `standard` "
                       + "applies the node's groups as well and keeps the node's source NAT for the pod."),
    ]

    /// What the setting means in this environment, given all settings; nil when there is nothing to add.
    static func effect(_ name: String, _ settings: [String: String]) -> String? {
        func on(_ key: String) -> Bool { settings[key]?.lowercased() == "true" }
        let value = settings[name]
        switch name {
        case customNetworking:
            return on(name) ? "on: pods take addresses from the ENIConfig subnets"
                : "off: pods take addresses from their node's subnet"
        case labelDef:
            guard on(customNetworking) else { return "no effect without custom networking" }
            return (value ?? "k8s.amazonaws.com/eniConfig") == zoneLabel
                ? "each node uses the ENIConfig named after its zone" : "each node uses the ENIConfig its label names"
        case prefixDelegation:
            return on(name) ? "on: addresses are handed out in /28 blocks" : "off: one address per secondary slot"
        case warmPrefix:
            guard value != nil else { return nil }
            if !on(prefixDelegation) { return "no effect without prefix delegation" }
            if settings[warmIP] != nil || settings[minimumIP] != nil { return "overridden by WARM_IP_TARGET / MINIMUM_IP_TARGET" }
            return "in effect"
        case warmENI:
            return settings[warmIP] != nil ? "overridden by WARM_IP_TARGET" : nil
        case externalSNAT:
            return on(name) ? "NAT gateways and appliances see pod addresses"
                : "traffic leaving the VPC carries the node's address"
        case podSGMode:
            return on(podENI) ? nil : "no effect: ENABLE_POD_ENI is off"
        default:
            return nil
        }
    }
}
