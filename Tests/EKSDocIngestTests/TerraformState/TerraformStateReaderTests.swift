import EKSDocModel
import XCTest
@testable import EKSDocIngest

/// Terraform state recognition, format version, resource modes, addresses and located diagnostics.
final class TerraformStateReaderTests: XCTestCase {
    func testRecognition() throws {
        let cases: [(String, Bool)] = [
            (#"{"version": 4, "terraform_version": "1.9.8", "serial": 1, "resources": []}"#, true),
            (#"{"version": 3, "terraform_version": "0.11.14", "resources": []}"#, true),
            (#"{"version": 4, "resources": []}"#, false),
            (#"{"version": 4, "terraform_version": "1.9.8", "resources": {}}"#, false),
            (#"{"format_version": "1.2", "terraform_version": "1.9.8", "values": {}}"#, false),
        ]
        for (json, expected) in cases {
            let document = try XCTUnwrap(AWSReaderTestSupport.parse(json))
            XCTAssertEqual(TerraformStateReader.recognizes(document), expected, json)
            if expected { XCTAssertNil(AWSSnapshotReaders.reader(for: document), json) }
        }
        XCTAssertEqual(TerraformStateReader.origin, .live)
    }

    func testOtherFormatVersionsAreAnErrorAtTheVersion() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {
          "version": 3,
          "terraform_version": "0.11.14",
          "resources": [{"mode": "managed", "type": "aws_vpc", "name": "main",
                         "instances": [{"attributes": {"id": "vpc-1", "cidr_block": "10.0.0.0/16"}}]}]
        }
        """, file: "old.tfstate")
        XCTAssertEqual(env.vpcs, [])
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "old.tfstate:2:14: error: terraform state: format version 3 is not supported (only version 4 is read)",
        ])
    }

    func testLookupDataSourcesAreReadAndOthersSkipped() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"version": 4, "terraform_version": "1.9.8", "resources": [
          {"mode": "data", "type": "aws_vpc", "name": "existing",
           "instances": [{"attributes": {"id": "vpc-data", "cidr_block": "10.9.0.0/16"}}]},
          {"mode": "data", "type": "aws_lb", "name": "ingress",
           "instances": [{"attributes": {"name": "k8s-ui", "internal": false, "load_balancer_type": "application",
                                         "subnets": ["subnet-1"], "security_groups": ["sg-1"]}}]},
          {"mode": "data", "type": "aws_subnets", "name": "all", "instances": [{"attributes": {"ids": 7}}]},
          {"mode": "data", "type": "aws_iam_policy_document", "name": "p", "instances": [{"attributes": {"json": 1}}]},
          {"mode": "managed", "type": "aws_iam_role", "name": "r", "instances": [{"attributes": {"arn": "x"}}]},
          {"mode": "managed", "type": "aws_vpc", "name": "main",
           "instances": [{"attributes": {"id": "vpc-1", "cidr_block": "10.0.0.0/16"}}]}
        ]}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.vpcs.map(\.id), ["vpc-data", "vpc-1"])
        XCTAssertEqual(env.loadBalancers.map(\.name), ["k8s-ui"])
        XCTAssertEqual(env.loadBalancers.first?.scheme, "internet-facing")
    }

    func testModuleAndIndexKeysNameTheInstanceInDiagnostics() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"version": 4, "terraform_version": "1.9.8", "resources": [
          {"module": "module.vpc", "mode": "managed", "type": "aws_subnet", "name": "private", "instances": [
            {"index_key": "a", "attributes": {"id": "subnet-a", "cidr_block": 12, "map_public_ip_on_launch": "no"}},
            {"index_key": 1, "attributes": {"cidr_block": "10.0.1.0/24"}},
            {"index_key": 2, "attributes": {"id": "subnet-c", "cidr_block": "10.0.2.0/24"}, "deposed": "00000001"},
            {"index_key": 3},
            {"attributes": {"id": "subnet-d", "cidr_block": "10.0.300.0/24", "tags": {"Name": "d"}}}
          ]}
        ]}
        """)
        XCTAssertEqual(env.subnets.map(\.id), ["subnet-a", "subnet-d"])
        XCTAssertEqual(env.subnets.map(\.name), [nil, "d"])
        let address = "module.vpc.aws_subnet.private"
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:3:71: error: \(address)[\"a\"] 'cidr_block': a CIDR must be a string, found a number",
            "snap.json:3:102: error: \(address)[\"a\"]: field 'map_public_ip_on_launch' must be a boolean, found a string",
            "snap.json:4:36: error: \(address)[1]: missing required field 'id'",
            "snap.json:6:5: error: \(address)[3]: instance has no 'attributes'",
            "snap.json:7:53: error: \(address) 'cidr_block': '10.0.300.0/24' is not a valid CIDR block",
        ])
    }

    func testSensitiveAttributesAreNeverRead() throws {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"version": 4, "terraform_version": "1.9.8", "resources": [
          {"mode": "managed", "type": "aws_eks_cluster", "name": "this", "instances": [{
            "attributes": {"name": "c", "arn": "arn:aws:eks:ap-south-1:1:cluster/c",
                           "certificate_authority": [{"data": "U0VDUkVULUNBLURBVEEtTk9ULUZPUi1ET0NT"}]},
            "sensitive_attributes": "U0VOU0lUSVZFLU5PVC1BLUxJU1Q="}]}
        ]}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.cluster?.region, "ap-south-1")
        let dump = try AWSReaderTestSupport.dump(env)
        XCTAssertFalse(dump.contains("U0VDUkVULUNBLURBVEEtTk9ULUZPUi1ET0NT"))
        XCTAssertFalse(dump.contains("U0VOU0lUSVZFLU5PVC1BLUxJU1Q="))
    }

    func testWrongShapesAreReported() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"version": 4, "terraform_version": "1.9.8", "resources": [
          {"mode": "managed", "name": "no-type", "instances": []},
          {"mode": "managed", "type": "aws_vpc", "name": "v", "instances": {"attributes": {}}},
          {"mode": "managed", "type": "aws_vpc", "name": "w", "instances": [{"attributes": ["id"]}]},
          "not a resource"
        ]}
        """)
        XCTAssertEqual(env.vpcs, [])
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:2:3: error: terraform state resources[0]: missing required field 'type'",
            "snap.json:3:68: error: terraform state resources[1]: field 'instances' must be a list, found a mapping",
            "snap.json:4:84: error: aws_vpc.w: field 'attributes' must be a mapping, found a list",
            "snap.json:5:3: error: terraform state resources[3]: must be a mapping, found a string",
        ])
    }

    func testSeveralClustersKeepTheFirst() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"version": 4, "terraform_version": "1.9.8", "resources": [
          {"mode": "managed", "type": "aws_eks_cluster", "name": "this", "instances": [
            {"index_key": "blue", "attributes": {"name": "blue"}},
            {"index_key": "green", "attributes": {"name": "green"}}]}
        ]}
        """)
        XCTAssertEqual(env.cluster?.name, "blue")
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:4:42: warning: aws_eks_cluster.this[\"green\"]: the state holds several EKS clusters; only 'blue' is kept",
        ])
    }
}
