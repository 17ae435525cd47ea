import EKSDocModel

/// Builds normalised security-group rules (one protocol, one port range, one peer each) from the
/// pieces both AWS CLI permissions and Terraform rule resources provide.
enum SecurityGroupRuleBuilder {
    /// A rule's protocol and port range, validated.
    struct Ports {
        var `protocol`: String
        var fromPort: Int?
        var toPort: Int?

        /// Reads and validates the ports in `fromKey`/`toKey`; protocol `-1` (all) has no ports.
        init(_ fields: Fields, protocol raw: String, fromKey: String, toKey: String, _ d: inout Diagnostics) {
            let normalized = AWSReaderSupport.normalizeProtocol(raw)
            self.protocol = normalized
            if normalized == "-1" {
                fromPort = nil; toPort = nil
            } else {
                fromPort = AWSReaderSupport.port(fields, fromKey, protocol: normalized, &d)
                toPort = AWSReaderSupport.port(fields, toKey, protocol: normalized, &d)
            }
        }
    }

    /// One peer a rule allows traffic from or to.
    struct Peer {
        var value: String
        var kind: PeerKind
        var description: String?
        var source: SourceLocation
    }

    /// One rule per peer. A CIDR peer's kind follows its address family.
    static func rules(_ ports: Ports, peers: [Peer]) -> [SecurityGroupRule] {
        peers.map { peer in
            var kind = peer.kind
            if kind == .cidr || kind == .ipv6Cidr { kind = peer.value.contains(":") ? .ipv6Cidr : .cidr }
            return SecurityGroupRule(protocol: ports.protocol, fromPort: ports.fromPort, toPort: ports.toPort,
                                     peer: peer.value, peerKind: kind, description: peer.description,
                                     source: peer.source)
        }
    }
}
