import EKSDocAnalysis
import EKSDocModel
import EKSDocRender

/// Computes the facts of one environment, a group at a time (`FactRegistry.facts`).
struct FactBuilder {
    let env: Environment
    let analysis: EnvironmentFacts
    var values: [String: FactValue] = [:]

    init(env: Environment, analysis: EnvironmentFacts) {
        self.env = env; self.analysis = analysis
    }

    mutating func set(_ name: String, _ value: FactValue) {
        assert(FactRegistry.names[name]?.matches(value) ?? false, "fact \(name) is not registered with this type")
        values[name] = value
    }

    mutating func set(_ name: String, _ text: String?) { set(name, .string(text)) }
    mutating func set(_ name: String, _ number: Int) { set(name, .number(number)) }
    mutating func set(_ name: String, _ flag: Bool) { set(name, .bool(flag)) }
    mutating func set(_ name: String, items: [FactValue]) { set(name, .list(items)) }

    /// `2038` as `2,038`; empty when unknown.
    static func formatted(_ number: Int?) -> String { number.map { MD.number($0) } ?? "" }

    /// Values joined by `, `.
    static func joined(_ values: [String]) -> String { values.joined(separator: ", ") }

    /// Sorted, duplicates removed.
    static func unique(_ values: [String]) -> [String] { Array(Set(values)).sorted() }

    /// The VPC the questions talk about: the cluster's, else the first one.
    var vpc: VPC? {
        if let id = env.cluster?.vpc, let vpc = env.vpc(id) { return vpc }
        return env.vpcs.first
    }

    /// Short readable names of route target kinds, as `egress.kind` and `routes.corporate` give them.
    static func kindName(_ kind: RouteTargetKind) -> String {
        switch kind {
        case .local: return "local"
        case .internetGateway: return "internet gateway"
        case .egressOnlyInternetGateway: return "egress-only internet gateway"
        case .natGateway: return "NAT gateway"
        case .transitGateway: return "transit gateway"
        case .vpcPeering: return "VPC peering connection"
        case .instance: return "instance"
        case .networkInterface: return "network interface"
        case .virtualPrivateGateway: return "virtual private gateway"
        case .vpcEndpoint: return "gateway endpoint"
        case .localGateway: return "local gateway"
        case .carrierGateway: return "carrier gateway"
        case .coreNetwork: return "core network"
        case .unknown: return "unknown"
        }
    }

    /// The `has.*` facts about what the inputs describe.
    mutating func presence() {
        set("has.vpc", !env.vpcs.isEmpty)
        set("has.cluster", env.cluster != nil)
        set("has.nodeGroups", !env.nodeGroups.isEmpty)
        set("has.kubernetes", !env.kubernetes.isEmpty)
        set("has.karpenter", env.karpenter != nil || env.kubernetes.contains { $0.nodePool != nil || $0.nodeClass != nil })
        set("has.ingress", env.kubernetes.contains { $0.ingress != nil })
        let terraformFiles = env.sources.contains { $0.hasSuffix(".tf") || $0.hasSuffix(".tfvars") || $0.hasSuffix(".tfstate") || $0.hasSuffix(".tfvars.json") }
        set("has.terraform", !env.terraform.isEmpty || terraformFiles)
    }
}
