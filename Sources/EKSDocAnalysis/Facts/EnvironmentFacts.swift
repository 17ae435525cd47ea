import EKSDocModel

/// Everything eksdoc derives from one environment: the numbers and judgements the pages print.
public struct EnvironmentFacts: Codable, Equatable, Sendable {
    public var addresses: AddressFacts
    public var routing: [SubnetRouting]
    /// Subnet id -> roles (ELB, internal ELB, pods, cluster, nodes, database).
    public var roles: [String: [SubnetRole]]
    public var capacity: CapacityFacts
    public var securityGraph: [SecurityGroupEdge]
    public var exposure: [ExposureItem]
    public var flows: [Flow]
    public var findings: [Finding]

    public func routing(of subnet: String) -> SubnetRouting? { routing.first { $0.subnet == subnet } }

    /// Address totals per tier.
    public var tierTotals: [Tier: AddressTotals] {
        var result: [Tier: AddressTotals] = [:]
        for tier in Tier.allCases {
            result[tier] = addresses.totals(of: routing.filter { $0.tier == tier }.map(\.subnet))
        }
        return result
    }
}

/// Runs every analysis over an environment.
public enum EnvironmentAnalysis {
    public static func analyze(_ env: Environment, catalog: InstanceTypeCatalog = .builtin) -> EnvironmentFacts {
        let addresses = AddressFacts(env)
        let routing = Routing.classify(env)
        let capacity = CapacityAnalysis.analyze(env, catalog: catalog)
        let exposure = SecurityAnalysis.exposure(env)
        var roles: [String: [SubnetRole]] = [:]
        for subnet in env.subnets { roles[subnet.id] = Routing.roles(of: subnet, in: env) }
        let context = AnalysisContext(env: env, routing: routing, addresses: addresses, capacity: capacity, exposure: exposure)
        return EnvironmentFacts(addresses: addresses, routing: routing, roles: roles, capacity: capacity,
                                securityGraph: SecurityAnalysis.graph(env), exposure: exposure,
                                flows: FlowAnalysis.flows(env), findings: FindingRules.evaluate(context))
    }
}
