import EKSDocAnalysis
import EKSDocModel

/// `md/<env>/security-groups.md`: every group with its rules in plain words, the group-to-group graph, and the
/// rules open to the internet.
public enum SecurityGroupsPage: EnvironmentPageBuilder {
    /// The file name: `md/<env>/security-groups.md`.
    public static let slug = "security-groups"
    /// The title in navigation.
    public static let title = "Security groups"
    /// The position in navigation.
    public static let order = 40

    /// The page for one environment, built from its model and facts.
    public static func build(_ context: PageContext) -> Page {
        let env = context.env
        var doc = PageDocument(title: NetworkText.title(title, env))
        doc.paragraph("Security groups are stateful and allow-only: a rule that lets a connection in also lets its "
                      + "replies out, anything no rule allows is dropped, and a resource with several groups gets the "
                      + "union of their rules. Inbound rules name who may connect to members of the group; outbound "
                      + "rules name where members may connect to.")
        let attachments = RuleWording.attachments(env)
        let groups = env.securityGroups.sorted { a, b in
            (rank(a, attachments), NetworkText.groupHeading(a), a.id) < (rank(b, attachments), NetworkText.groupHeading(b), b.id)
        }
        overview(groups, attachments, &doc)
        doc.heading(2, "Group graph")
        doc.paragraph("Edges from a peer (group or address block) to a group for inbound rules, labelled with ports; "
                      + "rules open to the internet are highlighted.")
        doc.diagram(context.diagram("security-groups"), caption: "Security groups of \(env.name)")
        exposure(context, attachments, &doc)
        doc.heading(2, "Groups")
        if groups.isEmpty { doc.paragraph("No security group is described in the inputs.") }
        let ranges = RuleWording.AddressRanges(env)
        for group in groups { section(group, attachments[group.id] ?? [], env, ranges, &doc) }
        return doc.page(path: context.path(slug), title: title)
    }

    /// Cluster and instance groups first, then load balancer groups, endpoint groups, and unused ones.
    static func rank(_ group: SecurityGroup, _ attachments: [String: [RuleWording.Attachment]]) -> Int {
        attachments[group.id]?.map(\.rank).min() ?? 3
    }

    static func overview(_ groups: [SecurityGroup], _ attachments: [String: [RuleWording.Attachment]],
                         _ doc: inout PageDocument) {
        doc.heading(2, "Summary")
        guard !groups.isEmpty else { return }
        let rows: [[String]] = groups.map { group in
            let heading = NetworkText.groupHeading(group)
            let used = attachments[group.id] ?? []
            return [MD.link(heading, "#" + Anchors.slug(heading)), MD.number(RuleWording.merged(group.ingress).count),
                    MD.number(RuleWording.merged(group.egress).count), usedBy(used, limit: 3)]
        }
        doc.table(["Group", "Inbound rules", "Outbound rules", "Used by"], rows, align: [.left, .right, .right, .left])
    }

    /// Attachments joined, the first `limit` named and the rest counted.
    static func usedBy(_ attachments: [RuleWording.Attachment], limit: Int = .max) -> String {
        guard !attachments.isEmpty else { return "nothing in the inputs" }
        let shown = attachments.prefix(limit).map(\.label).joined(separator: ", ")
        return attachments.count > limit ? shown + " and \(attachments.count - limit) more" : shown
    }

    static func exposure(_ context: PageContext, _ attachments: [String: [RuleWording.Attachment]], _ doc: inout PageDocument) {
        doc.heading(2, "Open to the internet")
        let items = context.facts.exposure
        guard !items.isEmpty else {
            doc.paragraph("No inbound rule admits `0.0.0.0/0` or `::/0`: nothing is open to the whole internet.")
            return
        }
        doc.paragraph("Every inbound rule whose source is `0.0.0.0/0` or `::/0`. Whether the internet can really "
                      + "connect also depends on what uses the group: an internal load balancer has no public address.")
        var merged: [(item: ExposureItem, count: Int)] = []
        for item in items {
            doc.source(item.source)
            if let i = merged.firstIndex(where: { $0.item.securityGroup == item.securityGroup && $0.item.ports == item.ports
                && $0.item.peer == item.peer }) {
                merged[i].count += 1
            } else {
                merged.append((item, 1))
            }
        }
        let rows: [[String]] = merged.map { entry in
            let item = entry.item
            let heading = context.env.securityGroup(item.securityGroup).map(NetworkText.groupHeading) ?? item.securityGroup
            let sensitive = item.sensitivePorts.map { port in
                "⚠️ \(port)" + (PortNames.name(port).map { " (\(MD.text($0)))" } ?? "")
            }
            let repeated = entry.count > 1 ? " (listed \(entry.count) times)" : ""
            let rule = MD.text(item.ports) + " from " + NetworkText.code(item.peer) + repeated
            return [MD.link(heading, "#" + Anchors.slug(heading)), rule,
                    item.services.isEmpty ? "—" : item.services.map(MD.text).joined(separator: ", "),
                    sensitive.isEmpty ? "none" : sensitive.joined(separator: ", "),
                    MD.text(RuleWording.reach(attachments[item.securityGroup] ?? []))]
        }
        doc.table(["Group", "Rule", "Services", "Sensitive ports", "Reachable from the internet"], rows)
        let sensitive = merged.filter { !$0.item.sensitivePorts.isEmpty }.count
        doc.paragraph(sensitive == 0
            ? "No internet-open rule covers an administrative or database port (SSH, RDP, Kubernetes API, kubelet, databases)."
            : "⚠️ \(NetworkText.count(sensitive, "rule")) \(sensitive == 1 ? "opens" : "open") an administrative or "
                + "database port to the internet; see "
                + MD.link("Findings", "findings.md") + ".")
    }

    static func section(_ group: SecurityGroup, _ attachments: [RuleWording.Attachment], _ env: Environment,
                        _ ranges: RuleWording.AddressRanges,
                        _ doc: inout PageDocument) {
        doc.source(group.source)
        doc.heading(3, NetworkText.groupHeading(group))
        doc.bullets([
            "Description: " + MD.cell(group.description),
            "VPC: " + (group.vpc.map(NetworkText.code) ?? "—"),
            "Used by: " + usedBy(attachments),
        ])
        var rows: [[String]] = []
        for (direction, rules) in [("Inbound", group.ingress), ("Outbound", group.egress)] {
            for (rule, count) in RuleWording.merged(rules) {
                doc.source(rule.source)
                let sentence = RuleWording.sentence(rule, ingress: direction == "Inbound", group: group, env: env,
                                                    ranges: ranges)
                rows.append([direction, sentence + (count > 1 ? " (listed \(count) times)" : ""), MD.cell(rule.description)])
            }
        }
        if group.ingress.isEmpty { rows.append(["Inbound", "no rules: nothing can open a connection to members", "—"]) }
        if group.egress.isEmpty { rows.append(["Outbound", "no rules: members cannot open connections", "—"]) }
        doc.table(["Direction", "Rule", "Rule description"], rows)
    }
}
