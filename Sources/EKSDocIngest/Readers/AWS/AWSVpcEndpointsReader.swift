import EKSDocModel

/// Reads `aws ec2 describe-vpc-endpoints` output (`{"VpcEndpoints": [...]}`): service, type, subnets,
/// route tables, security groups (`Groups[].GroupId`) and private DNS.
public enum AWSVpcEndpointsReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "VpcEndpoints")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let items = AWSReaderSupport.objects(in: document, key: "VpcEndpoints", call: "describe-vpc-endpoints",
                                             &diagnostics)
        for item in items {
            guard let id = AWSReaderSupport.requiredID(item, "VpcEndpointId", &diagnostics) else { continue }
            let groups = AWSReaderSupport.objects(item, "Groups", &diagnostics).compactMap {
                AWSReaderSupport.text($0, "GroupId", &diagnostics)
            }
            environment.vpcEndpoints.append(VpcEndpoint(
                id: id, vpc: AWSReaderSupport.text(item, "VpcId", &diagnostics),
                service: AWSReaderSupport.text(item, "ServiceName", &diagnostics) ?? "",
                type: AWSReaderSupport.text(item, "VpcEndpointType", &diagnostics) ?? "",
                subnets: AWSReaderSupport.strings(item, "SubnetIds", &diagnostics),
                routeTables: AWSReaderSupport.strings(item, "RouteTableIds", &diagnostics),
                securityGroups: groups, privateDns: item.bool("PrivateDnsEnabled", &diagnostics),
                source: item.node.location))
        }
    }
}
