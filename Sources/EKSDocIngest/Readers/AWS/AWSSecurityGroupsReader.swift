import EKSDocModel

/// Reads `aws ec2 describe-security-groups` output (`{"SecurityGroups": [...]}`).
///
/// Each permission of `IpPermissions`/`IpPermissionsEgress` is split into one rule per peer: every
/// `IpRanges`, `Ipv6Ranges`, `PrefixListIds` and `UserIdGroupPairs` entry gives one rule with that
/// entry's `Description` and location. `IpProtocol: "-1"` becomes protocol `-1` with no ports.
public enum AWSSecurityGroupsReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "SecurityGroups")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let items = AWSReaderSupport.objects(in: document, key: "SecurityGroups", call: "describe-security-groups",
                                             &diagnostics)
        for item in items {
            if let group = securityGroup(item, &diagnostics) { environment.securityGroups.append(group) }
        }
    }

    static func securityGroup(_ item: Fields, _ d: inout Diagnostics) -> SecurityGroup? {
        guard let id = AWSReaderSupport.requiredID(item, "GroupId", &d) else { return nil }
        let tags = AWSReaderSupport.tagList(item, &d)
        return SecurityGroup(
            id: id, name: AWSReaderSupport.text(item, "GroupName", &d) ?? tags.nameTag,
            description: item.string("Description", &d), vpc: AWSReaderSupport.text(item, "VpcId", &d),
            ingress: AWSReaderSupport.objects(item, "IpPermissions", &d).flatMap { rules($0, &d) },
            egress: AWSReaderSupport.objects(item, "IpPermissionsEgress", &d).flatMap { rules($0, &d) },
            tags: tags, source: item.node.location)
    }

    /// The normalised rules of one permission: one per peer.
    static func rules(_ permission: Fields, _ d: inout Diagnostics) -> [SecurityGroupRule] {
        guard let raw = AWSReaderSupport.requiredID(permission, "IpProtocol", &d) else { return [] }
        let ports = SecurityGroupRuleBuilder.Ports(permission, protocol: raw, fromKey: "FromPort", toKey: "ToPort", &d)
        var peers: [SecurityGroupRuleBuilder.Peer] = []
        for range in AWSReaderSupport.objects(permission, "IpRanges", &d) {
            peers.append(contentsOf: peer(range, key: "CidrIp", kind: .cidr, &d))
        }
        for range in AWSReaderSupport.objects(permission, "Ipv6Ranges", &d) {
            peers.append(contentsOf: peer(range, key: "CidrIpv6", kind: .ipv6Cidr, &d))
        }
        for list in AWSReaderSupport.objects(permission, "PrefixListIds", &d) {
            peers.append(contentsOf: peer(list, key: "PrefixListId", kind: .prefixList, &d))
        }
        for pair in AWSReaderSupport.objects(permission, "UserIdGroupPairs", &d) {
            let key = pair.node["GroupId"] == nil && pair.node["GroupName"] != nil ? "GroupName" : "GroupId"
            peers.append(contentsOf: peer(pair, key: key, kind: .securityGroup, &d))
        }
        return SecurityGroupRuleBuilder.rules(ports, peers: peers)
    }

    /// One peer entry; a missing id or bad CIDR is reported and gives no peer.
    static func peer(_ entry: Fields, key: String, kind: PeerKind,
                     _ d: inout Diagnostics) -> [SecurityGroupRuleBuilder.Peer] {
        let description = AWSReaderSupport.text(entry, "Description", &d)
        guard let raw = AWSReaderSupport.requiredID(entry, key, &d) else { return [] }
        let value = kind == .cidr || kind == .ipv6Cidr ? AWSReaderSupport.cidr(entry, key, &d) : raw
        guard let value else { return [] }
        return [SecurityGroupRuleBuilder.Peer(value: value, kind: kind, description: description,
                                              source: entry.node.location)]
    }
}
