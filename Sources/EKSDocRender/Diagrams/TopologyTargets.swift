import EKSDocAnalysis
import EKSDocModel

/// The route targets and gateways of the topology diagram, each with its label and where it is drawn:
/// above the VPCs (internet, transit and VPN gateways, peering), inside a subnet (NAT gateways, appliance
/// instances) or loose in its VPC (network interfaces, endpoints, anything whose subnet is unknown).
struct TopologyTargets {
    enum Placement: Equatable {
        case outside
        case subnet(String)
        case vpc(String)
    }

    struct Target {
        var id: String
        var label: String
        var placement: Placement
        var attributes: [String: String]
    }

    private(set) var all: [Target] = []

    init(_ plan: TopologyPlan) {
        let env = plan.env
        var byID: [String: Target] = [:]
        for igw in env.internetGateways {
            byID[igw.id] = Target(id: igw.id, label: lines("Internet gateway", igw.name, igw.id),
                                  placement: .outside, attributes: TopologyTargets.gatewayStyle)
        }
        for nat in env.natGateways {
            byID[nat.id] = natTarget(nat, env: env, vpc: nat.vpc ?? "")
        }
        for block in plan.vpcs {
            for table in block.tables {
                for route in table.routes where route.targetKind != .local && byID[route.target] == nil {
                    byID[route.target] = target(route.target, kind: route.targetKind, env: env, vpc: block.id)
                }
            }
            for endpoint in env.vpcEndpoints where (endpoint.vpc ?? block.id) == block.id && byID[endpoint.id] == nil {
                byID[endpoint.id] = endpointTarget(endpoint, vpc: block.id)
            }
        }
        all = byID.keys.sorted().map { byID[$0]! }
    }

    func resident(in subnet: String) -> [Target] { all.filter { $0.placement == .subnet(subnet) } }
    func loose(in vpc: String) -> [Target] { all.filter { $0.placement == .vpc(vpc) } }
    var outside: [Target] { all.filter { $0.placement == .outside } }

    /// True when the node is drawn above the route tables (so edges to it point up).
    func isAbove(_ id: String) -> Bool { all.first { $0.id == id }?.placement == .outside }

    static let gatewayStyle = ["fillcolor": "#dbeafe", "color": "#1e40af"]
    static let applianceStyle = ["fillcolor": "#fff3cd", "color": "#b26a00", "style": "filled"]
    static let externalStyle = ["fillcolor": "#ede7f6", "color": "#4527a0"]
    static let missing = "(not in the inputs)"

    private func target(_ id: String, kind: RouteTargetKind, env: Environment, vpc: String) -> Target {
        switch kind {
        case .instance:
            guard let instance = env.instances.first(where: { $0.id == id }) else {
                return Target(id: id, label: lines("Routing appliance", id, TopologyTargets.missing),
                              placement: .vpc(vpc), attributes: TopologyTargets.applianceStyle)
            }
            let known = instance.subnet.flatMap { env.subnet($0) } != nil
            let check = instance.sourceDestCheck == false ? "source/dest check off" : nil
            return Target(id: id, label: lines("Routing appliance", instance.name, id, instance.privateIp, check),
                          placement: known ? .subnet(instance.subnet!) : .vpc(vpc),
                          attributes: TopologyTargets.applianceStyle)
        case .networkInterface:
            return Target(id: id, label: lines("Network interface (appliance)", id), placement: .vpc(vpc),
                          attributes: TopologyTargets.applianceStyle)
        case .vpcEndpoint:
            if let endpoint = env.vpcEndpoints.first(where: { $0.id == id }) { return endpointTarget(endpoint, vpc: vpc) }
            return Target(id: id, label: lines("Gateway VPC endpoint", id, TopologyTargets.missing), placement: .vpc(vpc),
                          attributes: TopologyTargets.gatewayStyle)
        case .natGateway:
            return Target(id: id, label: lines("NAT gateway", id, TopologyTargets.missing), placement: .vpc(vpc),
                          attributes: TopologyTargets.gatewayStyle)
        case .internetGateway:
            return Target(id: id, label: lines("Internet gateway", id, TopologyTargets.missing), placement: .outside,
                          attributes: TopologyTargets.gatewayStyle)
        default:
            return Target(id: id, label: lines(TopologyTargets.title(kind), DiagramText.shorten(id, to: 48)),
                          placement: .outside, attributes: TopologyTargets.externalStyle)
        }
    }

    private func natTarget(_ nat: NatGateway, env: Environment, vpc: String) -> Target {
        let placement: Placement = nat.subnet.flatMap { env.subnet($0) } != nil ? .subnet(nat.subnet!) : .vpc(vpc)
        let kind = nat.connectivity == "private" ? "NAT gateway (private)" : "NAT gateway"
        let address = nat.publicIps.first.map { "public IP \($0)" }
        return Target(id: nat.id, label: lines(kind, nat.name, nat.id, address), placement: placement,
                      attributes: TopologyTargets.gatewayStyle)
    }

    private func endpointTarget(_ endpoint: VpcEndpoint, vpc: String) -> Target {
        var service = endpoint.service
        if service.hasPrefix("com.amazonaws."), let region = service.split(separator: ".").dropFirst(2).first {
            service = String(service.dropFirst("com.amazonaws.\(region).".count))
        }
        let spread = endpoint.subnets.isEmpty ? nil : "in " + DiagramText.count(endpoint.subnets.count, "subnet")
        return Target(id: endpoint.id, label: lines("VPC endpoint (\(endpoint.type))", service, endpoint.id, spread),
                      placement: .vpc(vpc), attributes: TopologyTargets.gatewayStyle)
    }

    static func title(_ kind: RouteTargetKind) -> String {
        switch kind {
        case .transitGateway: "Transit gateway"
        case .vpcPeering: "VPC peering connection"
        case .virtualPrivateGateway: "Virtual private gateway (VPN / Direct Connect)"
        case .egressOnlyInternetGateway: "Egress-only internet gateway (IPv6 out)"
        case .localGateway: "Local gateway (Outposts)"
        case .carrierGateway: "Carrier gateway (Wavelength)"
        case .coreNetwork: "Cloud WAN core network"
        default: "Route target"
        }
    }

    private func lines(_ parts: String?...) -> String {
        parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
