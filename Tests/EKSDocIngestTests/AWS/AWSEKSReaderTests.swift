import EKSDocModel
import XCTest
@testable import EKSDocIngest

/// eks describe-cluster, describe-nodegroup, describe-addon and list-addons.
final class AWSEKSReaderTests: XCTestCase {
    static let fakeCA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCkVLU0RPQy1URVNULUZBS0UtQ0EtTVVTVC1ORVZFUi1MRUFLCg=="

    static let cluster = """
    {
        "cluster": {
            "name": "leadertools-qas",
            "arn": "arn:aws:eks:us-west-2:739284516203:cluster/leadertools-qas",
            "version": "1.33",
            "endpoint": "https://F1DF92535C71913009EBF4096328D6A1.gr7.us-west-2.eks.amazonaws.com",
            "resourcesVpcConfig": {
                "subnetIds": ["subnet-06582423b4bddaaef", "subnet-090a8b74a06b832c8"],
                "securityGroupIds": ["sg-extra"],
                "clusterSecurityGroupId": "sg-0da734f201fa4ca64",
                "vpcId": "vpc-078e600d57da47c6c",
                "endpointPublicAccess": true,
                "endpointPrivateAccess": false,
                "publicAccessCidrs": ["0.0.0.0/0", "203.0.113.9/24"]
            },
            "kubernetesNetworkConfig": {"serviceIpv4Cidr": "172.20.0.0/16", "ipFamily": "ipv4",
                                        "elasticLoadBalancing": {"enabled": false}},
            "logging": {"clusterLogging": [
                {"types": ["api", "audit", "authenticator"], "enabled": true},
                {"types": ["controllerManager", "scheduler"], "enabled": false}
            ]},
            "identity": {"oidc": {"issuer": "https://oidc.eks.us-west-2.amazonaws.com/id/F1DF92535C71913009EBF4096328D6A1"}},
            "status": "ACTIVE",
            "certificateAuthority": {"data": "\(fakeCA)"},
            "platformVersion": "eks.9",
            "tags": {"Environment": "qas"},
            "accessConfig": {"authenticationMode": "API_AND_CONFIG_MAP"}
        }
    }
    """

    func testClusterFields() {
        let (env, diagnostics) = AWSReaderTestSupport.read(Self.cluster, file: "eks-describe-cluster.json")
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.cluster, Cluster(
            name: "leadertools-qas", version: "1.33", arn: "arn:aws:eks:us-west-2:739284516203:cluster/leadertools-qas",
            region: "us-west-2", vpc: "vpc-078e600d57da47c6c",
            subnets: ["subnet-06582423b4bddaaef", "subnet-090a8b74a06b832c8"], securityGroups: ["sg-extra"],
            clusterSecurityGroup: "sg-0da734f201fa4ca64", serviceCidr: "172.20.0.0/16", ipFamily: "ipv4",
            endpointPublic: true, endpointPrivate: false, publicAccessCidrs: ["0.0.0.0/0", "203.0.113.0/24"],
            oidcIssuer: "https://oidc.eks.us-west-2.amazonaws.com/id/F1DF92535C71913009EBF4096328D6A1",
            logging: ["api", "audit", "authenticator"], status: "ACTIVE", platformVersion: "eks.9",
            source: SourceLocation(file: "eks-describe-cluster.json", line: 2, column: 16)))
        XCTAssertEqual(env.region, "us-west-2")
    }

    func testCertificateAuthorityDataNeverReachesTheModel() throws {
        let (env, _) = AWSReaderTestSupport.read(Self.cluster)
        XCTAssertNotNil(env.cluster)
        let dump = try AWSReaderTestSupport.dump(env)
        XCTAssertFalse(dump.contains(Self.fakeCA))
        XCTAssertFalse(dump.contains("LS0tLS1CRUdJTi"))
    }

    func testClusterWithoutEndpointFlagsOrLogging() {
        // moto's clusters lack the endpoint flags; a missing block leaves the field unknown, not false.
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"cluster": {"name": "moto-cluster", "arn": "arn:aws:eks:eu-west-1:123456789012:cluster/moto-cluster",
          "resourcesVpcConfig": {"subnetIds": ["subnet-1"], "securityGroupIds": [], "vpcId": "vpc-1"}}}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.cluster?.region, "eu-west-1")
        XCTAssertNil(env.cluster?.endpointPublic)
        XCTAssertNil(env.cluster?.publicAccessCidrs)
        XCTAssertNil(env.cluster?.logging)
        XCTAssertNil(env.cluster?.serviceCidr)
    }

    func testClusterWithBadServiceCidrAndWrongTypes() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"cluster": {"name": "c", "kubernetesNetworkConfig": {"serviceIpv4Cidr": "172.20.0.0/40"},
          "resourcesVpcConfig": {"endpointPublicAccess": "yes"}}}
        """)
        XCTAssertEqual(env.cluster?.name, "c")
        XCTAssertNil(env.cluster?.serviceCidr)
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:1:74: error: eks describe-cluster 'serviceIpv4Cidr': '172.20.0.0/40' is not a valid CIDR block",
            "snap.json:2:50: error: eks describe-cluster: field 'endpointPublicAccess' must be a boolean, found a string",
        ])
    }

    func testNodeGroup() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"nodegroup": {
          "nodegroupName": "eks_leadertools", "clusterName": "leadertools-qas", "version": "1.33",
          "status": "ACTIVE", "capacityType": "ON_DEMAND",
          "scalingConfig": {"minSize": 2, "maxSize": 3, "desiredSize": 2},
          "instanceTypes": ["t3a.medium"], "subnets": ["subnet-a", "subnet-b"], "amiType": "AL2023_x86_64_STANDARD",
          "nodeRole": "arn:aws:iam::739284516203:role/eks_leadertools-node",
          "labels": {"role": "system"},
          "taints": [{"key": "CriticalAddonsOnly", "value": "true", "effect": "NO_SCHEDULE"},
                     {"key": "dedicated", "effect": "NO_EXECUTE"}],
          "diskSize": 20, "tags": {"Name": "eks_leadertools"}
        }}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.nodeGroups, [NodeGroup(
            name: "eks_leadertools", cluster: "leadertools-qas", managed: true, instanceTypes: ["t3a.medium"],
            min: 2, max: 3, desired: 2, subnets: ["subnet-a", "subnet-b"], amiType: "AL2023_x86_64_STANDARD",
            capacityType: "ON_DEMAND", diskSize: 20, labels: ["role": "system"],
            taints: [Taint(key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE"),
                     Taint(key: "dedicated", effect: "NO_EXECUTE")],
            nodeRole: "arn:aws:iam::739284516203:role/eks_leadertools-node",
            source: SourceLocation(file: "snap.json", line: 1, column: 15))])
    }

    func testAddonAndAddonList() {
        let (env, diagnostics) = AWSReaderTestSupport.read([
            ("eks-describe-addon-vpc-cni.json", """
            {"addon": {"addonName": "vpc-cni", "clusterName": "leadertools-qas", "status": "ACTIVE",
              "addonVersion": "v1.19.6-eksbuild.1",
              "serviceAccountRoleArn": "arn:aws:iam::739284516203:role/vpc-cni-irsa",
              "configurationValues": "{\\"env\\":{\\"ENABLE_PREFIX_DELEGATION\\":\\"true\\"}}"}}
            """),
            ("eks-list-addons.json", """
            {"addons": ["coredns", "kube-proxy"]}
            """),
        ])
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.addons, [
            Addon(name: "vpc-cni", version: "v1.19.6-eksbuild.1",
                  serviceAccountRole: "arn:aws:iam::739284516203:role/vpc-cni-irsa", status: "ACTIVE",
                  source: SourceLocation(file: "eks-describe-addon-vpc-cni.json", line: 1, column: 11)),
            Addon(name: "coredns", source: SourceLocation(file: "eks-list-addons.json", line: 1, column: 13)),
            Addon(name: "kube-proxy", source: SourceLocation(file: "eks-list-addons.json", line: 1, column: 24)),
        ])
    }
}
