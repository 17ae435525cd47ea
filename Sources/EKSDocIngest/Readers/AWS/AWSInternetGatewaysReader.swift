import EKSDocModel

/// Reads `aws ec2 describe-internet-gateways` output (`{"InternetGateways": [...]}`): each gateway and
/// the VPCs of its `Attachments`.
public enum AWSInternetGatewaysReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "InternetGateways")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let items = AWSReaderSupport.objects(in: document, key: "InternetGateways",
                                             call: "describe-internet-gateways", &diagnostics)
        for item in items {
            guard let id = AWSReaderSupport.requiredID(item, "InternetGatewayId", &diagnostics) else { continue }
            var vpcs: [String] = []
            for attachment in AWSReaderSupport.objects(item, "Attachments", &diagnostics) {
                if let vpc = AWSReaderSupport.text(attachment, "VpcId", &diagnostics), !vpcs.contains(vpc) {
                    vpcs.append(vpc)
                }
            }
            let tags = AWSReaderSupport.tagList(item, &diagnostics)
            environment.internetGateways.append(
                InternetGateway(id: id, vpcs: vpcs, name: tags.nameTag, source: item.node.location))
        }
    }
}
