import EKSDocModel

/// Reads `aws eks describe-cluster` output (`{"cluster": {...}}`).
///
/// Keeps the VPC configuration, endpoint access, service CIDR, IP family, OIDC issuer, the enabled
/// control-plane log types and the region (from the ARN). `certificateAuthority` is never read.
public enum AWSClusterReader: DocumentReader {
    public static var origin: Origin { .live }

    public static func recognizes(_ document: Node) -> Bool {
        AWSReaderSupport.isAnswer(document, objectKey: "cluster")
    }

    public static func read(_ document: Node, into environment: inout Environment,
                            diagnostics: inout Diagnostics) {
        guard let item = Fields(document, context: "eks describe-cluster").fields("cluster", &diagnostics),
              let cluster = cluster(item, &diagnostics) else { return }
        if environment.region == nil { environment.region = cluster.region }
        environment.cluster = cluster
    }

    static func cluster(_ item: Fields, _ d: inout Diagnostics) -> Cluster? {
        guard let name = AWSReaderSupport.requiredID(item, "name", &d) else { return nil }
        let arn = AWSReaderSupport.text(item, "arn", &d)
        var cluster = Cluster(name: name, version: AWSReaderSupport.text(item, "version", &d), arn: arn,
                              region: arn.flatMap(AWSReaderSupport.region(ofARN:)),
                              status: AWSReaderSupport.text(item, "status", &d),
                              platformVersion: AWSReaderSupport.text(item, "platformVersion", &d),
                              source: item.node.location)
        if let vpc = item.fields("resourcesVpcConfig", &d) {
            cluster.vpc = AWSReaderSupport.text(vpc, "vpcId", &d)
            cluster.subnets = AWSReaderSupport.strings(vpc, "subnetIds", &d)
            cluster.securityGroups = AWSReaderSupport.strings(vpc, "securityGroupIds", &d)
            cluster.clusterSecurityGroup = AWSReaderSupport.text(vpc, "clusterSecurityGroupId", &d)
            cluster.endpointPublic = vpc.bool("endpointPublicAccess", &d)
            cluster.endpointPrivate = vpc.bool("endpointPrivateAccess", &d)
            if AWSReaderSupport.isSet(vpc, "publicAccessCidrs") {
                cluster.publicAccessCidrs = AWSReaderSupport.cidrs(vpc, "publicAccessCidrs", &d)
            }
        }
        if let network = item.fields("kubernetesNetworkConfig", &d) {
            cluster.serviceCidr = AWSReaderSupport.cidr(network, "serviceIpv4Cidr", &d)
                ?? AWSReaderSupport.cidr(network, "serviceIpv6Cidr", &d)
            cluster.ipFamily = AWSReaderSupport.text(network, "ipFamily", &d)
        }
        if let oidc = item.fields("identity", &d)?.fields("oidc", &d) {
            cluster.oidcIssuer = AWSReaderSupport.text(oidc, "issuer", &d)
        }
        if let logging = item.fields("logging", &d) {
            var enabled: [String] = []
            for setup in AWSReaderSupport.objects(logging, "clusterLogging", &d)
            where setup.bool("enabled", &d) == true {
                for type in AWSReaderSupport.strings(setup, "types", &d) where !enabled.contains(type) {
                    enabled.append(type)
                }
            }
            cluster.logging = enabled
        }
        return cluster
    }
}
