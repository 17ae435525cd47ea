import EKSDocModel

/// Reads `aws ec2 describe-vpcs` output (`{"Vpcs": [...]}`).
///
/// CIDRs: `CidrBlock` first, then the other `CidrBlockAssociationSet` blocks that are `associated` or
/// `associating`; IPv6 blocks from `Ipv6CidrBlockAssociationSet` in the same states.
public enum AWSVpcsReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "Vpcs")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        for item in AWSReaderSupport.objects(in: document, key: "Vpcs", call: "describe-vpcs", &diagnostics) {
            if let vpc = vpc(item, &diagnostics) { environment.vpcs.append(vpc) }
        }
    }

    static func vpc(_ item: Fields, _ d: inout Diagnostics) -> VPC? {
        guard let id = AWSReaderSupport.requiredID(item, "VpcId", &d) else { return nil }
        var cidrs: [String] = []
        if let primary = AWSReaderSupport.cidr(item, "CidrBlock", &d) { cidrs.append(primary) }
        for association in AWSReaderSupport.objects(item, "CidrBlockAssociationSet", &d)
        where isCurrent(association, stateKey: "CidrBlockState", &d) {
            if let block = AWSReaderSupport.cidr(association, "CidrBlock", &d), !cidrs.contains(block) {
                cidrs.append(block)
            }
        }
        var ipv6: [String] = []
        for association in AWSReaderSupport.objects(item, "Ipv6CidrBlockAssociationSet", &d)
        where isCurrent(association, stateKey: "Ipv6CidrBlockState", &d) {
            if let block = AWSReaderSupport.cidr(association, "Ipv6CidrBlock", &d), !ipv6.contains(block) {
                ipv6.append(block)
            }
        }
        let tags = AWSReaderSupport.tagList(item, &d)
        return VPC(id: id, cidrs: cidrs, ipv6Cidrs: ipv6, name: tags.nameTag,
                   isDefault: item.bool("IsDefault", &d), tags: tags, source: item.node.location)
    }

    /// True when a CIDR association is `associated` or `associating` (or states no state at all).
    static func isCurrent(_ association: Fields, stateKey: String, _ d: inout Diagnostics) -> Bool {
        guard let state = association.fields(stateKey, &d)?.string("State", &d) else { return true }
        return state == "associated" || state == "associating"
    }
}
