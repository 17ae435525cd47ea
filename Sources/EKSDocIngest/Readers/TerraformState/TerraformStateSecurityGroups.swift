import EKSDocModel

/// Security groups and their rules from a Terraform state: inline `ingress`/`egress` lists,
/// `aws_security_group_rule` and `aws_vpc_security_group_ingress_rule`/`_egress_rule` resources,
/// normalised to one rule per protocol, port range and peer.
extension TerraformStateReader {
    static func readSecurityGroup(_ resource: StateResource, into environment: inout Environment,
                                  _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let id = AWSReaderSupport.requiredID(a, "id", &d) else { return }
        let tags = resource.tags(&d)
        environment.securityGroups.append(SecurityGroup(
            id: id, name: AWSReaderSupport.text(a, "name", &d) ?? tags.nameTag,
            description: AWSReaderSupport.text(a, "description", &d), vpc: AWSReaderSupport.text(a, "vpc_id", &d),
            ingress: AWSReaderSupport.objects(a, "ingress", &d).flatMap { rules($0, groupID: id, &d) },
            egress: AWSReaderSupport.objects(a, "egress", &d).flatMap { rules($0, groupID: id, &d) },
            tags: tags, source: resource.location))
    }

    /// The rules of an inline `ingress`/`egress` item or an `aws_security_group_rule`: one per CIDR,
    /// IPv6 CIDR, prefix list and security group (`security_groups`, `source_security_group_id`, `self`).
    static func rules(_ item: Fields, groupID: String, _ d: inout Diagnostics) -> [SecurityGroupRule] {
        guard let raw = AWSReaderSupport.requiredID(item, "protocol", &d) else { return [] }
        let ports = SecurityGroupRuleBuilder.Ports(item, protocol: raw, fromKey: "from_port", toKey: "to_port", &d)
        let description = AWSReaderSupport.text(item, "description", &d)
        func peers(_ values: [String], _ kind: PeerKind) -> [SecurityGroupRuleBuilder.Peer] {
            values.map { .init(value: $0, kind: kind, description: description, source: item.node.location) }
        }
        var all = peers(AWSReaderSupport.cidrs(item, "cidr_blocks", &d), .cidr)
        all += peers(AWSReaderSupport.cidrs(item, "ipv6_cidr_blocks", &d), .ipv6Cidr)
        all += peers(AWSReaderSupport.strings(item, "prefix_list_ids", &d), .prefixList)
        all += peers(AWSReaderSupport.strings(item, "security_groups", &d), .securityGroup)
        if let source = AWSReaderSupport.text(item, "source_security_group_id", &d) {
            all += peers([source], .securityGroup)
        }
        if item.bool("self", &d) == true { all += peers([groupID], .securityGroup) }
        return SecurityGroupRuleBuilder.rules(ports, peers: all)
    }

    /// `aws_security_group_rule`: `type` ingress or egress, added to `security_group_id`.
    static func readRuleResource(_ resource: StateResource, into environment: inout Environment,
                                 _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let groupID = AWSReaderSupport.requiredID(a, "security_group_id", &d),
              let type = AWSReaderSupport.requiredID(a, "type", &d) else { return }
        guard type == "ingress" || type == "egress" else {
            d.error("\(a.context): 'type' must be ingress or egress, found '\(type)'",
                    at: a.node["type"]?.location ?? a.node.location)
            return
        }
        add(rules(a, groupID: groupID, &d), egress: type == "egress", to: groupID, at: resource.location,
            in: &environment)
    }

    /// `aws_vpc_security_group_ingress_rule` / `_egress_rule`: exactly one peer per resource.
    static func readVpcRule(_ resource: StateResource, egress: Bool, into environment: inout Environment,
                            _ d: inout Diagnostics) {
        let a = resource.attributes
        guard let groupID = AWSReaderSupport.requiredID(a, "security_group_id", &d),
              let raw = AWSReaderSupport.requiredID(a, "ip_protocol", &d) else { return }
        let ports = SecurityGroupRuleBuilder.Ports(a, protocol: raw, fromKey: "from_port", toKey: "to_port", &d)
        let peer: (String, PeerKind)?
        if AWSReaderSupport.isSet(a, "cidr_ipv4") {
            peer = AWSReaderSupport.cidr(a, "cidr_ipv4", &d).map { ($0, .cidr) }
        } else if AWSReaderSupport.isSet(a, "cidr_ipv6") {
            peer = AWSReaderSupport.cidr(a, "cidr_ipv6", &d).map { ($0, .ipv6Cidr) }
        } else if let group = AWSReaderSupport.text(a, "referenced_security_group_id", &d) {
            peer = (group, .securityGroup)
        } else if let list = AWSReaderSupport.text(a, "prefix_list_id", &d) {
            peer = (list, .prefixList)
        } else {
            d.error("\(a.context): rule has no peer (cidr_ipv4, cidr_ipv6, referenced_security_group_id or "
                    + "prefix_list_id)", at: a.node.location)
            peer = nil
        }
        guard let peer else { return }
        let rule = SecurityGroupRuleBuilder.rules(ports, peers: [.init(
            value: peer.0, kind: peer.1, description: AWSReaderSupport.text(a, "description", &d),
            source: resource.location)])
        add(rule, egress: egress, to: groupID, at: resource.location, in: &environment)
    }

    /// Appends rules to a group, creating an entry with just its id when the state does not define it.
    static func add(_ rules: [SecurityGroupRule], egress: Bool, to groupID: String, at location: SourceLocation,
                    in environment: inout Environment) {
        upsert(&environment.securityGroups, id: groupID, idOf: \.id,
               make: { SecurityGroup(id: groupID, source: location) }) { group in
            if egress { group.egress += rules } else { group.ingress += rules }
        }
    }
}
