import EKSDocAnalysis
import EKSDocModel
import Foundation

/// The inventory and its derived facts as sorted, stable JSON (`eksdoc model --json`, `site/model.json`).
public enum ModelJSON {
    /// Keys sorted, two-space indentation, slashes unescaped, a trailing newline.
    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// The export document: `{"environments": [...], "settings": {...}}`, each environment with its model
    /// and the facts derived from it.
    public static func render(_ inventory: Inventory, facts: [String: EnvironmentFacts]) throws -> Data {
        try encode(InventoryExport(inventory: inventory, facts: facts))
    }
}

struct ExportKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

struct InventoryExport: Encodable {
    var inventory: Inventory
    var facts: [String: EnvironmentFacts]

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: ExportKey.self)
        try c.encode(inventory.settings, forKey: ExportKey("settings"))
        try c.encode(inventory.environments.map { EnvironmentExport(env: $0, facts: facts[$0.name]) },
                     forKey: ExportKey("environments"))
    }
}

/// An environment's model fields, with derived facts added: per subnet usable addresses, tier, effective route
/// table and default route; per node group max pods; pod capacity, findings and flows.
struct EnvironmentExport: Encodable {
    var env: Environment
    var facts: EnvironmentFacts?

    func encode(to encoder: Encoder) throws {
        try env.encode(to: encoder)
        guard let facts else { return }
        var c = encoder.container(keyedBy: ExportKey.self)
        try c.encode(env.subnets.map { SubnetExport(subnet: $0, facts: facts) }, forKey: ExportKey("subnets"))
        try c.encode(env.nodeGroups.map { NodeGroupExport(group: $0, facts: facts) }, forKey: ExportKey("nodeGroups"))
        if let pods = facts.capacity.podCapacity {
            try c.encode(pods, forKey: ExportKey("podCapacity"))
        } else {
            try c.encodeNil(forKey: ExportKey("podCapacity"))
        }
        try c.encode(facts.findings, forKey: ExportKey("findings"))
        try c.encode(facts.flows, forKey: ExportKey("flows"))
        try c.encode(facts.exposure, forKey: ExportKey("exposure"))
        try c.encode(facts.capacity, forKey: ExportKey("capacity"))
    }
}

struct SubnetExport: Encodable {
    var subnet: Subnet
    var facts: EnvironmentFacts

    func encode(to encoder: Encoder) throws {
        try subnet.encode(to: encoder)
        var c = encoder.container(keyedBy: ExportKey.self)
        let addresses = facts.addresses.subnet(subnet.id)
        if let usable = addresses?.usable { try c.encode(usable, forKey: ExportKey("usableAddresses")) }
        if addresses?.freeNowImpossible == true { try c.encode(true, forKey: ExportKey("freeNowImpossible")) }
        try c.encode(facts.roles[subnet.id] ?? [], forKey: ExportKey("roles"))
        guard let routing = facts.routing(of: subnet.id) else { return }
        try c.encode(routing.tier, forKey: ExportKey("tier"))
        if let table = routing.routeTable {
            try c.encode(table, forKey: ExportKey("routeTable"))
            try c.encode(routing.explicit, forKey: ExportKey("explicitRouteTable"))
        }
        if let route = routing.defaultRoute {
            try c.encode(["target": route.target, "kind": route.kind.rawValue, "state": route.state], forKey: ExportKey("defaultRoute"))
        } else {
            try c.encodeNil(forKey: ExportKey("defaultRoute"))
        }
    }
}

struct NodeGroupExport: Encodable {
    var group: NodeGroup
    var facts: EnvironmentFacts

    func encode(to encoder: Encoder) throws {
        try group.encode(to: encoder)
        var c = encoder.container(keyedBy: ExportKey.self)
        let capacity = facts.capacity.nodeGroups.first { $0.name == group.name }
        try c.encode(capacity?.recommendedByType ?? [:], forKey: ExportKey("maxPods"))
        try c.encode(capacity?.byFormulaByType ?? [:], forKey: ExportKey("maxPodsByFormula"))
    }
}
