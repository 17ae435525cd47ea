import EKSDocAnalysis
import EKSDocModel

/// `md/<env>/network.md`: VPC CIDR blocks, subnets by tier and AZ with capacity and free-now counts, totals,
/// gateways and endpoints, and the capacity chart.
public enum NetworkPage: EnvironmentPageBuilder {
    /// The file name: `md/<env>/network.md`.
    public static let slug = "network"
    /// The title in navigation.
    public static let title = "Network"
    /// The position in navigation.
    public static let order = 20

    /// The page for one environment, built from its model and facts.
    public static func build(_ context: PageContext) -> Page {
        var doc = PageDocument(title: NetworkText.title(title, context.env))
        doc.paragraph("Address space of \(MD.text(context.env.name)): each VPC's CIDR blocks, every subnet with its "
                      + "capacity, and the gateways that connect the VPC. Usable = 2^(32-prefix) - 5 per subnet: AWS "
                      + "reserves the network address, the VPC router, DNS, one spare and the last address. "
                      + "*Free now* is `AvailableIpAddressCount` from the live snapshot at the time it was taken: "
                      + "a reading, not capacity.")
        vpcs(context, &doc)
        tiers(context, &doc)
        totals(context, &doc)
        NetworkGateways.section(context, &doc)
        doc.heading(2, "Capacity chart")
        doc.paragraph("Per subnet: addresses in use, free and total usable.")
        doc.diagram(context.diagram("capacity"), caption: "Subnet capacity of \(context.env.name)")
        return doc.page(path: context.path(slug), title: title)
    }

    /// One row per VPC CIDR block, then the VPC's total over all its subnets.
    static func vpcs(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        doc.heading(2, "VPCs and CIDR blocks")
        guard !env.vpcs.isEmpty else { doc.paragraph("No VPC is described in the inputs."); return }
        var rows: [[String]] = []
        for vpc in env.vpcs {
            doc.source(vpc.source)
            let label = vpc.name.map { "\(MD.text($0)) (\(NetworkText.code(vpc.id)))" } ?? NetworkText.code(vpc.id)
            let members = env.subnets.filter { $0.vpc == vpc.id }
            for (i, cidr) in vpc.cidrs.enumerated() {
                guard let block = IPv4Network(cidr) else {
                    rows.append([label, NetworkText.code(cidr), i == 0 ? "primary" : "secondary", "—", "—", "—", "—"])
                    continue
                }
                let inside = members.filter { $0.cidr.flatMap { IPv4Network($0) }.map(block.contains) ?? false }
                let usable = context.facts.addresses.totals(of: inside.map(\.id)).usable
                rows.append([label, NetworkText.code(block.description), i == 0 ? "primary" : "secondary",
                             MD.number(block.addressCount), MD.number(inside.count), MD.number(usable),
                             MD.number(NetworkText.unallocated(block, subnets: inside))])
            }
            for cidr in vpc.ipv6Cidrs {
                rows.append([label, NetworkText.code(cidr), "IPv6", "—", "—", "—", "—"])
            }
            if let total = context.facts.addresses.byVPC[vpc.id] {
                rows.append([label, "**all blocks**", "total", "—", MD.number(total.subnets),
                             "**\(MD.number(total.usable))**", "—"])
            }
        }
        doc.table(["VPC", "CIDR", "Block", "Addresses", "Subnets", "Usable in subnets", "Not in any subnet"], rows,
                  align: [.left, .left, .left, .right, .right, .right, .right])
        doc.paragraph("Addresses = 2^(32-prefix) for the whole block; usable in subnets = the sum of each subnet's "
                      + "usable addresses; not in any subnet = block addresses no subnet covers yet.")
    }

    /// One section per tier; rows sorted by AZ, then CIDR.
    static func tiers(_ context: PageContext, _ doc: inout PageDocument) {
        doc.heading(2, "Subnets by tier")
        doc.paragraph("The tier comes from the subnet's effective route table (its explicit association, else the "
                      + "VPC's main table). Rows are grouped by availability zone.")
        let totals = context.facts.tierTotals
        for tier in Tier.allCases {
            let subnets = NetworkText.subnets(in: tier, context)
            doc.heading(3, "\(NetworkText.tierName(tier)) subnets")
            guard !subnets.isEmpty else {
                doc.paragraph("None: " + NetworkText.tierEmpty(tier))
                continue
            }
            doc.paragraph("\(NetworkText.tierName(tier)): \(MD.text(NetworkText.tierRule(tier))).")
            var rows: [[String]] = []
            for subnet in subnets { rows.append(row(subnet, context, &doc)) }
            doc.table(["AZ", "Name", "Subnet", "CIDR", "Roles", "Usable", "In use now", "Free now", "Route table"], rows,
                      align: [.left, .left, .left, .left, .left, .right, .right, .right, .left])
            if let total = totals[tier] { doc.paragraph("**Total:** " + totalText(total)) }
        }
        if context.facts.addresses.subnets.contains(where: \.freeNowImpossible) {
            doc.callout("WARNING", "A ⚠️ free-now count is more than the subnet can hold, so the snapshot is not "
                        + "trustworthy for that subnet; its in-use figure is left out.")
        }
    }

    static func row(_ subnet: Subnet, _ context: PageContext, _ doc: inout PageDocument) -> [String] {
        doc.source(subnet.source)
        let facts = context.facts.addresses.subnet(subnet.id)
        let routing = context.facts.routing(of: subnet.id)
        var table = "—"
        if let id = routing?.routeTable {
            if let rt = context.env.routeTable(id) { doc.source(rt.source) }
            table = NetworkText.routeTableLink(id, context) + (routing?.explicit == false ? " (main)" : "")
        }
        return [MD.cell(subnet.az), MD.cell(subnet.tags.nameTag ?? subnet.name), NetworkText.code(subnet.id),
                subnet.cidr.map(NetworkText.code) ?? "—", NetworkText.roles(context.facts.roles[subnet.id]),
                facts?.usable.map(MD.number) ?? "—", facts?.inUse.map(MD.number) ?? "—",
                NetworkText.freeNow(facts), table]
    }

    /// `2 subnets, 246 usable, 243 free now (2 of 2 subnets reporting)`.
    static func totalText(_ total: AddressTotals) -> String {
        var text = "\(NetworkText.count(total.subnets, "subnet")), \(MD.number(total.usable)) usable"
        if total.subnetsWithFreeNow > 0 {
            text += ", \(MD.number(total.freeNow)) free now"
            if total.subnetsWithFreeNow < total.subnets {
                text += " (over the \(MD.number(total.subnetsWithFreeNow)) subnets with a plausible count)"
            }
        }
        return text + "."
    }

    /// Usable addresses per AZ and tier, then totals per tier and per VPC.
    static func totals(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env, facts = context.facts
        doc.heading(2, "Totals")
        let zones = Set(env.subnets.map { $0.az ?? "" }).sorted()
        var byZone: [[String]] = []
        for zone in zones {
            let inZone = env.subnets.filter { ($0.az ?? "") == zone }.map(\.id)
            var row = [zone.isEmpty ? "AZ unknown" : MD.text(zone)]
            for tier in Tier.allCases {
                let ids = inZone.filter { facts.routing(of: $0)?.tier == tier }
                row.append(ids.isEmpty ? "—" : MD.number(facts.addresses.totals(of: ids).usable))
            }
            row.append(MD.number(facts.addresses.totals(of: inZone).usable))
            byZone.append(row)
        }
        doc.paragraph("Usable addresses by availability zone and tier:")
        doc.table(["AZ", "Public", "Private", "Isolated", "All tiers"], byZone, align: [.left, .right, .right, .right, .right])

        var rows: [[String]] = Tier.allCases.compactMap { tier in
            guard let t = facts.tierTotals[tier], t.subnets > 0 else { return nil }
            return ["\(NetworkText.tierName(tier)) tier", MD.number(t.subnets), MD.number(t.usable), free(t)]
        }
        for vpc in env.vpcs {
            guard let t = facts.addresses.byVPC[vpc.id] else { continue }
            rows.append(["VPC " + NetworkText.code(vpc.id), MD.number(t.subnets), MD.number(t.usable), free(t)])
        }
        doc.paragraph("Totals per tier and per VPC (free now sums only the plausible snapshot counts):")
        doc.table(["Scope", "Subnets", "Usable", "Free now"], rows, align: [.left, .right, .right, .right])
    }

    static func free(_ total: AddressTotals) -> String {
        guard total.subnetsWithFreeNow > 0 else { return "—" }
        let partial = total.subnetsWithFreeNow < total.subnets
            ? " (\(MD.number(total.subnetsWithFreeNow)) of \(MD.number(total.subnets)) subnets)" : ""
        return MD.number(total.freeNow) + partial
    }
}
