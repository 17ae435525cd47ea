import EKSDocModel

/// Warns about ids that point at nothing the environment knows. A reference is only checked when the
/// environment holds at least one entity of the referenced kind (a snapshot without NAT gateways cannot tell
/// whether a NAT gateway exists).
enum ReferenceCheck {
    struct Known {
        let ids: Set<String>
        let kind: String
        var isEmpty: Bool { ids.isEmpty }
    }

    static func check(_ env: Environment, diagnostics: inout Diagnostics) {
        let vpcs = Known(ids: Set(env.vpcs.map(\.id)), kind: "VPC")
        let subnets = Known(ids: Set(env.subnets.map(\.id)), kind: "subnet")
        let groups = Known(ids: Set(env.securityGroups.map(\.id)), kind: "security group")
        let igws = Known(ids: Set(env.internetGateways.map(\.id)), kind: "internet gateway")
        let nats = Known(ids: Set(env.natGateways.map(\.id)), kind: "NAT gateway")
        let instances = Known(ids: Set(env.instances.map(\.id)), kind: "instance")

        func expect(_ id: String?, in known: Known, from location: SourceLocation, _ what: String) {
            guard let id, !known.isEmpty, !known.ids.contains(id) else { return }
            if id.hasPrefix("declared:") || id.hasPrefix("eksctl:") { return }
            diagnostics.warning("\(what) refers to unknown \(known.kind) '\(id)'", at: location)
        }

        for s in env.subnets { expect(s.vpc, in: vpcs, from: s.source, "subnet \(s.id)") }
        for t in env.routeTables {
            expect(t.vpc, in: vpcs, from: t.source, "route table \(t.id)")
            for s in t.subnets { expect(s, in: subnets, from: t.source, "route table \(t.id)") }
            for r in t.routes where r.state != "blackhole" {
                switch r.targetKind {
                case .internetGateway: expect(r.target, in: igws, from: r.source, "route to \(r.destination)")
                case .natGateway: expect(r.target, in: nats, from: r.source, "route to \(r.destination)")
                case .instance: expect(r.target, in: instances, from: r.source, "route to \(r.destination)")
                default: break
                }
            }
        }
        for g in env.securityGroups {
            expect(g.vpc, in: vpcs, from: g.source, "security group \(g.id)")
            for rule in g.ingress + g.egress where rule.peerKind == .securityGroup {
                expect(rule.peer, in: groups, from: rule.source, "rule of \(g.id)")
            }
        }
        for n in env.natGateways { expect(n.subnet, in: subnets, from: n.source, "NAT gateway \(n.id)") }
        for i in env.instances { expect(i.subnet, in: subnets, from: i.source, "instance \(i.id)") }
        for lb in env.loadBalancers {
            for s in lb.subnets { expect(s, in: subnets, from: lb.source, "load balancer \(lb.name)") }
            for g in lb.securityGroups { expect(g, in: groups, from: lb.source, "load balancer \(lb.name)") }
        }
        if let c = env.cluster {
            for s in c.subnets { expect(s, in: subnets, from: c.source, "cluster \(c.name)") }
            for g in c.securityGroups { expect(g, in: groups, from: c.source, "cluster \(c.name)") }
            expect(c.clusterSecurityGroup, in: groups, from: c.source, "cluster \(c.name)")
            expect(c.vpc, in: vpcs, from: c.source, "cluster \(c.name)")
        }
        for ng in env.nodeGroups {
            for s in ng.subnets { expect(s, in: subnets, from: ng.source, "node group \(ng.name)") }
        }
        for object in env.kubernetes {
            guard let eni = object.eniConfig else { continue }
            expect(eni.subnet, in: subnets, from: object.source, "ENIConfig \(object.name)")
            for g in eni.securityGroups { expect(g, in: groups, from: object.source, "ENIConfig \(object.name)") }
        }
    }
}
