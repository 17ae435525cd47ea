import EKSDocAnalysis
import EKSDocModel

/// `cni-capacity.md`: the VPC CNI settings, ENIConfigs, max pods per node with formulas, pod and node capacity,
/// the service CIDR and the capacity chart.
public enum CNICapacityPage: EnvironmentPageBuilder {
    public static let slug = "cni-capacity"
    public static let title = "CNI and capacity"
    public static let order = 60

    public static func build(_ context: PageContext) -> Page {
        var doc = PageDocument(title: title)
        let capacity = context.facts.capacity
        var intro = "How the Amazon VPC CNI gives pods their addresses in \(MD.text(context.env.name)), how many pods "
            + "each node and the whole cluster can run, and where those limits come from. Mode in force: "
            + "**\(MD.text(capacity.mode.title))**."
        if let pods = capacity.podCapacity { intro += " Pod capacity: **\(MD.number(pods.value)) pods**." }
        doc.paragraph(intro)
        settings(context, &doc)
        prefixDelegation(context, &doc)
        eniConfigs(context, &doc)
        maxPods(context, &doc)
        podCapacity(context, &doc)
        nodeCapacity(context, &doc)
        serviceCidr(context, &doc)
        if !capacity.podSubnets.isEmpty || !capacity.nodeSubnets.isEmpty {
            doc.heading(2, "Capacity chart")
            doc.diagram(context.diagram("capacity"), caption: "Pod and node subnets of \(context.env.name): capacity, used and free")
        }
        if !capacity.notes.isEmpty {
            doc.heading(2, "Notes")
            doc.bullets(capacity.notes.map(MD.text))
        }
        return doc.page(path: context.path(slug), title: title)
    }

    static func settings(_ context: PageContext, _ doc: inout PageDocument) {
        doc.heading(2, "VPC CNI settings")
        let cni = context.env.cni
        let values = cni?.settings ?? [:]
        if let cni {
            doc.source(cni.source)
            doc.paragraph("From the environment of the `aws-node` container (DaemonSet `kube-system/aws-node`). "
                          + "Settings that are not set take the CNI's default.")
        } else {
            doc.paragraph("The inputs hold no `aws-node` settings, so the CNI defaults below are assumed.")
        }
        let rows: [[String]] = CNISetting.known.map { setting in
            let value: String
            if let raw = values[setting.name] {
                value = SecretPolicy.shouldWithhold(name: setting.name, value: raw) ? "(withheld)" : MD.code(raw)
            } else {
                value = setting.whenUnset == "not set" ? "not set" : "not set (default \(setting.whenUnset))"
            }
            return [MD.code(setting.name), value, setting.meaning,
                    MD.cell(CNISetting.effect(setting.name, values))]
        }
        doc.table(["Setting", "Value", "What it does", "Here"], rows)
        let known = Set(CNISetting.known.map(\.name))
        let others = values.keys.filter { !known.contains($0) }.sorted().map { name -> String in
            let raw = values[name] ?? ""
            return SecretPolicy.shouldWithhold(name: name, value: raw) ? "\(MD.code(name)) (withheld)" : MD.code("\(name)=\(raw)")
        }
        if !others.isEmpty { doc.paragraph("Other `aws-node` settings: " + others.joined(separator: ", ") + ".") }
    }

    static func eniConfigs(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        let configs = env.kubernetes.filter { $0.eniConfig != nil }.sorted { $0.name < $1.name }
        let custom = context.facts.capacity.mode.customNetworking
        guard !configs.isEmpty || custom else { return }
        doc.heading(2, "ENIConfigs")
        guard !configs.isEmpty else {
            doc.callout("WARNING", "Custom networking is on but the inputs hold no ENIConfig: nodes cannot attach "
                        + "secondary ENIs, so pods beyond the host-network ones get no address.")
            return
        }
        let label = env.cni?.settings[CNISetting.labelDef] ?? "k8s.amazonaws.com/eniConfig"
        let byZone = label == CNISetting.zoneLabel
        doc.paragraph(custom
            ? "Each node's secondary ENIs use the subnet and security groups of its ENIConfig"
                + (byZone ? ", chosen by the node's zone label." : ", named by the node's \(MD.code(label)) label.")
            : "Custom networking is off, so these ENIConfigs are not used.")
        var warnings: [String] = []
        let rows: [[String]] = configs.map { object in
            doc.source(object.source)
            let spec = object.eniConfig!
            let subnet = spec.subnet.flatMap { env.subnet($0) }
            if let subnet { doc.source(subnet.source) }
            if byZone, let az = subnet?.az, az != object.name {
                warnings.append("ENIConfig \(MD.code(object.name)) points at a subnet in \(MD.code(az)); nodes of zone "
                                + "\(MD.code(object.name)) would attach ENIs in another zone, which fails.")
            }
            let groups = spec.securityGroups.isEmpty ? "— (the node's groups)" : spec.securityGroups.map { context.groupLabel($0) }.joined(separator: ", ")
            return [MD.code(object.name), spec.subnet.map { context.subnetLabel($0) } ?? "—", MD.cell(subnet?.az),
                    subnet?.cidr.map { MD.code($0) } ?? "—", groups]
        }
        doc.table(["ENIConfig", "Pod subnet", "Subnet zone", "CIDR", "Security groups"], rows)
        if byZone && custom {
            let zones = Set(context.facts.capacity.nodeSubnets.compactMap(\.az))
            let missing = zones.subtracting(configs.map(\.name)).sorted()
            if !missing.isEmpty {
                warnings.append("Nodes can start in \(EKSText.codes(missing)) but no ENIConfig is named after that zone.")
            }
        }
        for warning in warnings { doc.callout("WARNING", warning) }
    }

    static func maxPods(_ context: PageContext, _ doc: inout PageDocument) {
        let capacity = context.facts.capacity
        guard !capacity.nodeGroups.isEmpty else { return }
        doc.heading(2, "Max pods per node")
        doc.paragraph("Each instance type in every CNI mode, with the formula and its numbers; the row in force in "
                      + "this environment is in bold. ENIs and addresses per ENI come from the instance type.")
        var rows: [[String]] = []
        var capped: [String] = []
        for group in capacity.nodeGroups {
            let modes = MaxPodsMode.allCases
            for (index, figure) in group.allModes.enumerated() {
                // allModes lists each type in all four modes, in MaxPodsMode.allCases order.
                let requested = modes[index % modes.count].title
                let inForce = group.maxPods.contains(figure)
                let mode = inForce ? "**\(MD.text(requested))** (in force)" : MD.text(requested)
                let value = inForce ? "**\(MD.number(figure.recommended))**" : MD.number(figure.recommended)
                rows.append([MD.code(group.name), MD.code(figure.instanceType), mode, MD.code(figure.formula), value])
                if inForce && figure.byFormula > figure.recommended {
                    capped.append("\(MD.code(figure.instanceType)) gives \(MD.number(figure.byFormula)) by the formula and "
                                  + "is capped at \(MD.number(figure.recommended))")
                }
            }
            if !group.unknownInstanceTypes.isEmpty {
                doc.callout("NOTE", "Node group \(MD.code(group.name)): no ENI data for \(EKSText.codes(group.unknownInstanceTypes)), "
                            + "so its max pods are unknown.")
            }
        }
        doc.table(["Node group", "Instance type", "Mode", "Formula", "Max pods"], rows,
                  align: [.left, .left, .left, .left, .right])
        var rule = "The EKS max-pods calculator caps the formula at \(MaxPods.lowCPUCap) pods for instance types with "
            + "\(MaxPods.lowCPUThreshold) vCPUs or fewer and at \(MaxPods.highCPUCap) above, with or without prefix "
            + "delegation; the figures above are those recommendations."
        if !capped.isEmpty { rule += " Here " + capped.joined(separator: "; ") + "." }
        doc.paragraph(rule)
        if capacity.nodeGroups.flatMap(\.maxPods).contains(where: \.prefixDelegationIgnored) {
            doc.callout("NOTE", "Prefix delegation needs a Nitro instance type; on the Xen types above the CNI hands "
                        + "out single addresses instead.")
        }
        for group in context.env.nodeGroups { doc.source(group.source) }
        for info in context.env.instanceTypes { doc.source(info.source) }
    }
}
