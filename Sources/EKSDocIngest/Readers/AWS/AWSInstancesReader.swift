import EKSDocModel

/// Reads `aws ec2 describe-instances` output (`{"Reservations": [{"Instances": [...]}]}`).
///
/// Keeps the network interfaces, security groups and `SourceDestCheck` (false on routing appliances).
public enum AWSInstancesReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "Reservations")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let reservations = AWSReaderSupport.objects(in: document, key: "Reservations", call: "describe-instances",
                                                    &diagnostics)
        for reservation in reservations {
            for item in AWSReaderSupport.objects(reservation, "Instances", &diagnostics) {
                if let instance = instance(item, &diagnostics) { environment.instances.append(instance) }
            }
        }
    }

    static func instance(_ item: Fields, _ d: inout Diagnostics) -> Instance? {
        guard let id = AWSReaderSupport.requiredID(item, "InstanceId", &d) else { return nil }
        var interfaces: [String] = []
        for interface in AWSReaderSupport.objects(item, "NetworkInterfaces", &d) {
            if let eni = AWSReaderSupport.text(interface, "NetworkInterfaceId", &d), !interfaces.contains(eni) {
                interfaces.append(eni)
            }
        }
        var groups: [String] = []
        for group in AWSReaderSupport.objects(item, "SecurityGroups", &d) {
            if let sg = AWSReaderSupport.text(group, "GroupId", &d), !groups.contains(sg) { groups.append(sg) }
        }
        let tags = AWSReaderSupport.tagList(item, &d)
        let placement = item.fields("Placement", &d)
        return Instance(
            id: id, type: AWSReaderSupport.text(item, "InstanceType", &d),
            vpc: AWSReaderSupport.text(item, "VpcId", &d), subnet: AWSReaderSupport.text(item, "SubnetId", &d),
            az: placement.flatMap { AWSReaderSupport.text($0, "AvailabilityZone", &d) },
            privateIp: AWSReaderSupport.text(item, "PrivateIpAddress", &d),
            publicIp: AWSReaderSupport.text(item, "PublicIpAddress", &d),
            state: item.fields("State", &d).flatMap { AWSReaderSupport.text($0, "Name", &d) },
            securityGroups: groups, networkInterfaces: interfaces,
            sourceDestCheck: item.bool("SourceDestCheck", &d), name: tags.nameTag, tags: tags,
            source: item.node.location)
    }
}
