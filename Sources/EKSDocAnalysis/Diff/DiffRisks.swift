import EKSDocModel

/// The risk notes of a diff: changes that can open access, move traffic or lose capacity.
public enum DiffRisks {
    /// Every risk id, with what it means.
    public static let all: [(id: String, summary: String)] = [
        ("new-open-rule", "a new ingress rule open to 0.0.0.0/0 or ::/0 (error on an admin or database port)"),
        ("default-route-changed", "a route table's default route (0.0.0.0/0 or ::/0) was added, removed or retargeted"),
        ("capacity-dropped", "pod capacity, a subnet's usable addresses or a node group's maximum went down"),
        ("public-endpoint-opened", "the cluster API endpoint became public, or its public CIDRs widened to 0.0.0.0/0"),
        ("subnet-removed", "a subnet was removed"),
        ("node-group-removed", "a node group was removed"),
        ("security-group-removed", "a security group was removed"),
    ]

    /// The risk ids, in the order of `all`.
    public static var ids: [String] { all.map(\.id) }

    static let anywhere: Set<String> = ["0.0.0.0/0", "::/0"]

    /// Environment, then severity (errors first), risk id, entity and message.
    static func order(_ a: RiskNote, _ b: RiskNote) -> Bool {
        if a.environment != b.environment { return a.environment < b.environment }
        if a.severity != b.severity { return a.severity > b.severity }
        return (a.risk, a.entity, a.message) < (b.risk, b.entity, b.message)
    }

    /// The risk notes for one environment present on both sides.
    public static func notes(old: Environment, new: Environment) -> [RiskNote] {
        var out: [RiskNote] = []
        func note(_ risk: String, _ severity: Severity, _ entity: String, _ message: String) {
            out.append(RiskNote(risk: risk, severity: severity, environment: new.name, entity: entity, message: message))
        }
        openRules(old: old, new: new, note)
        defaultRoutes(old: old, new: new, note)
        capacity(old: old, new: new, note)
        endpoint(old: old, new: new, note)
        for subnet in old.subnets where new.subnet(subnet.id) == nil {
            note("subnet-removed", .warning, DiffEntities.label(subnet.id, subnet.name),
                 "subnet \(DiffEntities.label(subnet.id, subnet.name))\(subnet.cidr.map { " (\($0))" } ?? "") was removed")
        }
        for group in old.nodeGroups where !new.nodeGroups.contains(where: { $0.name == group.name }) {
            note("node-group-removed", .warning, group.name, "node group \(group.name) was removed")
        }
        for group in old.securityGroups where new.securityGroup(group.id) == nil {
            note("security-group-removed", .warning, DiffEntities.label(group.id, group.name),
                 "security group \(DiffEntities.label(group.id, group.name)) was removed")
        }
        return out
    }

    typealias Note = (String, Severity, String, String) -> Void

    static func openRules(old: Environment, new: Environment, _ note: Note) {
        for group in new.securityGroups {
            let before = Set((old.securityGroup(group.id)?.ingress ?? []).map { DiffEntities.ruleKey("ingress", $0) })
            for rule in group.ingress where anywhere.contains(rule.peer) && !before.contains(DiffEntities.ruleKey("ingress", rule)) {
                let name = DiffEntities.label(group.id, group.name)
                let sensitive = ["icmp", "icmpv6", "1", "58"].contains(rule.protocol)
                    ? [] : PortNames.sensitivePorts(from: rule.fromPort, to: rule.toPort)
                var message = "\(name) now allows \(PortNames.describe(protocol: rule.protocol, from: rule.fromPort, to: rule.toPort)) from \(rule.peer)"
                if !sensitive.isEmpty {
                    let ports = sensitive.map { p in PortNames.name(p).map { "\(p) (\($0))" } ?? String(p) }
                    message += ", including admin or database port\(ports.count == 1 ? "" : "s") " + ports.joined(separator: ", ")
                }
                note("new-open-rule", sensitive.isEmpty ? .warning : .error, name, message)
            }
        }
    }

    static func defaultRoutes(old: Environment, new: Environment, _ note: Note) {
        for id in Set(old.routeTables.map(\.id)).union(new.routeTables.map(\.id)).sorted() {
            let before = old.routeTable(id), after = new.routeTable(id)
            let name = DiffEntities.label(id, after?.name ?? before?.name)
            for destination in anywhere.sorted() {
                let o = before?.routes.first { $0.destination == destination }
                let n = after?.routes.first { $0.destination == destination }
                switch (o, n) {
                case (let o?, let n?) where o.target != n.target || o.state != n.state:
                    note("default-route-changed", .warning, name,
                         "\(name): default route \(destination) now goes to \(target(n)) (was \(target(o)))")
                case (let o?, nil):
                    note("default-route-changed", .warning, name,
                         "\(name): default route \(destination) to \(target(o)) was removed")
                case (nil, let n?):
                    note("default-route-changed", .warning, name, "\(name): new default route \(destination) to \(target(n))")
                default:
                    break
                }
            }
        }
    }

    static func target(_ route: Route) -> String { route.state == "active" ? route.target : "\(route.target) (\(route.state))" }

    static func capacity(old: Environment, new: Environment, _ note: Note) {
        let before = CapacityAnalysis.analyze(old, catalog: .builtin).podCapacity
        let after = CapacityAnalysis.analyze(new, catalog: .builtin).podCapacity
        if let before, let after, after.value < before.value {
            note("capacity-dropped", .warning, new.cluster?.name ?? new.name,
                 "pod capacity dropped from \(before.value) to \(after.value) (limited by \(after.limitedBy))")
        }
        for subnet in new.subnets {
            guard let o = old.subnet(subnet.id)?.cidr.flatMap({ IPv4Network($0) }),
                  let n = subnet.cidr.flatMap({ IPv4Network($0) }) else { continue }
            let was = SubnetAddresses.usable(o), now = SubnetAddresses.usable(n)
            if now < was {
                let name = DiffEntities.label(subnet.id, subnet.name)
                note("capacity-dropped", .warning, name, "subnet \(name) usable addresses dropped from \(was) to \(now)")
            }
        }
        for group in new.nodeGroups {
            guard let was = old.nodeGroups.first(where: { $0.name == group.name })?.max, let now = group.max, now < was else { continue }
            note("capacity-dropped", .warning, group.name, "node group \(group.name) maximum dropped from \(was) to \(now) nodes")
        }
    }

    static func endpoint(old: Environment, new: Environment, _ note: Note) {
        guard let cluster = new.cluster else { return }
        let before = old.cluster
        let openToAll = cluster.publicAccessCidrs.map { !anywhere.isDisjoint(with: $0) } ?? true
        if cluster.endpointPublic == true, before?.endpointPublic != true {
            let cidrs = cluster.publicAccessCidrs.map { $0.joined(separator: ", ") } ?? "0.0.0.0/0 (default)"
            note("public-endpoint-opened", openToAll ? .error : .warning, cluster.name,
                 "cluster \(cluster.name) API endpoint is now public, reachable from \(cidrs)")
        } else if cluster.endpointPublic != false, let oldCidrs = before?.publicAccessCidrs, anywhere.isDisjoint(with: oldCidrs),
                  let newCidrs = cluster.publicAccessCidrs, !anywhere.isDisjoint(with: newCidrs) {
            note("public-endpoint-opened", .error, cluster.name,
                 "cluster \(cluster.name) public API endpoint CIDRs widened from \(oldCidrs.joined(separator: ", ")) to \(newCidrs.joined(separator: ", "))")
        }
    }
}
