import EKSDocModel

/// A problem or risk found in an environment, with a stable rule id and a fix hint.
public struct Finding: Codable, Equatable, Hashable, Sendable {
    /// Stable rule id, such as `single-az-egress`; never reused for another meaning.
    public var id: String
    public var severity: Severity
    /// The entity concerned: a resource id or a label such as `cluster leadertools-qas`.
    public var entity: String
    public var message: String
    public var hint: String
    public var source: SourceLocation?

    public init(id: String, severity: Severity, entity: String, message: String, hint: String,
                source: SourceLocation? = nil) {
        self.id = id; self.severity = severity; self.entity = entity; self.message = message
        self.hint = hint; self.source = source
    }
}

/// Everything a finding rule may look at: the environment and the facts derived from it.
public struct AnalysisContext: Sendable {
    public var env: Environment
    public var routing: [SubnetRouting]
    public var addresses: AddressFacts
    public var capacity: CapacityFacts
    public var exposure: [ExposureItem]

    public init(env: Environment, routing: [SubnetRouting], addresses: AddressFacts, capacity: CapacityFacts,
                exposure: [ExposureItem]) {
        self.env = env; self.routing = routing; self.addresses = addresses; self.capacity = capacity
        self.exposure = exposure
    }

    public func routing(of subnet: String) -> SubnetRouting? { routing.first { $0.subnet == subnet } }
}

/// One check. Each rule lives in its own file under `Findings/Rules/` with its own messages.
public protocol FindingRule {
    /// The stable id every finding of this rule carries.
    static var id: String { get }
    /// One line saying what the rule checks, for `docs/findings.md` and `eksdoc lint --list`.
    static var summary: String { get }
    static func check(_ context: AnalysisContext) -> [Finding]
}

/// The registry of finding rules and their evaluation.
public enum FindingRules {
    public static let all: [any FindingRule.Type] = [
        SingleAZEgressRule.self, ClusterSubnetAZRule.self, SensitivePortOpenRule.self, PublicEndpointOpenRule.self,
        ControlPlaneLoggingRule.self, BlackholeRouteRule.self, LoadBalancerPlacementRule.self, ELBRoleTagRule.self,
        PodCapacityRule.self, ClusterSubnetFreeAddressesRule.self, OverlappingVPCRule.self,
        ImpossibleFreeCountRule.self, DriftRule.self,
    ]

    /// Every finding, most severe first, then by rule id and entity.
    public static func evaluate(_ context: AnalysisContext) -> [Finding] {
        all.flatMap { $0.check(context) }.sorted {
            if $0.severity != $1.severity { return $0.severity > $1.severity }
            return ($0.id, $0.entity, $0.message) < ($1.id, $1.entity, $1.message)
        }
    }
}
