import EKSDocModel

/// Reads `aws elbv2 describe-target-groups` output (`{"TargetGroups": [...]}`).
///
/// `LoadBalancerArns` become load balancer names when the ARN has the ELBv2 form
/// `...:loadbalancer/app|net|gwy/NAME/ID`; other ARNs are kept whole.
public enum AWSTargetGroupsReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "TargetGroups")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let items = AWSReaderSupport.objects(in: document, key: "TargetGroups",
                                             call: "elbv2 describe-target-groups", &diagnostics)
        for item in items {
            guard let name = AWSReaderSupport.requiredID(item, "TargetGroupName", &diagnostics) else { continue }
            let balancers = AWSReaderSupport.strings(item, "LoadBalancerArns", &diagnostics).map {
                AWSReaderSupport.loadBalancerName(fromARN: $0) ?? $0
            }
            environment.targetGroups.append(TargetGroup(
                name: name, arn: AWSReaderSupport.text(item, "TargetGroupArn", &diagnostics),
                targetType: AWSReaderSupport.text(item, "TargetType", &diagnostics),
                protocol: AWSReaderSupport.text(item, "Protocol", &diagnostics),
                port: item.int("Port", &diagnostics), vpc: AWSReaderSupport.text(item, "VpcId", &diagnostics),
                loadBalancers: balancers, source: item.node.location))
        }
    }
}
