import EKSDocAnalysis
import EKSDocModel

extension CNICapacityPage {
    /// Pod subnets, their usable addresses and /28 blocks, the node limit and the resulting pod capacity.
    static func podCapacity(_ context: PageContext, _ doc: inout PageDocument) {
        let capacity = context.facts.capacity
        doc.heading(2, "Pod capacity")
        let prefixes = capacity.podPrefixAddresses != nil
        let origin = capacity.podSubnetSource == "eniConfig"
            ? "With custom networking pods take their addresses from the ENIConfig subnets."
            : "Without custom networking pods take their addresses from the node groups' subnets, shared with the nodes."
        var text = origin + " AWS reserves 5 addresses in every subnet."
        if prefixes {
            text += " With prefix delegation only whole free /28 blocks (16 addresses each) can be handed out, so the "
                + "figure that counts is the addresses in those blocks."
        }
        doc.paragraph(text)
        if capacity.podSubnets.isEmpty {
            doc.paragraph("No pod subnet is known.")
        } else {
            var headers = ["Subnet", "Zone", "CIDR", "Usable addresses", "Free now"]
            var align: [MD.Align] = [.left, .left, .left, .right, .right]
            if prefixes { headers += ["Whole /28 blocks", "Addresses in /28 blocks"]; align += [.right, .right] }
            headers.append("Used by")
            align.append(.left)
            var rows = capacity.podSubnets.map { subnetRow($0, context, prefixes: prefixes, &doc) }
            var total = ["**Total**", "", "", "**\(MD.number(capacity.podAddresses))**", freeTotal(capacity.podSubnets, context)]
            if prefixes {
                let blocks = capacity.podSubnets.compactMap(\.prefixBlocks).reduce(0, +)
                total += ["**\(MD.number(blocks))**", "**\(MD.number(capacity.podPrefixAddresses ?? 0))**"]
            }
            total.append("")
            rows.append(total)
            doc.table(headers, rows, align: align)
        }
        let limits = capacity.nodeGroups.map { group -> String in
            guard let limit = group.podLimit else {
                return "\(MD.code(group.name)): unknown (" + (group.maxNodes == nil ? "no maximum size" : "no known instance type") + ")"
            }
            return "\(MD.code(group.name)): \(EKSText.number(group.maxNodes)) nodes × \(EKSText.number(group.recommendedMaxPods)) "
                + "pods = \(MD.number(limit)) pods"
        }
        if !limits.isEmpty {
            doc.paragraph("Node limit (each group's maximum size × the lowest max pods among its instance types):")
            doc.bullets(limits)
        }
        guard let pods = capacity.podCapacity else {
            doc.paragraph("The pod capacity is unknown: neither the pod subnets nor the node groups give a limit.")
            return
        }
        let limitedBy = pods.limitedBy == "nodes" ? "the nodes" : "the pod subnets' addresses"
        doc.paragraph("**Pod capacity: \(MD.number(pods.value)) pods**, limited by \(limitedBy) "
                      + "(address limit \(EKSText.number(pods.addressLimit)), node limit \(EKSText.number(pods.nodeLimit))).")
        doc.paragraph("How it is computed: " + MD.text(pods.explanation))
    }

    /// Node subnets and their usable addresses.
    static func nodeCapacity(_ context: PageContext, _ doc: inout PageDocument) {
        let capacity = context.facts.capacity
        guard !capacity.nodeSubnets.isEmpty else { return }
        doc.heading(2, "Node capacity")
        doc.paragraph("Nodes take their primary address from these subnets (node groups, then the subnets Karpenter "
                      + "EC2NodeClasses select): \(MD.number(capacity.nodeAddresses)) usable addresses in "
                      + "\(EKSText.count(capacity.nodeSubnets.count, "subnet")).")
        var rows = capacity.nodeSubnets.map { subnetRow($0, context, prefixes: false, &doc) }
        rows.append(["**Total**", "", "", "**\(MD.number(capacity.nodeAddresses))**", freeTotal(capacity.nodeSubnets, context), ""])
        doc.table(["Subnet", "Zone", "CIDR", "Usable addresses", "Free now", "Used by"], rows,
                  align: [.left, .left, .left, .right, .right, .left])
    }

    /// The service CIDR's size and its well-known addresses.
    static func serviceCidr(_ context: PageContext, _ doc: inout PageDocument) {
        doc.heading(2, "Service CIDR")
        guard let service = context.facts.capacity.serviceCidr else {
            let raw = context.env.cluster?.serviceCidr
            doc.paragraph(raw.map { "The service CIDR is \(MD.code($0)) (not an IPv4 range, so not sized here)." }
                          ?? "The inputs do not give the cluster's service CIDR.")
            return
        }
        if let cluster = context.env.cluster { doc.source(cluster.source) }
        doc.paragraph("ClusterIPs of Services come from \(MD.code(service.cidr)), a range only kube-proxy knows: it is "
                      + "not routed in the VPC and uses no subnet address. \(MD.text(service.summary)).")
        doc.table(["Address", "Used by"], [
            [MD.code(service.kubernetesServiceIP), "the `kubernetes` Service (API server) in `default`"],
            [MD.code(service.dnsServiceIP), "the `kube-dns` Service (CoreDNS) in `kube-system`"],
        ])
    }

    private static func subnetRow(_ subnet: SubnetCapacity, _ context: PageContext, prefixes: Bool,
                                  _ doc: inout PageDocument) -> [String] {
        if let model = context.env.subnet(subnet.subnet) { doc.source(model.source) }
        var row = [context.subnetLabel(subnet.subnet), MD.cell(subnet.az), subnet.cidr.map { MD.code($0) } ?? "—",
                   EKSText.number(subnet.usableAddresses), freeNow(subnet.subnet, context)]
        if prefixes { row += [EKSText.number(subnet.prefixBlocks), EKSText.number(subnet.prefixAddresses)] }
        row.append(subnet.usedBy.isEmpty ? "—" : subnet.usedBy.map(MD.text).joined(separator: ", "))
        return row
    }

    /// `AvailableIpAddressCount` from the snapshot, flagged when it exceeds the subnet's capacity.
    private static func freeNow(_ id: String, _ context: PageContext) -> String {
        guard let facts = context.facts.addresses.subnet(id), let free = facts.freeNow else { return "—" }
        return facts.freeNowImpossible ? "\(MD.number(free)) (impossible: more than usable)" : MD.number(free)
    }

    private static func freeTotal(_ subnets: [SubnetCapacity], _ context: PageContext) -> String {
        let values = subnets.compactMap { context.facts.addresses.subnet($0.subnet) }.filter { !$0.freeNowImpossible }
            .compactMap(\.freeNow)
        return values.isEmpty || values.count != subnets.count ? "" : "**\(MD.number(values.reduce(0, +)))**"
    }
}
