import EKSDocModel

/// Reads `aws ec2 describe-subnets` output (`{"Subnets": [...]}`).
///
/// `AvailableIpAddressCount` is kept as `availableAddresses` (free now, not capacity).
public enum AWSSubnetsReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "Subnets")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        for item in AWSReaderSupport.objects(in: document, key: "Subnets", call: "describe-subnets", &diagnostics) {
            if let subnet = subnet(item, &diagnostics) { environment.subnets.append(subnet) }
        }
    }

    static func subnet(_ item: Fields, _ d: inout Diagnostics) -> Subnet? {
        guard let id = AWSReaderSupport.requiredID(item, "SubnetId", &d) else { return nil }
        var ipv6: String?
        for association in AWSReaderSupport.objects(item, "Ipv6CidrBlockAssociationSet", &d)
        where AWSVpcsReader.isCurrent(association, stateKey: "Ipv6CidrBlockState", &d) {
            if let block = AWSReaderSupport.cidr(association, "Ipv6CidrBlock", &d), ipv6 == nil { ipv6 = block }
        }
        let tags = AWSReaderSupport.tagList(item, &d)
        return Subnet(
            id: id, vpc: AWSReaderSupport.text(item, "VpcId", &d), cidr: AWSReaderSupport.cidr(item, "CidrBlock", &d),
            ipv6Cidr: ipv6, az: AWSReaderSupport.text(item, "AvailabilityZone", &d),
            azId: AWSReaderSupport.text(item, "AvailabilityZoneId", &d), name: tags.nameTag,
            availableAddresses: item.int("AvailableIpAddressCount", &d),
            mapPublicIpOnLaunch: item.bool("MapPublicIpOnLaunch", &d), tags: tags, source: item.node.location)
    }
}
