import EKSDocModel

/// Reads `aws ec2 describe-network-acls` output (`{"NetworkAcls": [...]}`): numbered entries
/// (protocol normalised like security-group rules, `-1` = all) and subnet associations.
public enum AWSNetworkAclsReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "NetworkAcls")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let items = AWSReaderSupport.objects(in: document, key: "NetworkAcls", call: "describe-network-acls",
                                             &diagnostics)
        for item in items {
            guard let id = AWSReaderSupport.requiredID(item, "NetworkAclId", &diagnostics) else { continue }
            var subnets: [String] = []
            for association in AWSReaderSupport.objects(item, "Associations", &diagnostics) {
                if let subnet = AWSReaderSupport.text(association, "SubnetId", &diagnostics),
                   !subnets.contains(subnet) {
                    subnets.append(subnet)
                }
            }
            let entries = AWSReaderSupport.objects(item, "Entries", &diagnostics).compactMap {
                entry($0, &diagnostics)
            }
            let tags = AWSReaderSupport.tagList(item, &diagnostics)
            environment.networkAcls.append(NetworkAcl(
                id: id, vpc: AWSReaderSupport.text(item, "VpcId", &diagnostics),
                isDefault: item.bool("IsDefault", &diagnostics) ?? false, subnets: subnets, entries: entries,
                name: tags.nameTag, source: item.node.location))
        }
    }

    static func entry(_ item: Fields, _ d: inout Diagnostics) -> NetworkAclEntry? {
        if item.node["RuleNumber"] == nil {
            d.error("\(item.context): missing required field 'RuleNumber'", at: item.node.location)
        }
        let number = item.int("RuleNumber", &d)
        let rawProtocol = AWSReaderSupport.requiredID(item, "Protocol", &d)
        let action = AWSReaderSupport.requiredID(item, "RuleAction", &d)
        let cidr: String?
        if AWSReaderSupport.isSet(item, "CidrBlock") {
            cidr = AWSReaderSupport.cidr(item, "CidrBlock", &d)
        } else if AWSReaderSupport.isSet(item, "Ipv6CidrBlock") {
            cidr = AWSReaderSupport.cidr(item, "Ipv6CidrBlock", &d)
        } else {
            d.error("\(item.context): entry has no CidrBlock or Ipv6CidrBlock", at: item.node.location)
            cidr = nil
        }
        guard let number, let rawProtocol, let action, let cidr else { return nil }
        let proto = AWSReaderSupport.normalizeProtocol(rawProtocol)
        var from: Int?
        var to: Int?
        if proto != "-1", let range = item.fields("PortRange", &d) {
            from = AWSReaderSupport.port(range, "From", protocol: proto, &d)
            to = AWSReaderSupport.port(range, "To", protocol: proto, &d)
        }
        return NetworkAclEntry(ruleNumber: number, egress: item.bool("Egress", &d) ?? false, protocol: proto,
                               action: action.lowercased(), cidr: cidr, fromPort: from, toPort: to)
    }
}
