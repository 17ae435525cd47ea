import EKSDocAnalysis
import EKSDocModel

/// The gateways section of the network page: internet gateways, NAT gateways, routing appliances and VPC
/// endpoints.
enum NetworkGateways {
    static func section(_ context: PageContext, _ doc: inout PageDocument) {
        doc.heading(2, "Gateways and endpoints")
        internetGateways(context, &doc)
        natGateways(context, &doc)
        appliances(context, &doc)
        endpoints(context, &doc)
    }

    static func internetGateways(_ context: PageContext, _ doc: inout PageDocument) {
        doc.heading(3, "Internet gateways")
        let gateways = context.env.internetGateways
        guard !gateways.isEmpty else {
            doc.paragraph("None: no subnet can reach the internet directly.")
            return
        }
        var rows: [[String]] = []
        for igw in gateways {
            doc.source(igw.source)
            let users = context.facts.routing.filter { $0.defaultRoute?.target == igw.id }.map(\.subnet)
            rows.append([NetworkText.code(igw.id), MD.cell(igw.name), NetworkText.codes(igw.vpcs, none: "detached"),
                         users.isEmpty ? "none" : NetworkText.count(users.count, "subnet")])
        }
        doc.table(["Gateway", "Name", "Attached to", "Default route of"], rows, align: [.left, .left, .left, .right])
    }

    static func natGateways(_ context: PageContext, _ doc: inout PageDocument) {
        doc.heading(3, "NAT gateways")
        let env = context.env
        guard !env.natGateways.isEmpty else {
            let egress = Set(context.facts.routing.filter { $0.tier == .private }.compactMap { $0.defaultRoute?.target }).sorted()
            let via = egress.map { target in NetworkText.target(target, kind: RouteTargetKind.of(target), env: env) }
            let instead = via.isEmpty ? "" : " Private subnets leave the VPC through " + via.joined(separator: ", ") + " instead."
            doc.paragraph("None." + instead)
            return
        }
        var rows: [[String]] = []
        for nat in env.natGateways {
            doc.source(nat.source)
            let subnet = nat.subnet.flatMap { env.subnet($0) }
            let users = context.facts.routing.filter { $0.defaultRoute?.target == nat.id }.map(\.subnet)
            rows.append([NetworkText.code(nat.id), MD.cell(nat.name), nat.subnet.map(context.subnetLabel) ?? "—",
                         MD.cell(subnet?.az), MD.cell(nat.connectivity), NetworkText.codes(nat.publicIps),
                         NetworkText.codes(nat.privateIps),
                         users.isEmpty ? "none" : users.map(context.subnetLabel).joined(separator: ", ")])
        }
        doc.table(["NAT gateway", "Name", "Subnet", "AZ", "Connectivity", "Public IP", "Private IP", "Default route of"], rows)
        let zones = Set(env.natGateways.compactMap { $0.subnet.flatMap { env.subnet($0)?.az } })
        if zones.count > 1 {
            doc.paragraph("One NAT gateway per AZ (\(zones.sorted().map(MD.text).joined(separator: ", "))): "
                          + "losing one AZ does not cut the others off the internet.")
        }
    }

    /// Instances and network interfaces that route tables send traffic to (Aviatrix gateways, firewalls, NAT instances).
    static func appliances(_ context: PageContext, _ doc: inout PageDocument) {
        let env = context.env
        var targets: [String: Int] = [:]
        for table in env.routeTables {
            for route in table.routes where route.targetKind == .instance || route.targetKind == .networkInterface {
                targets[route.target, default: 0] += 1
            }
        }
        guard !targets.isEmpty else { return }
        doc.heading(3, "Routing appliances")
        doc.paragraph("Instances or network interfaces that route tables send traffic to. Their traffic is forwarded by "
                      + "software on the instance, so the instance must have source/destination checking turned off.")
        var rows: [[String]] = []
        for target in targets.keys.sorted() {
            let instance = env.instances.first { $0.id == target }
            if let instance { doc.source(instance.source) }
            let check: String = switch instance?.sourceDestCheck {
            case false?: "off (forwards traffic)"
            case true?: "⚠️ on: forwarded traffic is dropped"
            case nil: "—"
            }
            rows.append([NetworkText.code(target), MD.cell(instance?.name), MD.cell(instance?.az),
                         instance?.subnet.map(context.subnetLabel) ?? "—", instance?.privateIp.map(NetworkText.code) ?? "—",
                         instance?.publicIp.map(NetworkText.code) ?? "—", check, NetworkText.count(targets[target]!, "route")])
        }
        doc.table(["Target", "Name", "AZ", "Subnet", "Private IP", "Public IP", "Source/dest check", "Routes to it"], rows)
    }

    static func endpoints(_ context: PageContext, _ doc: inout PageDocument) {
        doc.heading(3, "VPC endpoints")
        let endpoints = context.env.vpcEndpoints
        guard !endpoints.isEmpty else {
            doc.paragraph("None: traffic to AWS services (ECR, S3, STS ...) follows the default route.")
            return
        }
        var rows: [[String]] = []
        for endpoint in endpoints {
            doc.source(endpoint.source)
            let placement = endpoint.type.lowercased() == "gateway"
                ? endpoint.routeTables.map { NetworkText.routeTableLink($0, context) }
                : endpoint.subnets.map(context.subnetLabel)
            rows.append([NetworkText.code(endpoint.id), MD.cell(endpoint.service), MD.cell(endpoint.type),
                         placement.isEmpty ? "—" : placement.joined(separator: ", "),
                         NetworkText.codes(endpoint.securityGroups),
                         endpoint.privateDns.map { $0 ? "on" : "off" } ?? "—"])
        }
        doc.table(["Endpoint", "Service", "Type", "Route tables or subnets", "Security groups", "Private DNS"], rows)
    }
}
