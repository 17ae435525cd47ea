import EKSDocAnalysis
import EKSDocModel

/// Security-group rules in plain words, and what each group is attached to (reference/aws-facts.md §5).
enum RuleWording {
    /// `allows tcp 443 (HTTPS) from `0.0.0.0/0` — anyone on the internet`.
    static func sentence(_ rule: SecurityGroupRule, ingress: Bool, group: SecurityGroup, env: Environment,
                         ranges: AddressRanges? = nil) -> String {
        let peer = peer(rule, ingress: ingress, group: group, env: env, ranges: ranges ?? AddressRanges(env))
        return "allows \(MD.text(ports(rule))) \(ingress ? "from" : "to") \(peer)"
    }

    /// The environment's subnet and VPC blocks, parsed once for a page's many rules.
    struct AddressRanges {
        /// Each subnet CIDR -> the first subnet (by id) with it.
        var subnets: [IPv4Network: Subnet] = [:]
        /// VPC blocks in VPC order, each with whether it is the VPC's primary block.
        var vpcBlocks: [(block: IPv4Network, primary: Bool)] = []

        init(_ env: Environment) {
            for subnet in env.subnets {
                guard let text = subnet.cidr, let network = IPv4Network(text), subnets[network] == nil else { continue }
                subnets[network] = subnet
            }
            for vpc in env.vpcs {
                for (i, text) in vpc.cidrs.enumerated() {
                    if let block = IPv4Network(text) { vpcBlocks.append((block, i == 0)) }
                }
            }
        }
    }

    /// The protocol and ports: `all traffic`, `tcp 443 (HTTPS)`, `udp 53 (DNS)`, `protocol 50`.
    static func ports(_ rule: SecurityGroupRule) -> String {
        let proto = RuleEvaluation.canonical(rule.protocol)
        switch proto {
        case "-1", "tcp", "udp", "icmp", "icmpv6":
            return PortNames.describe(protocol: proto, from: rule.fromPort, to: rule.toPort)
        default:
            return "protocol \(proto)"
        }
    }

    /// The other side of the rule, escaped, with what it is.
    static func peer(_ rule: SecurityGroupRule, ingress: Bool, group: SecurityGroup, env: Environment,
                     ranges: AddressRanges) -> String {
        switch rule.peerKind {
        case .securityGroup:
            let parts = rule.peer.split(separator: "/")
            let id = String(parts.last ?? Substring(rule.peer))
            if parts.count > 1 { return "\(NetworkText.code(rule.peer)) (a group in account \(MD.text(String(parts[0]))))" }
            if id == group.id { return "members of this group (self)" }
            guard let other = env.securityGroup(id) else { return "\(NetworkText.code(id)) (not in the inputs)" }
            let anchor = "#" + Anchors.slug(NetworkText.groupHeading(other))
            guard let name = other.name, !name.isEmpty else { return MD.link(id, anchor) }
            return "\(NetworkText.code(id)) (\(MD.link(name, anchor)))"
        case .prefixList:
            return "\(NetworkText.code(rule.peer)) — a managed prefix list"
        case .cidr, .ipv6Cidr:
            return "\(NetworkText.code(rule.peer)) — \(MD.text(cidrWords(rule.peer, ingress: ingress, ranges: ranges)))"
        }
    }

    /// What an address block is, seen from this environment.
    static func cidrWords(_ cidr: String, ingress: Bool, ranges: AddressRanges) -> String {
        if cidr == "0.0.0.0/0" { return ingress ? "anyone on the internet" : "any IPv4 address" }
        if cidr == "::/0" { return ingress ? "anyone on the internet (IPv6)" : "any IPv6 address" }
        guard let network = IPv4Network(cidr) else { return "an IPv6 range" }
        if let subnet = ranges.subnets[network] {
            return "subnet " + (subnet.tags.nameTag ?? subnet.name ?? subnet.id)
        }
        for (block, primary) in ranges.vpcBlocks where block.contains(network) {
            if block == network { return "the VPC's \(primary ? "primary" : "secondary") CIDR" }
            return "part of the VPC"
        }
        if network.prefixLength == 32 { return "a single address outside the VPC" }
        if RouteMeaning.privateRanges.contains(where: { $0.contains(network) }) { return "a private range outside the VPC" }
        return "an address range outside the VPC"
    }

    /// Identical rules (same protocol, ports, peer and description) merged, with how many times each was listed.
    static func merged(_ rules: [SecurityGroupRule]) -> [(rule: SecurityGroupRule, count: Int)] {
        var result: [(rule: SecurityGroupRule, count: Int)] = []
        for rule in rules {
            if let i = result.firstIndex(where: { same($0.rule, rule) }) { result[i].count += 1 } else { result.append((rule, 1)) }
        }
        return result
    }

    static func same(_ a: SecurityGroupRule, _ b: SecurityGroupRule) -> Bool {
        RuleEvaluation.canonical(a.protocol) == RuleEvaluation.canonical(b.protocol) && a.fromPort == b.fromPort
            && a.toPort == b.toPort && a.peer == b.peer && a.description == b.description
    }

    /// One attachment of a security group.
    struct Attachment {
        /// Escaped Markdown.
        var label: String
        /// 0 cluster and instances, 1 load balancers, 2 endpoints: the order groups are listed in.
        var rank: Int
        /// Internal load balancer (never reachable from the internet).
        var isInternalLB = false
        /// Internet-facing load balancer, or an instance with a public IP.
        var isPublic = false
    }

    /// Group id -> what uses it: the cluster, instances, pod ENIs, load balancers, endpoints.
    static func attachments(_ env: Environment) -> [String: [Attachment]] {
        var result: [String: [Attachment]] = [:]
        if let cluster = env.cluster {
            if let sg = cluster.clusterSecurityGroup {
                let label = "EKS cluster security group (control plane ENIs and managed nodes)"
                result[sg, default: []].append(Attachment(label: label, rank: 0))
            }
            for sg in cluster.securityGroups {
                result[sg, default: []].append(Attachment(label: "EKS control plane ENIs (additional group)", rank: 0))
            }
        }
        for instance in env.instances {
            let id = NetworkText.code(instance.id)
            let label = "instance " + (instance.name.map { "\(MD.text($0)) (\(id))" } ?? id)
            for sg in instance.securityGroups {
                result[sg, default: []].append(Attachment(label: label, rank: 0, isPublic: instance.publicIp != nil))
            }
        }
        for object in env.kubernetes {
            for sg in object.eniConfig?.securityGroups ?? [] {
                result[sg, default: []].append(Attachment(label: "pod ENIs of ENIConfig \(NetworkText.code(object.name))", rank: 0))
            }
        }
        for lb in env.loadBalancers {
            let scheme = lb.scheme ?? "scheme unknown"
            for sg in lb.securityGroups {
                let label = "load balancer \(NetworkText.code(lb.name)) (\(MD.text(scheme)))"
                result[sg, default: []].append(Attachment(label: label, rank: 1,
                                                          isInternalLB: scheme == "internal", isPublic: scheme == "internet-facing"))
            }
        }
        for endpoint in env.vpcEndpoints {
            for sg in endpoint.securityGroups {
                result[sg, default: []].append(Attachment(label: "VPC endpoint \(NetworkText.code(endpoint.id))", rank: 2))
            }
        }
        return result
    }

    /// Whether an internet-open rule on a group can actually be reached from the internet.
    static func reach(_ attachments: [Attachment]) -> String {
        if attachments.isEmpty { return "nothing in the inputs uses this group" }
        if attachments.contains(where: \.isPublic) { return "⚠️ yes: an internet-facing load balancer or public instance uses it" }
        if attachments.allSatisfy(\.isInternalLB) {
            return "no: only internal load balancers use it, and those cannot be reached from the internet"
        }
        return "not directly: nothing using it has a public address"
    }
}
