import EKSDocAnalysis
import EKSDocModel

extension FactBuilder {
    /// Route targets that lead to networks beyond the VPC other than the internet (`routes.corporate`).
    static let corporateKinds: Set<RouteTargetKind> = [
        .instance, .networkInterface, .transitGateway, .virtualPrivateGateway, .vpcPeering, .coreNetwork,
    ]

    /// The main route table, where private subnets' default routes go, and the routes to corporate networks.
    mutating func routing() {
        let vpcID = vpc?.id
        let mains = env.routeTables.filter { $0.main && (vpcID == nil || $0.vpc == nil || $0.vpc == vpcID) }
            .sorted { $0.id < $1.id }
        let main = mains.first
        set("mainTable.id", main?.id)
        let mainDefault = main?.routes.filter { Routing.isDefault($0) && Routing.isActive($0) }
            .sorted { ($0.destination.contains(":") ? 1 : 0, $0.target) < ($1.destination.contains(":") ? 1 : 0, $1.target) }
            .first
        set("mainTable.defaultTarget", mainDefault?.target)
        set("mainTable.defaultKind", mainDefault.map { Self.kindName($0.targetKind) })

        let privateRoutes = analysis.routing.filter { $0.tier == .private }.compactMap(\.defaultRoute)
            .filter { $0.state.lowercased() != "blackhole" }
        set("egress.target", Self.joined(Self.unique(privateRoutes.map(\.target))))
        let kinds = Self.unique(privateRoutes.map { Self.kindName($0.kind) })
        set("egress.kind", Self.joined(kinds))
        set("egress.viaAppliance", privateRoutes.contains { $0.kind == .instance || $0.kind == .networkInterface })
        set("egress.viaNat", privateRoutes.contains { $0.kind == .natGateway })
        set("egress.singleAZ", analysis.findings.contains { $0.id == SingleAZEgressRule.id })

        var seen = Set<String>()
        var corporate: [(destination: String, target: String, kind: RouteTargetKind)] = []
        let tables = env.routeTables.filter { vpcID == nil || $0.vpc == nil || $0.vpc == vpcID }
        for table in tables {
            for route in table.routes where Self.corporateKinds.contains(route.targetKind)
                && !Routing.isDefault(route) && Routing.isActive(route) {
                if seen.insert(route.destination + " " + route.target).inserted {
                    corporate.append((route.destination, route.target, route.targetKind))
                }
            }
        }
        corporate.sort { (Self.cidrSortKey($0.destination), $0.target) < (Self.cidrSortKey($1.destination), $1.target) }
        set("routes.corporate", items: corporate.map {
            .item(["destination": .string($0.destination), "target": .string($0.target), "kind": .string(Self.kindName($0.kind))])
        })
        set("has.corporateRoutes", !corporate.isEmpty)
    }

    /// Orders IPv4 CIDRs by address (zero-padded octets), anything else after them by text.
    static func cidrSortKey(_ destination: String) -> String {
        let parts = destination.split(separator: "/")
        let octets = parts.first?.split(separator: ".") ?? []
        guard octets.count == 4, octets.allSatisfy({ Int($0) != nil }) else { return "z" + destination }
        let padded = octets.map { String(repeating: "0", count: max(0, 3 - $0.count)) + $0 }.joined(separator: ".")
        let length = parts.count > 1 ? String(repeating: "0", count: max(0, 2 - parts[1].count)) + parts[1] : "32"
        return padded + "/" + length
    }
}
