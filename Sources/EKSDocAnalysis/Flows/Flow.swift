import EKSDocModel

/// One step of a traffic flow: the entity the traffic reaches and the route or rule that lets it get there.
public struct Hop: Codable, Equatable, Sendable {
    /// A model id (`subnet-...`, `igw-...`, a load balancer or node group name, `Deployment/ns/name`) or a label
    /// such as `internet`.
    public var entity: String
    /// `internet`, `internetGateway`, `natGateway`, `instance`, `transitGateway`, `vpcEndpoint`, `loadBalancer`,
    /// `targetGroup`, `ingress`, `service`, `subnet`, `vpc`, `node`, `pod`, `controlPlane`, `routeTable`,
    /// `awsService` ...
    public var entityKind: String
    /// The route or rule that lets the traffic through, e.g. `route 0.0.0.0/0 -> igw-1 in rtb-1` or
    /// `sg-1 ingress tcp 443 (HTTPS) from 0.0.0.0/0`; for a blocked hop, what is missing.
    public var via: String
    /// True when nothing lets the traffic through here.
    public var blocked: Bool
    /// Extra facts about the hop: SNAT, why it is blocked, what the model cannot tell.
    public var note: String?

    public init(entity: String, entityKind: String, via: String, blocked: Bool = false, note: String? = nil) {
        self.entity = entity; self.entityKind = entityKind; self.via = via; self.blocked = blocked; self.note = note
    }
}

/// A traffic flow derived from the model: a named path of hops, each naming what lets the traffic through.
public struct Flow: Codable, Equatable, Sendable {
    /// A unique, readable name such as `internet -> k8s-app-1 -> Service/shop/ui`.
    public var name: String
    /// `inbound`, `internal`, `egress`, `aws-service`, `pod-to-pod` or `control-plane`.
    public var kind: String
    /// One sentence saying what the flow shows and, when blocked, where.
    public var summary: String
    /// At least two hops, in the direction the traffic travels.
    public var hops: [Hop]
    /// True when any hop is blocked.
    public var blocked: Bool

    public init(name: String, kind: String, summary: String, hops: [Hop]) {
        self.name = name; self.kind = kind; self.summary = summary; self.hops = hops
        self.blocked = hops.contains(where: \.blocked)
    }

    /// Builds a flow whose summary ends with where it is blocked, when it is.
    static func make(_ kind: FlowKind, name: String, summary: String, hops: [Hop]) -> Flow {
        var text = summary
        if let stop = hops.first(where: \.blocked) {
            let missing = stop.via.split(separator: "; ").filter { $0.hasPrefix("no ") }
            let reason = missing.isEmpty ? stop.via : missing.joined(separator: "; ")
            text += " Blocked at \(stop.entity): \(reason)" + (stop.note.map { " (\($0))" } ?? "") + "."
        }
        return Flow(name: name, kind: kind.rawValue, summary: text, hops: hops)
    }
}

/// The flow kinds in the order flows are listed.
enum FlowKind: String, CaseIterable {
    case inbound, `internal`, egress, awsService = "aws-service", podToPod = "pod-to-pod"
    case controlPlane = "control-plane"

    /// Position of a kind name in the listing order (unknown names last).
    static func rank(_ name: String) -> Int {
        allCases.firstIndex { $0.rawValue == name } ?? allCases.count
    }
}
