import EKSDocModel

/// Reads `aws ec2 describe-nat-gateways` output (`{"NatGateways": [...]}`): subnet, state,
/// `ConnectivityType` and the public and private addresses of `NatGatewayAddresses`.
public enum AWSNatGatewaysReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "NatGateways")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let items = AWSReaderSupport.objects(in: document, key: "NatGateways", call: "describe-nat-gateways",
                                             &diagnostics)
        for item in items {
            if let gateway = natGateway(item, &diagnostics) { environment.natGateways.append(gateway) }
        }
    }

    static func natGateway(_ item: Fields, _ d: inout Diagnostics) -> NatGateway? {
        guard let id = AWSReaderSupport.requiredID(item, "NatGatewayId", &d) else { return nil }
        var publicIps: [String] = []
        var privateIps: [String] = []
        for address in AWSReaderSupport.objects(item, "NatGatewayAddresses", &d) {
            if let ip = AWSReaderSupport.text(address, "PublicIp", &d), !publicIps.contains(ip) { publicIps.append(ip) }
            if let ip = AWSReaderSupport.text(address, "PrivateIp", &d), !privateIps.contains(ip) {
                privateIps.append(ip)
            }
        }
        let tags = AWSReaderSupport.tagList(item, &d)
        return NatGateway(
            id: id, vpc: AWSReaderSupport.text(item, "VpcId", &d), subnet: AWSReaderSupport.text(item, "SubnetId", &d),
            state: AWSReaderSupport.text(item, "State", &d),
            connectivity: AWSReaderSupport.text(item, "ConnectivityType", &d),
            publicIps: publicIps, privateIps: privateIps, name: tags.nameTag, source: item.node.location)
    }
}
