import EKSDocModel

/// Egress of the private subnets leaves through NAT gateways or appliances that all sit in one AZ:
/// losing that AZ cuts every other AZ off the internet.
public enum SingleAZEgressRule: FindingRule {
    public static let id = "single-az-egress"
    public static let summary = "Private subnets in several AZs send their default route through NAT gateways or appliances in one AZ."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        var byVPC: [String: (subnetAZs: Set<String>, targetAZs: Set<String>, targets: Set<String>, source: SourceLocation?)] = [:]
        for r in c.routing where r.tier == .private {
            guard let route = r.defaultRoute, route.kind == .natGateway || route.kind == .instance || route.kind == .networkInterface,
                  let subnet = c.env.subnet(r.subnet), let az = subnet.az else { continue }
            let targetAZ = zone(ofTarget: route.target, kind: route.kind, env: c.env)
            var entry = byVPC[subnet.vpc ?? "", default: ([], [], [], nil)]
            entry.subnetAZs.insert(az)
            if let targetAZ { entry.targetAZs.insert(targetAZ) }
            entry.targets.insert(route.target)
            entry.source = entry.source ?? subnet.source
            byVPC[subnet.vpc ?? ""] = entry
        }
        return byVPC.keys.sorted().compactMap { vpc in
            let e = byVPC[vpc]!
            guard e.subnetAZs.count > 1, e.targetAZs.count == 1, let only = e.targetAZs.first else { return nil }
            return Finding(id: id, severity: .warning, entity: vpc.isEmpty ? e.targets.sorted().joined(separator: ", ") : vpc,
                           message: "private subnets in \(e.subnetAZs.count) AZs (\(e.subnetAZs.sorted().joined(separator: ", "))) egress through \(e.targets.sorted().joined(separator: ", ")) in \(only) only",
                           hint: "Run a NAT gateway (or appliance) per AZ and point each AZ's route table at its own, or accept the cross-AZ dependency knowingly.",
                           source: e.source)
        }
    }

    static func zone(ofTarget target: String, kind: RouteTargetKind, env: Environment) -> String? {
        switch kind {
        case .natGateway:
            return env.natGateways.first { $0.id == target }?.subnet.flatMap { env.subnet($0)?.az }
        case .instance:
            guard let instance = env.instances.first(where: { $0.id == target }) else { return nil }
            return instance.az ?? instance.subnet.flatMap { env.subnet($0)?.az }
        default:
            return nil
        }
    }
}

/// A route whose target no longer exists drops traffic.
public enum BlackholeRouteRule: FindingRule {
    public static let id = "blackhole-route"
    public static let summary = "A route is in state blackhole: its target is gone and matching traffic is dropped."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        c.env.routeTables.flatMap { table in
            table.routes.filter { $0.state == "blackhole" }.map { route in
                Finding(id: id, severity: .warning, entity: table.id,
                        message: "route \(route.destination) -> \(route.target) in \(table.id) is a blackhole",
                        hint: "Delete the route or point it at a live target; check whether the NAT gateway, instance or attachment was removed.",
                        source: route.source)
            }
        }
    }
}

/// Two VPCs whose CIDRs overlap cannot be peered or routed to each other cleanly.
public enum OverlappingVPCRule: FindingRule {
    public static let id = "overlapping-vpc-cidrs"
    public static let summary = "Two VPCs have overlapping IPv4 CIDR blocks."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        let blocks = c.env.vpcs.flatMap { vpc in vpc.cidrs.compactMap { IPv4Network($0).map { (vpc, $0) } } }
        var findings: [Finding] = []
        for (i, a) in blocks.enumerated() {
            for b in blocks[(i + 1)...] where a.0.id != b.0.id && a.1.overlaps(b.1) {
                findings.append(Finding(id: id, severity: .warning, entity: "\(a.0.id), \(b.0.id)",
                                        message: "\(a.0.id) \(a.1) overlaps \(b.0.id) \(b.1)",
                                        hint: "Overlapping VPCs cannot be peered or share a transit gateway route; plan distinct ranges.",
                                        source: b.0.source))
            }
        }
        return findings
    }
}

/// `AvailableIpAddressCount` larger than the subnet can hold: the snapshot is synthetic or wrong.
public enum ImpossibleFreeCountRule: FindingRule {
    public static let id = "impossible-free-count"
    public static let summary = "A subnet reports more free addresses than it can hold (AvailableIpAddressCount > 2^(32-prefix) - 5)."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        c.addresses.subnets.filter(\.freeNowImpossible).map { facts in
            Finding(id: id, severity: .warning, entity: facts.subnet,
                    message: "\(facts.subnet) (\(facts.cidr ?? "?")) reports \(facts.freeNow ?? 0) free addresses but holds at most \(facts.usable ?? 0)",
                    hint: "Re-take the snapshot with `aws ec2 describe-subnets`; the free count is not used as capacity.",
                    source: c.env.subnet(facts.subnet)?.source)
        }
    }
}

/// Every drift item between declared and live sources.
public enum DriftRule: FindingRule {
    public static let id = "drift"
    public static let summary = "A declared value (tfvars, eksctl, manifest) differs from the live one (snapshot, state)."

    public static func check(_ c: AnalysisContext) -> [Finding] {
        c.env.drift.map { item in
            Finding(id: id, severity: .warning, entity: item.entity,
                    message: "\(item.entity) \(item.field): declared \(item.declared) (\(item.declaredAt)) but live \(item.live) (\(item.liveAt))",
                    hint: "Apply the declaration, or update it to match what runs.",
                    source: item.declaredAt)
        }
    }
}
