import EKSDocModel
import XCTest
@testable import EKSDocIngest

/// Recognition of AWS CLI answers, unknown shapes and paging.
final class AWSSnapshotReadersTests: XCTestCase {
    /// One minimal answer per call, with the reader expected to take it.
    static let answers: [(String, String)] = [
        (#"{"Vpcs": []}"#, "AWSVpcsReader"),
        (#"{"Subnets": [{"SubnetId": "subnet-1"}], "NextToken": "t"}"#, "AWSSubnetsReader"),
        (#"{"RouteTables": []}"#, "AWSRouteTablesReader"),
        (#"{"SecurityGroups": []}"#, "AWSSecurityGroupsReader"),
        (#"{"InternetGateways": []}"#, "AWSInternetGatewaysReader"),
        (#"{"NatGateways": []}"#, "AWSNatGatewaysReader"),
        (#"{"NetworkAcls": []}"#, "AWSNetworkAclsReader"),
        (#"{"VpcEndpoints": []}"#, "AWSVpcEndpointsReader"),
        (#"{"Reservations": []}"#, "AWSInstancesReader"),
        (#"{"InstanceTypes": [], "NextToken": "t"}"#, "AWSInstanceTypesReader"),
        (#"{"LoadBalancers": [], "NextMarker": "m"}"#, "AWSLoadBalancersReader"),
        (#"{"TargetGroups": []}"#, "AWSTargetGroupsReader"),
        (#"{"cluster": {"name": "c"}}"#, "AWSClusterReader"),
        (#"{"nodegroup": {"nodegroupName": "n"}}"#, "AWSNodeGroupReader"),
        (#"{"addon": {"addonName": "vpc-cni"}}"#, "AWSAddonReader"),
        (#"{"addons": ["vpc-cni"], "nextToken": "n"}"#, "AWSAddonListReader"),
    ]

    func testEachAnswerIsRecognisedByExactlyOneReader() throws {
        XCTAssertEqual(AWSSnapshotReaders.all.count, 16)
        for (json, expected) in Self.answers {
            let document = try XCTUnwrap(AWSReaderTestSupport.parse(json))
            let readers = AWSSnapshotReaders.all.filter { $0.recognizes(document) }.map { String(describing: $0) }
            XCTAssertEqual(readers, [expected], json)
            XCTAssertFalse(TerraformStateReader.recognizes(document), json)
            XCTAssertFalse(AWSSnapshotReaders.recognizesUnknownAWSShape(document), json)
        }
        XCTAssertTrue(AWSSnapshotReaders.all.allSatisfy { $0.origin == .live })
    }

    func testOtherDocumentsAreNotTaken() throws {
        let others = [
            #"{"apiVersion": "eksctl.io/v1alpha5", "kind": "ClusterConfig", "addons": [{"name": "vpc-cni"}]}"#,
            #"{"apiVersion": "v1", "kind": "List", "Subnets": []}"#,
            #"{"addons": [{"name": "vpc-cni"}]}"#,
            #"{"Subnets": ["subnet-a", "subnet-b"]}"#,
            #"{"cluster": "name"}"#,
            #"{"cluster": {"name": "eksdoc"}, "files": {}, "mode": "fixed"}"#,
            #"{"version": 4, "terraform_version": "1.9.0", "resources": []}"#,
            #"["Vpcs"]"#,
        ]
        for json in others {
            let document = try XCTUnwrap(AWSReaderTestSupport.parse(json))
            XCTAssertNil(AWSSnapshotReaders.reader(for: document), json)
        }
    }

    func testUnknownAWSShapes() throws {
        let cases: [(String, Bool)] = [
            (#"{"KeyPairs": [{"KeyName": "ops"}]}"#, true),
            (#"{"Volumes": [], "NextToken": "x"}"#, true),
            (#"{"Addresses": []}"#, true),
            (#"{"Vpcs": []}"#, false),
            (#"{"clusters": ["a"]}"#, false),
            (#"{"KeyPairs": {"KeyName": "ops"}}"#, false),
            (#"{"apiVersion": "v1", "kind": "ConfigMap", "Data": []}"#, false),
            (#"{"region": "us-west-2", "Subnets": []}"#, false),
            (#"{}"#, false),
            (#"[{"KeyPairs": []}]"#, false),
        ]
        for (json, expected) in cases {
            let document = try XCTUnwrap(AWSReaderTestSupport.parse(json))
            XCTAssertEqual(AWSSnapshotReaders.recognizesUnknownAWSShape(document), expected, json)
        }
    }

    func testPagesInSeveralFilesAreAllRead() {
        let (env, diagnostics) = AWSReaderTestSupport.read([
            ("subnets-page1.json", """
            {
              "Subnets": [
                {"SubnetId": "subnet-a", "CidrBlock": "10.0.0.0/24", "VpcId": "vpc-1"},
                {"SubnetId": "subnet-b", "CidrBlock": "10.0.1.0/24", "VpcId": "vpc-1"}
              ],
              "NextToken": "eyJwYWdlIjogMn0="
            }
            """),
            ("subnets-page2.json", """
            {
              "Subnets": [
                {"SubnetId": "subnet-c", "CidrBlock": "10.0.2.0/24", "VpcId": "vpc-1"}
              ]
            }
            """),
        ])
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.subnets.map(\.id), ["subnet-a", "subnet-b", "subnet-c"])
        XCTAssertEqual(env.subnets.map(\.source), [
            SourceLocation(file: "subnets-page1.json", line: 3, column: 5),
            SourceLocation(file: "subnets-page1.json", line: 4, column: 5),
            SourceLocation(file: "subnets-page2.json", line: 3, column: 5),
        ])
    }

    func testUnknownKeysAreIgnoredEverywhere() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"RouteTables": [{"RouteTableId": "rtb-1", "FutureField": [1, {"x": null}], "PropagatingVgws": [],
          "Routes": [{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-1", "Origin": "CreateRoute",
                      "Brand": {"New": true}}],
          "OwnerId": "739284516203"}], "ResponseMetadata": {"RequestId": "r"}, "NextToken": null}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.routeTables.first?.routes.first?.target, "igw-1")
    }

    func testItemsThatAreNotObjectsAreReported() {
        var diagnostics = Diagnostics()
        var env = Environment(name: "t")
        let document = JSONParser.parse(#"{"Vpcs": [{"VpcId": "vpc-1"}, "vpc-2", 3]}"#, file: "v.json").node!
        AWSVpcsReader.read(document, into: &env, diagnostics: &diagnostics)
        XCTAssertEqual(env.vpcs.map(\.id), ["vpc-1"])
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "v.json:1:31: error: describe-vpcs Vpcs[1]: must be a mapping, found a string",
            "v.json:1:40: error: describe-vpcs Vpcs[2]: must be a mapping, found a number",
        ])
    }
}
