import EKSDocAnalysis
import EKSDocModel

/// The summary sections of the routing page: where each tier's default route goes, and where the ranges outside
/// the VPC (corporate, on-premises, partner, other VPCs) go from each route table in use.
enum RoutingSummary {
    static func defaultRoutes(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env, facts = context.facts
        doc.heading(2, "Where the default route goes")
        guard !facts.routing.isEmpty else { doc.paragraph("No subnet is described in the inputs."); return }
        var groups: [String: [SubnetRouting]] = [:]
        var order: [(Int, String, String, String)] = []
        for r in facts.routing {
            let key = "\(r.tier.rawValue)|\(r.routeTable ?? "")|\(r.defaultRoute?.target ?? "")"
            if groups[key] == nil {
                let tierRank = Tier.allCases.firstIndex(of: r.tier) ?? 0
                order.append((tierRank, r.routeTable ?? "~", r.defaultRoute?.target ?? "~", key))
            }
            groups[key, default: []].append(r)
        }
        var rows: [[String]] = []
        for (_, _, _, key) in order.sorted(by: { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }) {
            let members = groups[key]!, first = members[0]
            let table = first.routeTable.map {
                NetworkText.routeTableLink($0, context, local: true) + (first.explicit ? "" : " (main)")
            }
            let subnets = NetworkText.sorted(members.compactMap { env.subnet($0.subnet) }).map { context.subnetLabel($0.id) }
            rows.append([NetworkText.tierName(first.tier), table ?? "none", defaultCell(first.defaultRoute, env),
                         subnets.joined(separator: ", ")])
        }
        doc.table(["Tier", "Route table", "Default route goes to", "Subnets"], rows)
        doc.bullets(notes(context))
    }

    static func defaultCell(_ route: DefaultRoute?, _ env: Environment) -> String {
        guard let route else { return "nowhere: no default route" }
        let target = NetworkText.target(route.target, kind: route.kind, env: env)
        return route.state.lowercased() == "blackhole" ? "⚠️ blackhole (dropped): \(target)" : target
    }

    /// Which subnets egress through the main table, and which reach an internet gateway.
    static func notes(_ context: PageContext) -> [String] {
        let env = context.env, facts = context.facts
        var notes: [String] = []
        for table in env.routeTables where table.main {
            let implicit = facts.routing.filter { $0.routeTable == table.id && !$0.explicit }
            guard !implicit.isEmpty else { continue }
            let link = NetworkText.routeTableLink(table.id, context, local: true)
            let subnets = NetworkText.count(implicit.count, "subnet") + " without an explicit association "
                + (implicit.count == 1 ? "uses" : "use") + " the main table \(link)"
            let pronoun = implicit.count == 1 ? "its" : "their"
            if let route = implicit[0].defaultRoute, route.kind != .internetGateway {
                notes.append("\(subnets), so \(pronoun) internet-bound traffic leaves through its default target "
                             + "\(NetworkText.target(route.target, kind: route.kind, env: env)), not through an internet gateway.")
            } else if implicit[0].defaultRoute == nil {
                notes.append("\(subnets), which has no default route.")
            } else {
                notes.append("\(subnets), which sends the default route to an internet gateway.")
            }
        }
        let igwTables = Set(facts.routing.filter { $0.defaultRoute?.kind == .internetGateway }.compactMap(\.routeTable)).sorted()
        if !igwTables.isEmpty {
            let count = facts.routing.filter { $0.defaultRoute?.kind == .internetGateway }.count
            notes.append((count == 1 ? "Only the subnet on " : "Only the \(NetworkText.count(count, "subnet")) on ")
                         + igwTables.map { NetworkText.routeTableLink($0, context, local: true) }.joined(separator: ", ")
                         + (count == 1 ? " sends its" : " send their") + " default route straight to an internet gateway.")
        } else if !env.internetGateways.isEmpty {
            notes.append("No subnet sends its default route to the internet gateway.")
        }
        let none = facts.routing.filter { $0.routeTable == nil }
        if !none.isEmpty {
            notes.append("\(NetworkText.count(none.count, "subnet")) \(none.count == 1 ? "has" : "have") no route table "
                         + "at all (no association and no main table in the inputs).")
        }
        return notes
    }

    static func externalRanges(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env, facts = context.facts
        doc.heading(2, "Where the corporate ranges go")
        var destinations = Set<String>()
        for table in env.routeTables {
            for route in table.routes where RouteMeaning.isExternalRange(route, env: env) { destinations.insert(route.destination) }
        }
        guard !destinations.isEmpty else {
            doc.paragraph("No route table has a route for a range outside the VPC other than the default route: traffic "
                          + "to on-premises, partner or other-VPC ranges follows each subnet's default route above.")
            return
        }
        let used = Set(facts.routing.compactMap(\.routeTable))
        let tables = env.routeTables.filter { used.contains($0.id) }.sorted(by: RoutingPage.tableOrder)
        let inUse = tables.map { table in
            let n = facts.routing.filter { $0.routeTable == table.id }.count
            return "\(NetworkText.routeTableLink(table.id, context, local: true)) (\(NetworkText.count(n, "subnet")))"
        }
        doc.paragraph("Ranges outside the VPC's CIDR blocks that some table routes explicitly (RFC 1918 and other "
                      + "private space, partner and corporate public ranges, other VPCs). For each table in use — "
                      + inUse.joined(separator: ", ") + " — the route that wins by longest prefix match; "
                      + "*default* marks a table with no specific route, where the range follows the default route.")
        let sorted = destinations.sorted(by: RouteMeaning.order)
        if tables.count <= 4 {
            // One column per table in use.
            let headers = ["Destination", "What it is"] + tables.map { "From " + MD.text($0.name ?? $0.tags.nameTag ?? $0.id) }
            doc.table(headers, sorted.map { destination in
                [NetworkText.code(destination), MD.text(RouteMeaning.rangeKind(destination, env: env))]
                    + tables.map { taken(destination, $0, env) }
            })
        } else {
            doc.table(["Destination", "What it is", "Goes to, per route table"], sorted.map { destination in
                let cells = tables.map { "\(NetworkText.routeTableLink($0.id, context, local: true)): \(taken(destination, $0, env))" }
                return [NetworkText.code(destination), MD.text(RouteMeaning.rangeKind(destination, env: env)),
                        cells.joined(separator: "; ")]
            })
        }
    }

    /// The route a destination takes in a table, in a few words.
    static func taken(_ destination: String, _ table: RouteTable, _ env: Environment) -> String {
        guard let route = Routing.longestPrefixMatch(destination, in: table) else { return "no route (dropped)" }
        var text = NetworkText.code(route.target) + " (\(NetworkText.kindName(route.targetKind)))"
        if Routing.isDefault(route) { text += ", *default*" }
        if !Routing.isActive(route) { text += ", ⚠️ blackhole" }
        return text
    }
}
