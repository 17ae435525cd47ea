import EKSDocAnalysis
import EKSDocModel

/// The security-group graph prepared for drawing: groups with identical rules and attachments merged into one
/// node (when at least `mergeThreshold` of them and no other group names them), rules between the same two
/// ends merged into one edge listing their ports, and the AWS default egress (all traffic to anywhere) noted
/// on the group rather than drawn.
struct SecurityGroupView {
    struct GroupNode {
        var id: String
        var members: [SecurityGroup]
        var attachments: [String]
        var defaultEgress: Bool
    }

    struct Edge {
        var from: String
        var to: String
        var egress: Bool
        var ports: [String]
        /// From 0.0.0.0/0 or ::/0.
        var internet: Bool
        /// All traffic, or a range with an administrative or database port in it.
        var sensitive: Bool
    }

    static let mergeThreshold = 3

    private(set) var nodes: [GroupNode] = []
    private(set) var edges: [Edge] = []
    /// CIDRs, prefix lists and groups not in the inputs that rules name, sorted.
    private(set) var peers: [String] = []
    /// Group id -> the node drawn for it.
    private(set) var nodeOf: [String: String] = [:]

    init(env: Environment, facts: EnvironmentFacts) {
        let groups = env.securityGroups.sorted { $0.id < $1.id }
        let known = Set(groups.map(\.id))
        let attachments = SecurityGroupView.attachments(env)
        let named = Set(facts.securityGraph.compactMap { edge -> String? in
            let peer = edge.direction == "ingress" ? edge.from : edge.to
            let owner = edge.direction == "ingress" ? edge.to : edge.from
            return edge.peerKind == .securityGroup && peer != owner ? peer : nil
        })
        var bySignature: [String: [SecurityGroup]] = [:]
        for group in groups {
            let rules = facts.securityGraph.filter { $0.from == group.id || $0.to == group.id }.map { edge -> String in
                let peer = edge.direction == "ingress" ? edge.from : edge.to
                return [edge.direction, peer == group.id ? "self" : peer, edge.ports].joined(separator: "|")
            }.sorted()
            let kinds = Set((attachments[group.id] ?? []).map(\.kind)).sorted()
            let key = named.contains(group.id) ? "unique|" + group.id : (rules + ["--"] + kinds).joined(separator: "\n")
            bySignature[key, default: []].append(group)
        }
        for members in bySignature.values {
            let merged = members.count >= SecurityGroupView.mergeThreshold ? [members] : members.map { [$0] }
            for set in merged {
                let id = set[0].id
                for member in set { nodeOf[member.id] = id }
                let texts = set.flatMap { attachments[$0.id] ?? [] }
                nodes.append(GroupNode(id: id, members: set, attachments: SecurityGroupView.summarise(texts, groups: set.count),
                                       defaultEgress: set.allSatisfy { SecurityGroupView.hasDefaultEgress($0) }))
            }
        }
        nodes.sort { $0.id < $1.id }
        buildEdges(facts: facts, known: known)
    }

    private mutating func buildEdges(facts: EnvironmentFacts, known: Set<String>) {
        var merged: [String: Edge] = [:]
        var peerSet = Set<String>()
        let exposed = Set(facts.exposure.filter { !$0.sensitivePorts.isEmpty || $0.protocol == "-1" }
            .map { "\($0.securityGroup)|\($0.peer)" })
        for edge in facts.securityGraph {
            let egress = edge.direction == "egress"
            let owner = egress ? edge.from : edge.to
            let rawPeer = egress ? edge.to : edge.from
            guard let ownerNode = nodeOf[owner] else { continue }
            let internet = SecurityAnalysis.isInternet(rawPeer)
            if egress && internet && edge.ports == "all traffic" { continue }
            let peer = nodeOf[rawPeer] ?? rawPeer
            if nodeOf[rawPeer] == nil { peerSet.insert(rawPeer) }
            let from = egress ? ownerNode : peer, to = egress ? peer : ownerNode
            let key = [from, to, edge.direction].joined(separator: "|")
            var current = merged[key] ?? Edge(from: from, to: to, egress: egress, ports: [], internet: internet && !egress,
                                              sensitive: false)
            if !current.ports.contains(edge.ports) { current.ports.append(edge.ports) }
            if !egress && internet && exposed.contains("\(owner)|\(rawPeer)") { current.sensitive = true }
            merged[key] = current
        }
        edges = merged.keys.sorted().map { key in
            var edge = merged[key]!
            edge.ports.sort(by: SecurityGroupView.portOrder)
            return edge
        }
        peers = peerSet.sorted(by: TopologyDrawing.cidrOrder)
    }

    /// `tcp 53` before `tcp 443` before `udp 53`; `all traffic` first.
    static func portOrder(_ a: String, _ b: String) -> Bool {
        func key(_ text: String) -> (Int, String, Int, String) {
            if text == "all traffic" { return (0, "", 0, text) }
            let parts = text.split(separator: " ")
            let number = parts.count > 1 ? Int(parts[1].split(separator: "-")[0]) ?? 0 : 0
            return (1, String(parts.first ?? ""), number, text)
        }
        return key(a) < key(b)
    }

    static func hasDefaultEgress(_ group: SecurityGroup) -> Bool {
        group.egress.contains { $0.protocol == "-1" && SecurityAnalysis.isInternet($0.peer) }
    }

    /// What uses a security group: load balancers, the cluster, pods through ENIConfigs, instances, endpoints.
    struct Attachment {
        var kind: String
        var text: String
    }

    static func attachments(_ env: Environment) -> [String: [Attachment]] {
        var out: [String: [Attachment]] = [:]
        func add(_ group: String, _ kind: String, _ text: String) { out[group, default: []].append(Attachment(kind: kind, text: text)) }
        for lb in env.loadBalancers.sorted(by: { $0.name < $1.name }) {
            let kind = "\(lb.scheme ?? "unknown-scheme") \(lb.type == "network" ? "NLB" : lb.type == "application" ? "ALB" : "LB")"
            for group in lb.securityGroups { add(group, kind, "\(kind) \(lb.name)") }
        }
        if let cluster = env.cluster {
            if let group = cluster.clusterSecurityGroup { add(group, "cluster", "EKS cluster security group") }
            for group in cluster.securityGroups { add(group, "control plane", "EKS control-plane ENIs") }
        }
        for object in env.kubernetes.sorted(by: { $0.key < $1.key }) {
            for group in object.eniConfig?.securityGroups ?? [] { add(group, "pods", "pods (ENIConfig \(object.name))") }
        }
        for instance in env.instances.sorted(by: { $0.id < $1.id }) {
            for group in instance.securityGroups { add(group, "instance", "instance \(instance.name ?? instance.id)") }
        }
        for endpoint in env.vpcEndpoints.sorted(by: { $0.id < $1.id }) {
            for group in endpoint.securityGroups { add(group, "endpoint", "VPC endpoint \(endpoint.service)") }
        }
        return out
    }

    /// Attachment lines: the texts themselves when few, else counts per kind (`16 internal ALBs`).
    static func summarise(_ items: [Attachment], groups: Int) -> [String] {
        let texts = Array(Set(items.map(\.text))).sorted()
        if groups == 1 && texts.count <= 3 { return texts }
        var counts: [String: Int] = [:]
        for item in items { counts[item.kind, default: 0] += 1 }
        return counts.keys.sorted().map { kind in
            let count = counts[kind]!
            return count == 1 ? "1 \(kind)" : "\(count) \(kind)" + (kind.hasSuffix("s") ? "" : "s")
        }
    }
}
