import EKSDocModel

/// The readers for saved AWS CLI output (`aws ec2|elbv2|eks describe-*`), and a test for AWS answers
/// none of them understands.
public enum AWSSnapshotReaders {
    /// Every AWS CLI reader, one per call.
    public static var all: [any DocumentReader.Type] {
        [
            AWSVpcsReader.self, AWSSubnetsReader.self, AWSRouteTablesReader.self, AWSSecurityGroupsReader.self,
            AWSInternetGatewaysReader.self, AWSNatGatewaysReader.self, AWSNetworkAclsReader.self,
            AWSVpcEndpointsReader.self, AWSInstancesReader.self, AWSInstanceTypesReader.self,
            AWSLoadBalancersReader.self, AWSTargetGroupsReader.self, AWSClusterReader.self, AWSNodeGroupReader.self,
            AWSAddonReader.self, AWSAddonListReader.self,
        ]
    }

    /// The reader that recognises `document`, if any.
    public static func reader(for document: Node) -> (any DocumentReader.Type)? {
        all.first { $0.recognizes(document) }
    }

    /// True for a JSON object that looks like an AWS CLI answer no reader understands: every top-level key
    /// is PascalCase and at least one of them holds a list (`{"KeyPairs": [...]}`), so the loader can warn
    /// "unknown AWS CLI output shape, skipped" instead of failing or ignoring it silently.
    public static func recognizesUnknownAWSShape(_ node: Node) -> Bool {
        guard node.isMap, !node.pairs.isEmpty, reader(for: node) == nil else { return false }
        let pascalCase = node.keys.allSatisfy { key in
            guard let first = key.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
            return key.unicodeScalars.allSatisfy {
                ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
            }
        }
        return pascalCase && node.pairs.contains { $0.value.isList }
    }
}
