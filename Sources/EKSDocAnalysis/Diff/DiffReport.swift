import EKSDocModel

/// Whether an entity (or an environment) appeared, disappeared or changed between OLD and NEW.
public enum ChangeKind: String, Codable, Hashable, Sendable, CaseIterable {
    case added, removed, changed
}

/// The kinds of entity `eksdoc diff` compares, in the order reports list them.
public enum DiffEntityKind: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case vpc, subnet, routeTable, route, internetGateway, natGateway, securityGroup, securityGroupRule
    case loadBalancer, cluster, nodeGroup, addon, cni, kubernetes

    /// A plural heading for reports.
    public var title: String {
        switch self {
        case .vpc: return "VPCs"
        case .subnet: return "Subnets"
        case .routeTable: return "Route tables"
        case .route: return "Routes"
        case .internetGateway: return "Internet gateways"
        case .natGateway: return "NAT gateways"
        case .securityGroup: return "Security groups"
        case .securityGroupRule: return "Security-group rules"
        case .loadBalancer: return "Load balancers"
        case .cluster: return "Cluster settings"
        case .nodeGroup: return "Node groups"
        case .addon: return "Add-ons"
        case .cni: return "CNI settings"
        case .kubernetes: return "Kubernetes objects"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// One field of a changed entity: its dotted path and both values as display text (nil when unset or empty).
public struct FieldChange: Codable, Hashable, Sendable {
    public var field: String
    public var old: String?
    public var new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field; self.old = old; self.new = new
    }
}

/// One entity that was added, removed or changed.
public struct EntityChange: Codable, Hashable, Sendable {
    public var kind: DiffEntityKind
    /// The entity as people know it: `subnet-0abc (private-a)`, `Deployment shop/web`.
    public var entity: String
    /// A one-line description of the entity (the rule, the route's destination), when it helps.
    public var detail: String?
    public var change: ChangeKind
    /// For `changed`: the fields that differ, sorted by path. Empty for `added` and `removed`.
    public var fields: [FieldChange]
    /// The stable identity used to match OLD and NEW and to sort.
    public var key: String

    public init(kind: DiffEntityKind, entity: String, detail: String? = nil, change: ChangeKind,
                fields: [FieldChange] = [], key: String) {
        self.kind = kind; self.entity = entity; self.detail = detail; self.change = change
        self.fields = fields; self.key = key
    }
}

/// The changes in one environment, matched by name between OLD and NEW.
public struct EnvironmentDiff: Codable, Hashable, Sendable {
    public var name: String
    /// The OLD environment's name when it differs (two single-environment inputs are always compared).
    public var oldName: String?
    /// `added` or `removed` when the environment exists on one side only; nil when on both.
    public var change: ChangeKind?
    /// Entity changes sorted by kind, then key.
    public var changes: [EntityChange]

    public init(name: String, oldName: String? = nil, change: ChangeKind? = nil, changes: [EntityChange] = []) {
        self.name = name; self.oldName = oldName; self.change = change; self.changes = changes
    }
}

/// A change that deserves a reviewer's attention.
public struct RiskNote: Codable, Hashable, Sendable {
    /// One of `DiffRisks.ids`: `new-open-rule`, `default-route-changed`, ...
    public var risk: String
    public var severity: Severity
    public var environment: String
    public var entity: String
    public var message: String

    public init(risk: String, severity: Severity, environment: String, entity: String, message: String) {
        self.risk = risk; self.severity = severity; self.environment = environment; self.entity = entity
        self.message = message
    }
}

/// Everything `eksdoc diff` found: changes per environment and the risk notes, both in a stable order.
public struct DiffReport: Codable, Hashable, Sendable {
    public var environments: [EnvironmentDiff]
    /// Sorted by environment, severity (errors first), risk id, entity and message.
    public var risks: [RiskNote]

    public init(environments: [EnvironmentDiff] = [], risks: [RiskNote] = []) {
        self.environments = environments; self.risks = risks
    }

    /// True when nothing changed at all.
    public var isEmpty: Bool {
        environments.allSatisfy { $0.change == nil && $0.changes.isEmpty } && risks.isEmpty
    }

    /// How many entity changes of a kind of change there are over all environments.
    public func count(_ change: ChangeKind) -> Int {
        environments.reduce(0) { $0 + $1.changes.filter { $0.change == change }.count }
    }

    /// How many risk notes have a severity.
    public func riskCount(_ severity: Severity) -> Int { risks.filter { $0.severity == severity }.count }
}
