import EKSDocAnalysis
import EKSDocModel

/// `md/<env>/routing.md`: where the default route and the corporate ranges go, then every route table with its
/// subnets and each route explained.
public enum RoutingPage: EnvironmentPageBuilder {
    /// The file name: `md/<env>/routing.md`.
    public static let slug = "routing"
    /// The title in navigation.
    public static let title = "Routing"
    /// The position in navigation.
    public static let order = 30

    /// The page for one environment, built from its model and facts.
    public static func build(_ context: PageContext) -> Page {
        var doc = PageDocument(title: NetworkText.title(title, context.env))
        doc.paragraph("Each subnet uses the route table explicitly associated with it, else its VPC's main table. "
                      + "Within a table the most specific route that contains the destination wins (longest prefix "
                      + "match); `local` routes keep traffic to the VPC's own CIDR blocks inside the VPC, and "
                      + "`0.0.0.0/0` is the default route for everything else.")
        RoutingSummary.defaultRoutes(context, &doc)
        RoutingSummary.externalRanges(context, &doc)
        doc.heading(2, "Route tables")
        if context.env.routeTables.isEmpty {
            doc.paragraph("No route table is described in the inputs.")
        }
        for table in context.env.routeTables.sorted(by: tableOrder) {
            section(table, context, &doc)
        }
        return doc.page(path: context.path(slug), title: title)
    }

    /// Main tables first, then by name or id.
    static func tableOrder(_ a: RouteTable, _ b: RouteTable) -> Bool {
        (a.main ? 0 : 1, NetworkText.routeTableHeading(a), a.id) < (b.main ? 0 : 1, NetworkText.routeTableHeading(b), b.id)
    }

    static func section(_ table: RouteTable, _ context: PageContext, _ doc: inout PageDocument) {
        doc.source(table.source)
        doc.heading(3, NetworkText.routeTableHeading(table))
        var facts: [String] = []
        if let vpc = table.vpc { facts.append("VPC: \(NetworkText.code(vpc))") }
        let explicit = NetworkText.sorted(table.subnets.compactMap { context.env.subnet($0) })
        let unknown = table.subnets.filter { context.env.subnet($0) == nil }.sorted()
        let explicitLabels = explicit.map { context.subnetLabel($0.id) } + unknown.map(NetworkText.code)
        if table.main {
            facts.append("**Main table**: every subnet without an explicit association uses it.")
            let implicit = context.facts.routing.filter { $0.routeTable == table.id && !$0.explicit }.map(\.subnet)
            let users = NetworkText.sorted(implicit.compactMap { context.env.subnet($0) }).map { context.subnetLabel($0.id) }
            let used = users.isEmpty ? "no subnet (every subnet has its own table)" : users.joined(separator: ", ")
            facts.append("Used implicitly by: " + used)
        }
        if !explicitLabels.isEmpty || !table.main {
            let listed = explicitLabels.isEmpty ? "none" : explicitLabels.joined(separator: ", ")
            facts.append("Explicitly associated subnets: " + listed)
        }
        if !table.main && explicitLabels.isEmpty {
            facts.append("No subnet uses this table, so its routes have no effect until a subnet is associated with it.")
        }
        if !table.gateways.isEmpty {
            facts.append("Gateway associations (edge routing): " + table.gateways.map(NetworkText.code).joined(separator: ", "))
        }
        doc.bullets(facts)
        guard !table.routes.isEmpty else {
            doc.paragraph("The table has no routes.")
            return
        }
        var rows: [[String]] = []
        let routes = table.routes.enumerated().sorted { a, b in
            let (x, y) = (a.element.destination, b.element.destination)
            return x != y ? RouteMeaning.order(x, y) : a.offset < b.offset
        }.map(\.element)
        for route in routes {
            doc.source(route.source)
            let state = Routing.isActive(route) ? MD.cell(route.state) : "⚠️ " + MD.text(route.state)
            rows.append([NetworkText.code(route.destination), RouteMeaning.targetCell(route), NetworkText.kindName(route.targetKind),
                         state, RouteMeaning.meaning(route, env: context.env)])
        }
        doc.table(["Destination", "Target", "Target kind", "State", "Meaning"], rows)
    }
}
