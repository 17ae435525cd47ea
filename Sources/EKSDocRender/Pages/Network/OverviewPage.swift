import EKSDocAnalysis
import EKSDocModel
import Foundation

/// `md/<env>/overview.md`: what the environment is, its key numbers, the topology diagram and links to every
/// other page of the environment.
public enum OverviewPage: EnvironmentPageBuilder {
    /// The file name: `md/<env>/overview.md`.
    public static let slug = "overview"
    /// The title in navigation.
    public static let title = "Overview"
    /// The position in navigation.
    public static let order = 10

    /// The other pages of an environment, in navigation order, with what each answers.
    static let pages: [(slug: String, title: String, about: String)] = [
        ("network", "Network", "VPC CIDRs, subnets by tier and AZ with capacity and free addresses, gateways"),
        ("routing", "Routing", "every route table and route, where the default route and the corporate ranges go"),
        ("security-groups", "Security groups", "rules in plain words, the group graph, what is open to the internet"),
        ("cluster", "Cluster", "version, endpoint access, service CIDR, OIDC, logging, add-ons, node groups, Karpenter"),
        ("cni-capacity", "CNI and capacity", "custom networking, prefix delegation, max pods, pod and node capacity"),
        ("workloads", "Workloads", "Kubernetes objects and how they link, down to IAM roles"),
        ("traffic-flows", "Traffic flows", "inbound, egress, pod-to-pod and control-plane paths hop by hop"),
        ("findings", "Findings", "problems and risks with rule ids and fixes"),
        ("drift", "Drift", "where the declared configuration and the live records disagree"),
        ("terraform-inputs", "Terraform inputs", "every variable with its value in this environment"),
        ("troubleshooting", "Troubleshooting", "checks and commands filled with this environment's ids"),
    ]

    /// The page for one environment, built from its model and facts.
    public static func build(_ context: PageContext) -> Page {
        let env = context.env
        var doc = PageDocument(title: NetworkText.title(title, env))
        doc.paragraph(summary(context))

        doc.heading(2, "At a glance")
        let glanceRows = glance(context, &doc)
        doc.table(["Item", "Value"], glanceRows)

        doc.heading(2, "Key numbers")
        let numberRows = keyNumbers(context, &doc)
        doc.table(["Figure", "Value", "How it is derived"], numberRows)

        doc.heading(2, "Topology")
        doc.paragraph("The VPC with its availability zones, subnets by tier, gateways and load balancers; edges show "
                      + "where the default and corporate routes lead. Details: "
                      + context.link("Network", page: "network") + " and " + context.link("Routing", page: "routing") + ".")
        doc.diagram(context.diagram("topology"), caption: "Topology of \(env.name)")

        doc.heading(2, "Pages of this environment")
        doc.bullets(pages.map { "\(context.link($0.title, page: $0.slug)): \(MD.text($0.about))." })
        return doc.page(path: context.path(slug), title: title)
    }

    /// One sentence: the cluster, the region and the VPCs.
    static func summary(_ context: PageContext) -> String {
        let env = context.env
        let region = env.region.map { " in \(MD.text($0))" } ?? ""
        let vpcs = env.vpcs.map { vpc in
            (vpc.name.map { "\(MD.text($0)) (\(NetworkText.code(vpc.id)))" } ?? NetworkText.code(vpc.id))
        }
        let network = vpcs.isEmpty ? "" : ", in VPC " + vpcs.joined(separator: " and ")
        guard let cluster = env.cluster else {
            return "Environment \(MD.text(env.name))\(region)\(network). No EKS cluster is described in its inputs."
        }
        let version = cluster.version.map { " (Kubernetes \(MD.text($0)))" } ?? ""
        return "Environment \(MD.text(env.name)) runs the EKS cluster \(NetworkText.code(cluster.name))\(version)\(region)\(network). "
            + "Every figure below is computed from the environment's input files, listed at the end of the page."
    }

    static func glance(_ context: PageContext, _ doc: inout PageDocument) -> [[String]] {
        let env = context.env
        var rows: [[String]] = [["Region", MD.cell(env.region)]]
        for vpc in env.vpcs {
            doc.source(vpc.source)
            let cidrs = vpc.cidrs.enumerated().map { i, cidr in "\(NetworkText.code(cidr)) (\(i == 0 ? "primary" : "secondary"))" }
                + vpc.ipv6Cidrs.map { "\(NetworkText.code($0)) (IPv6)" }
            let name = vpc.name.map { "\(MD.text($0)) (\(NetworkText.code(vpc.id)))" } ?? NetworkText.code(vpc.id)
            rows.append(["VPC", name + (cidrs.isEmpty ? "" : ": " + cidrs.joined(separator: ", "))])
        }
        let zones = Set(env.subnets.compactMap(\.az)).sorted()
        rows.append(["Availability zones", zones.isEmpty ? "—" : zones.map(MD.text).joined(separator: ", ")])
        guard let cluster = env.cluster else {
            rows.append(["EKS cluster", "none in the inputs"])
            return rows
        }
        doc.source(cluster.source)
        let status = [cluster.status, cluster.platformVersion.map { "platform \($0)" }].compactMap { $0 }
        let state = status.isEmpty ? "" : " (\(MD.text(status.joined(separator: ", "))))"
        rows.append(["EKS cluster", NetworkText.code(cluster.name) + state])
        rows.append(["Kubernetes version", MD.cell(cluster.version)])
        rows.append(["API endpoint", endpoint(cluster)])
        rows.append(["Service CIDR", cluster.serviceCidr.map(NetworkText.code) ?? "—"])
        return rows
    }

    /// Public and private endpoint access in words.
    static func endpoint(_ cluster: Cluster) -> String {
        var parts: [String] = []
        switch cluster.endpointPublic {
        case true?:
            let cidrs = cluster.publicAccessCidrs ?? []
            let open = cidrs.contains("0.0.0.0/0") ? " — open to the whole internet" : ""
            let from = cidrs.isEmpty ? "" : " from " + cidrs.map(NetworkText.code).joined(separator: ", ")
            parts.append("public access on\(from)\(open)")
        case false?: parts.append("public access off")
        case nil: parts.append("public access unknown")
        }
        switch cluster.endpointPrivate {
        case true?: parts.append("private access on (nodes reach the API inside the VPC)")
        case false?: parts.append("private access off (nodes reach the API through its public address)")
        case nil: parts.append("private access unknown")
        }
        return parts.joined(separator: "; ")
    }

    static func keyNumbers(_ context: PageContext, _ doc: inout PageDocument) -> [[String]] {
        let facts = context.facts, env = context.env
        let totals = facts.tierTotals
        let tiers = Tier.allCases.map { tier in
            "\(MD.number(totals[tier]?.subnets ?? 0)) \(NetworkText.tierName(tier).lowercased())"
        }
        doc.sources(env.subnets.map(\.source))
        var rows: [[String]] = [
            ["Subnets by tier", tiers.joined(separator: ", "),
             "tier from each subnet's route table: internet-gateway route = public, other default route = private, none = isolated"],
        ]
        let usable = Tier.allCases.map { tier in
            "\(MD.number(totals[tier]?.usable ?? 0)) \(NetworkText.tierName(tier).lowercased())"
        }
        rows.append(["Usable addresses by tier", usable.joined(separator: ", "),
                     "usable = 2^(32-prefix) - 5 per subnet (AWS reserves 5), summed per tier"])
        doc.sources(env.routeTables.map(\.source))
        if let pods = facts.capacity.podCapacity {
            doc.source(env.cni?.source)
            doc.sources(env.kubernetes.filter { $0.eniConfig != nil || $0.nodePool != nil }.map(\.source))
            let headline = "\(MD.number(pods.value)) pods, limited by \(pods.limitedBy)."
            let explanation = pods.explanation.hasPrefix(headline)
                ? String(pods.explanation.dropFirst(headline.count)).trimmingCharacters(in: .whitespaces) : pods.explanation
            rows.append(["Pod capacity", "\(MD.number(pods.value)) pods, limited by \(MD.text(pods.limitedBy))",
                         MD.text(explanation) + " Details: " + context.link("CNI and capacity", page: "cni-capacity") + "."])
        } else {
            rows.append(["Pod capacity", "unknown", "neither the pod subnets nor the node groups give a limit"])
        }
        for group in env.nodeGroups {
            doc.source(group.source)
            rows.append(["Node group " + NetworkText.code(group.name), nodeGroup(group, facts),
                         "scaling settings of the node group; pods per node = recommended max pods for its instance type"])
        }
        rows.append(["Load balancers", loadBalancers(env, &doc), "counted from the load balancers in the inputs, by scheme"])
        rows.append(["Findings", findings(facts, context), "rule checks over the facts above"])
        return rows
    }

    static func nodeGroup(_ group: NodeGroup, _ facts: EnvironmentFacts) -> String {
        let types = group.instanceTypes.isEmpty ? "instance type unknown" : group.instanceTypes.map(MD.text).joined(separator: ", ")
        let sizes = [group.min.map { "min \($0)" }, group.desired.map { "desired \($0)" }, group.max.map { "max \($0)" }]
            .compactMap { $0 }.joined(separator: ", ")
        var text = types + (sizes.isEmpty ? "" : "; " + sizes)
        if let pods = facts.capacity.nodeGroups.first(where: { $0.name == group.name })?.recommendedMaxPods {
            text += "; \(MD.number(pods)) pods per node"
        }
        return text
    }

    static func loadBalancers(_ env: Environment, _ doc: inout PageDocument) -> String {
        guard !env.loadBalancers.isEmpty else { return "none" }
        var byScheme: [String: Int] = [:]
        for lb in env.loadBalancers {
            doc.source(lb.source)
            byScheme[lb.scheme ?? "scheme unknown", default: 0] += 1
        }
        return byScheme.keys.sorted().map { "\(MD.number(byScheme[$0]!)) \(MD.text($0))" }.joined(separator: ", ")
    }

    static func findings(_ facts: EnvironmentFacts, _ context: PageContext) -> String {
        let counts = [Severity.error, .warning, .note].map { severity in
            NetworkText.count(facts.findings.filter { $0.severity == severity }.count, severity.rawValue)
        }
        return counts.joined(separator: ", ") + " (" + context.link("Findings", page: "findings") + ")"
    }
}
