import EKSDocAnalysis
import EKSDocModel

/// `cluster.md`: the EKS control plane (version, endpoint access, service CIDR, OIDC, logging, security groups,
/// subnets), its add-ons and node groups, workload identities and Karpenter.
public enum ClusterPage: EnvironmentPageBuilder {
    public static let slug = "cluster"
    public static let title = "Cluster"
    public static let order = 50

    /// The control-plane log types EKS can send to CloudWatch Logs.
    static let logTypes = ["api", "audit", "authenticator", "controllerManager", "scheduler"]

    public static func build(_ context: PageContext) -> Page {
        var doc = PageDocument(title: title)
        let env = context.env
        if let cluster = env.cluster {
            doc.source(cluster.source)
            doc.paragraph("The EKS cluster \(MD.code(cluster.name)) of \(MD.text(env.name)): its control plane, "
                          + "add-ons, node groups, workload identities and autoscaling. Pod and node capacity are on "
                          + "\(context.link("CNI and capacity", page: CNICapacityPage.slug)).")
            controlPlane(cluster, context, &doc)
            endpoint(cluster, context, &doc)
            logging(cluster, &doc)
            subnets(cluster, context, &doc)
        } else {
            doc.paragraph("No EKS cluster is described in the inputs of \(MD.text(env.name)) (no `eks describe-cluster` "
                          + "snapshot, Terraform state or eksctl ClusterConfig).")
        }
        addons(context, &doc)
        nodeGroups(context, &doc)
        identities(context, &doc)
        karpenter(context, &doc)
        return doc.page(path: context.path(slug), title: title)
    }

    static func controlPlane(_ cluster: Cluster, _ context: PageContext, _ doc: inout PageDocument) {
        doc.heading(2, "Control plane")
        let service: String
        if let facts = context.facts.capacity.serviceCidr {
            service = "\(MD.code(facts.cidr)): \(MD.text(facts.summary)); CoreDNS (`kube-dns`) is \(MD.code(facts.dnsServiceIP))"
        } else {
            service = cluster.serviceCidr.map { MD.code($0) } ?? "unknown"
        }
        var groups = cluster.clusterSecurityGroup.map { context.groupLabel($0) } ?? "unknown"
        groups += " (created by EKS for the control plane's network interfaces; managed nodes without a custom launch template get it too)"
        let additional = cluster.securityGroups.isEmpty ? "none"
            : cluster.securityGroups.map { context.groupLabel($0) }.joined(separator: ", ")
        let rows: [[String]] = [
            ["Name", MD.code(cluster.name)],
            ["Kubernetes version", MD.cell(cluster.version)],
            ["Platform version", MD.cell(cluster.platformVersion)],
            ["Status", MD.cell(cluster.status)],
            ["ARN", cluster.arn.map { MD.code($0) } ?? "—"],
            ["Region", MD.cell(EKSText.region(context.env))],
            ["VPC", cluster.vpc.map { MD.code($0) } ?? "—"],
            ["IP family", MD.cell(cluster.ipFamily)],
            ["Service CIDR", service],
            ["OIDC issuer", cluster.oidcIssuer.map { MD.code($0) } ?? "none known (IRSA needs it)"],
            ["Cluster security group", groups],
            ["Additional security groups", additional],
        ]
        doc.table(["Setting", "Value"], rows)
    }

    static func endpoint(_ cluster: Cluster, _ context: PageContext, _ doc: inout PageDocument) {
        doc.heading(2, "Endpoint access")
        let cidrs = cluster.publicAccessCidrs ?? []
        let openToAll = cidrs.isEmpty || cidrs.contains("0.0.0.0/0")
        let cidrText = cidrs.isEmpty ? "any address (no CIDR list given)" : EKSText.codes(cidrs)
        doc.table(["Endpoint", "State", "Who can reach it"], [
            ["Public", EKSText.onOff(cluster.endpointPublic),
             cluster.endpointPublic == true ? cidrText : "nobody (off)"],
            ["Private", EKSText.onOff(cluster.endpointPrivate),
             cluster.endpointPrivate == true ? "the VPC and networks routed to it" : "nobody (off)"],
        ])
        var meaning: [String] = []
        switch (cluster.endpointPublic, cluster.endpointPrivate) {
        case (true, false):
            meaning.append("Only the public endpoint is on: `kubectl` and the nodes alike reach the API server at its "
                           + "public addresses. The nodes' requests leave the VPC through their subnets' default route, "
                           + "so that path must let HTTPS (443) out, or nodes cannot join the cluster.")
            var targets: [String] = []
            for subnet in context.facts.capacity.nodeSubnets {
                guard let route = context.facts.routing(of: subnet.subnet)?.defaultRoute else { continue }
                let text = "\(MD.code(route.target)) (\(MD.text(route.kind.rawValue)))"
                if !targets.contains(text) { targets.append(text) }
            }
            if !targets.isEmpty {
                meaning.append("Here the node subnets send 0.0.0.0/0 to \(targets.joined(separator: ", ")).")
            }
        case (true, true):
            meaning.append("Both endpoints are on: inside the VPC the API hostname resolves to the control plane's "
                           + "network interfaces in the cluster subnets, so nodes stay on the private path; from "
                           + "anywhere else it resolves to the public endpoint.")
        case (false, true):
            meaning.append("Only the private endpoint is on: the API server answers only inside the VPC and on "
                           + "networks routed to it (peering, transit gateway, VPN); `kubectl` from elsewhere needs a "
                           + "bastion or a VPN. The cluster security group must allow 443 from those clients.")
        case (false, false):
            meaning.append("Both endpoints are reported off, which EKS does not allow; check the inputs.")
        default:
            meaning.append("The inputs do not say which endpoints are on.")
        }
        if cluster.endpointPublic == true {
            meaning.append(openToAll
                ? "The public endpoint accepts connections from any address; callers still need IAM credentials "
                    + "that the cluster maps to Kubernetes permissions."
                : "Only the listed ranges reach the public endpoint; when nodes use it, their egress addresses "
                    + "(NAT gateway or appliance public IPs) must be among them.")
        }
        doc.paragraph(meaning.joined(separator: " "))
    }

    static func logging(_ cluster: Cluster, _ doc: inout PageDocument) {
        doc.heading(2, "Control-plane logging")
        guard let enabled = cluster.logging else {
            doc.paragraph("The inputs do not say which control-plane log types are sent to CloudWatch Logs.")
            return
        }
        let missing = logTypes.filter { !enabled.contains($0) }
        var text = enabled.isEmpty ? "No control-plane log type is sent to CloudWatch Logs."
            : "Sent to CloudWatch Logs: \(EKSText.codes(enabled))."
        text += missing.isEmpty ? " Every log type is enabled." : " Not enabled: \(EKSText.codes(missing))."
        doc.paragraph(text)
    }

    static func subnets(_ cluster: Cluster, _ context: PageContext, _ doc: inout PageDocument) {
        doc.heading(2, "Cluster subnets")
        guard !cluster.subnets.isEmpty else {
            doc.paragraph("The inputs name no cluster subnets.")
            return
        }
        let rows: [[String]] = cluster.subnets.map { id in
            let subnet = context.env.subnet(id)
            if let subnet { doc.source(subnet.source) }
            let tier = context.facts.routing(of: id)?.tier.rawValue
            return [context.subnetLabel(id), MD.cell(subnet?.az), subnet?.cidr.map { MD.code($0) } ?? "—", MD.cell(tier)]
        }
        let zones = Set(cluster.subnets.compactMap { context.env.subnet($0)?.az })
        doc.paragraph("EKS places the control plane's network interfaces in these subnets; they must span at least two "
                      + "availability zones (here \(EKSText.count(zones.count, "zone"))).")
        doc.table(["Subnet", "Zone", "CIDR", "Tier"], rows)
    }

    static func addons(_ context: PageContext, _ doc: inout PageDocument) {
        let addons = context.env.addons.sorted { $0.name < $1.name }
        guard !addons.isEmpty else { return }
        doc.heading(2, "Add-ons")
        let rows: [[String]] = addons.map { addon in
            doc.source(addon.source)
            let role = addon.serviceAccountRole.map { "\(MD.code($0)) (IRSA)" } ?? "—"
            return [MD.code(addon.name), addon.version.map { MD.code($0) } ?? "—", MD.cell(addon.status), role]
        }
        doc.table(["Add-on", "Version", "Status", "IAM role"], rows)
    }

    static func nodeGroups(_ context: PageContext, _ doc: inout PageDocument) {
        let groups = context.env.nodeGroups
        guard !groups.isEmpty else { return }
        doc.heading(2, "Node groups")
        let capacity = context.facts.capacity.nodeGroups
        let sizes: [[String]] = groups.map { group in
            doc.source(group.source)
            let size = [group.min, group.desired, group.max].map { $0.map(String.init) ?? "?" }.joined(separator: " / ")
            let pods = capacity.first { $0.name == group.name }?.recommendedMaxPods
            let kind = group.managed.map { $0 ? "managed" : "self-managed" }
            return [MD.code(group.name), MD.cell(kind), EKSText.codes(group.instanceTypes), size,
                    MD.cell(group.capacityType), MD.cell(group.amiType),
                    group.diskSize.map { "\($0) GiB" } ?? "—", EKSText.number(pods)]
        }
        doc.table(["Node group", "Kind", "Instance types", "Min / desired / max", "Capacity type", "AMI type", "Disk",
                   "Max pods per node"], sizes, align: [.left, .left, .left, .center, .left, .left, .right, .right])
        let placement: [[String]] = groups.map { group in
            let subnets = group.subnets.isEmpty ? "—" : group.subnets.map { EKSText.subnet($0, context) }.joined(separator: "; ")
            let taints = group.taints.isEmpty ? "—" : group.taints.map(EKSText.taint).joined(separator: ", ")
            return [MD.code(group.name), subnets, EKSText.labels(group.labels), taints,
                    group.nodeRole.map { MD.code($0) } ?? "—"]
        }
        doc.table(["Node group", "Subnets", "Labels", "Taints", "Node IAM role"], placement)
        if groups.contains(where: { $0.taints.contains { $0.effect.uppercased().contains("NO_SCHEDULE") || $0.effect == "NoSchedule" } }) {
            doc.paragraph("A `NoSchedule` taint keeps every pod without a matching toleration off that group's nodes.")
        }
    }
}
