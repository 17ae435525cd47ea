import EKSDocModel

/// Reads `aws elbv2 describe-load-balancers` output (`{"LoadBalancers": [...]}`): scheme, type,
/// subnets (`AvailabilityZones[].SubnetId`), security groups and `State.Code`.
public enum AWSLoadBalancersReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, listKey: "LoadBalancers")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        let items = AWSReaderSupport.objects(in: document, key: "LoadBalancers",
                                             call: "elbv2 describe-load-balancers", &diagnostics)
        for item in items {
            if let balancer = loadBalancer(item, &diagnostics) { environment.loadBalancers.append(balancer) }
        }
    }

    static func loadBalancer(_ item: Fields, _ d: inout Diagnostics) -> LoadBalancer? {
        let arn = AWSReaderSupport.text(item, "LoadBalancerArn", &d)
        let name: String
        if item.node["LoadBalancerName"] == nil, let derived = arn.flatMap(AWSReaderSupport.loadBalancerName) {
            name = derived
        } else {
            guard let given = AWSReaderSupport.requiredID(item, "LoadBalancerName", &d) else { return nil }
            name = given
        }
        var subnets: [String] = []
        for zone in AWSReaderSupport.objects(item, "AvailabilityZones", &d) {
            if let subnet = AWSReaderSupport.text(zone, "SubnetId", &d), !subnets.contains(subnet) {
                subnets.append(subnet)
            }
        }
        return LoadBalancer(
            name: name, arn: arn, scheme: AWSReaderSupport.text(item, "Scheme", &d),
            type: AWSReaderSupport.text(item, "Type", &d), vpc: AWSReaderSupport.text(item, "VpcId", &d),
            subnets: subnets, securityGroups: AWSReaderSupport.strings(item, "SecurityGroups", &d),
            dnsName: AWSReaderSupport.text(item, "DNSName", &d),
            state: item.fields("State", &d).flatMap { AWSReaderSupport.text($0, "Code", &d) },
            source: item.node.location)
    }
}
