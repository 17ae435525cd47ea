import EKSDocModel

/// How the VPC CNI hands out pod addresses (reference/aws-facts.md §2, §3).
public enum MaxPodsMode: String, Codable, Sendable, CaseIterable {
    /// Secondary IPs on every ENI, the primary ENI included.
    case `default`
    /// `AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true`: pods use the secondary ENIs only (in the ENIConfig subnet).
    case customNetworking
    /// `ENABLE_PREFIX_DELEGATION=true`: each secondary slot is a /28 prefix of 16 addresses.
    case prefixDelegation
    /// Both: secondary ENIs only, each slot a /28 prefix.
    case customNetworkingPrefixDelegation

    /// The mode with the given switches.
    public init(customNetworking: Bool, prefixDelegation: Bool) {
        switch (customNetworking, prefixDelegation) {
        case (false, false): self = .default
        case (true, false): self = .customNetworking
        case (false, true): self = .prefixDelegation
        case (true, true): self = .customNetworkingPrefixDelegation
        }
    }

    /// The mode the `aws-node` settings select; `default` without CNI settings.
    public init(_ cni: CNIConfig?) {
        self.init(customNetworking: cni?.isEnabled("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG") ?? false,
                  prefixDelegation: cni?.isEnabled("ENABLE_PREFIX_DELEGATION") ?? false)
    }

    /// True with custom networking (the primary ENI carries no pods).
    public var customNetworking: Bool { self == .customNetworking || self == .customNetworkingPrefixDelegation }
    /// True with prefix delegation (/28 prefixes instead of single secondary IPs).
    public var prefixDelegation: Bool { self == .prefixDelegation || self == .customNetworkingPrefixDelegation }

    /// A short human name: `default`, `custom networking`, `prefix delegation`, `custom networking + prefix delegation`.
    public var title: String {
        switch self {
        case .default: "default"
        case .customNetworking: "custom networking"
        case .prefixDelegation: "prefix delegation"
        case .customNetworkingPrefixDelegation: "custom networking + prefix delegation"
        }
    }
}

/// Max pods per node for one instance type under one CNI mode, with the formula that gives it.
///
/// Formulas (reference/aws-facts.md §2, from the VPC CNI's `eni-max-pods.txt` and the EKS `max-pods-calculator.sh`):
/// - default: `ENIs x (IPs - 1) + 2`
/// - custom networking: `(ENIs - 1) x (IPs - 1) + 2`
/// - prefix delegation: `ENIs x ((IPs - 1) x 16) + 2`
/// - custom networking + prefix delegation: `(ENIs - 1) x ((IPs - 1) x 16) + 2`
///
/// The recommendation then caps it: 110 for 30 vCPUs or fewer, 250 above, in every mode.
/// Prefix delegation needs the Nitro system: on a Xen type it is ignored and the secondary-IP formula applies
/// (`prefixDelegationIgnored`). Bare-metal types, whose hypervisor is empty, run on Nitro hardware and keep it.
public struct MaxPods: Codable, Equatable, Sendable {
    /// The instance type, such as `t3a.medium`.
    public var instanceType: String
    /// The mode the figures were computed in; without prefix delegation when it was ignored on a Xen type.
    public var mode: MaxPodsMode
    /// The formula's result, uncapped.
    public var byFormula: Int
    /// What the EKS max-pods calculator recommends: the formula, then the 110/250 cap by vCPU count.
    public var recommended: Int
    /// The formula with the numbers substituted, then the cap, such as
    /// `(3 - 1) x ((6 - 1) x 16) + 2 = 162; min(162, 110) = 110 (2 vCPUs <= 30)`.
    public var formula: String
    /// Prefix delegation was asked for but the type is Xen: the figures use secondary IPs instead.
    public var prefixDelegationIgnored: Bool

    public init(instanceType: String, mode: MaxPodsMode, byFormula: Int, recommended: Int, formula: String,
                prefixDelegationIgnored: Bool = false) {
        self.instanceType = instanceType; self.mode = mode; self.byFormula = byFormula
        self.recommended = recommended; self.formula = formula; self.prefixDelegationIgnored = prefixDelegationIgnored
    }

    /// The recommended cap applies to instance types with at most this many vCPUs.
    public static let lowCPUThreshold = 30
    /// The cap for instance types with at most 30 vCPUs.
    public static let lowCPUCap = 110
    /// The cap for instance types with more than 30 vCPUs.
    public static let highCPUCap = 250
    /// Addresses in one delegated prefix (a /28).
    public static let addressesPerPrefix = 16

    /// The recommended cap for a vCPU count: 110 up to and including 30 vCPUs, 250 above.
    public static func cap(vcpus: Int) -> Int { vcpus > lowCPUThreshold ? highCPUCap : lowCPUCap }

    /// True when the instance type can use prefix delegation (anything but Xen).
    public static func supportsPrefixDelegation(_ info: InstanceTypeInfo) -> Bool {
        info.hypervisor.lowercased() != "xen"
    }

    /// Max pods for the type under the environment's CNI settings (`default` when there are none).
    public static func compute(_ info: InstanceTypeInfo, cni: CNIConfig?) -> MaxPods {
        compute(info, mode: MaxPodsMode(cni))
    }

    /// Max pods for the type in the given mode.
    public static func compute(_ info: InstanceTypeInfo, mode requested: MaxPodsMode) -> MaxPods {
        let ignored = requested.prefixDelegation && !supportsPrefixDelegation(info)
        let mode = ignored ? MaxPodsMode(customNetworking: requested.customNetworking, prefixDelegation: false) : requested
        let enis = mode.customNetworking ? Swift.max(info.maxENIs - 1, 0) : info.maxENIs
        let enisText = mode.customNetworking ? "(\(info.maxENIs) - 1)" : "\(info.maxENIs)"
        let perENI = Swift.max(info.ipv4PerENI - 1, 0) * (mode.prefixDelegation ? addressesPerPrefix : 1)
        let perENIText = mode.prefixDelegation
            ? "((\(info.ipv4PerENI) - 1) x \(addressesPerPrefix))" : "(\(info.ipv4PerENI) - 1)"
        let byFormula = enis * perENI + 2
        let cap = cap(vcpus: info.vcpus)
        let recommended = Swift.min(byFormula, cap)
        let comparison = info.vcpus > lowCPUThreshold ? ">" : "<="
        var formula = "\(enisText) x \(perENIText) + 2 = \(byFormula); "
            + "min(\(byFormula), \(cap)) = \(recommended) (\(info.vcpus) vCPUs \(comparison) \(lowCPUThreshold))"
        if ignored {
            formula = "prefix delegation ignored: \(info.name) is a Xen instance type; " + formula
        }
        return MaxPods(instanceType: info.name, mode: mode, byFormula: byFormula, recommended: recommended,
                       formula: formula, prefixDelegationIgnored: ignored)
    }

    /// The type's figures in all four modes, in `MaxPodsMode.allCases` order, for display side by side.
    public static func allModes(_ info: InstanceTypeInfo) -> [MaxPods] {
        MaxPodsMode.allCases.map { compute(info, mode: $0) }
    }
}
