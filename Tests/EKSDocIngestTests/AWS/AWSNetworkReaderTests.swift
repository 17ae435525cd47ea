import EKSDocModel
import XCTest
@testable import EKSDocIngest

/// describe-vpcs, describe-subnets, describe-internet-gateways, describe-nat-gateways,
/// describe-network-acls and describe-vpc-endpoints.
final class AWSNetworkReaderTests: XCTestCase {
    func testVpcCidrsPrimaryFirstThenCurrentAssociations() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {
          "Vpcs": [
            {
              "CidrBlock": "10.142.32.0/21",
              "CidrBlockAssociationSet": [
                {"AssociationId": "a1", "CidrBlock": "100.96.32.0/21", "CidrBlockState": {"State": "associated"}},
                {"AssociationId": "a0", "CidrBlock": "10.142.32.0/21", "CidrBlockState": {"State": "associated"}},
                {"AssociationId": "a2", "CidrBlock": "100.96.40.5/21", "CidrBlockState": {"State": "associating"}},
                {"AssociationId": "a3", "CidrBlock": "100.97.0.0/16", "CidrBlockState": {"State": "disassociated"}}
              ],
              "Ipv6CidrBlockAssociationSet": [
                {"Ipv6CidrBlock": "2600:1F14:ABCD:1200::/56", "Ipv6CidrBlockState": {"State": "associated"}}
              ],
              "IsDefault": false,
              "Tags": [{"Key": "Name", "Value": "leadertools-qas-vpc"}, {"Key": "team", "Value": "platform"}],
              "VpcId": "vpc-078e600d57da47c6c",
              "State": "available",
              "SomethingNew": {"Nested": [1, 2]}
            }
          ]
        }
        """)
        XCTAssertEqual(diagnostics.items, [])
        let vpc = env.vpcs.first
        XCTAssertEqual(vpc?.id, "vpc-078e600d57da47c6c")
        XCTAssertEqual(vpc?.cidrs, ["10.142.32.0/21", "100.96.32.0/21", "100.96.40.0/21"])
        XCTAssertEqual(vpc?.ipv6Cidrs, ["2600:1f14:abcd:1200::/56"])
        XCTAssertEqual(vpc?.name, "leadertools-qas-vpc")
        XCTAssertEqual(vpc?.tags, ["Name": "leadertools-qas-vpc", "team": "platform"])
        XCTAssertEqual(vpc?.isDefault, false)
        XCTAssertEqual(vpc?.source, SourceLocation(file: "snap.json", line: 3, column: 5))
    }

    func testSubnetFields() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"Subnets": [{
          "AvailabilityZone": "us-west-2a", "AvailabilityZoneId": "usw2-az1", "AvailableIpAddressCount": 2031,
          "CidrBlock": "10.142.36.0/22", "MapPublicIpOnLaunch": false, "SubnetId": "subnet-06582423b4bddaaef",
          "VpcId": "vpc-078e600d57da47c6c",
          "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f14:abcd:1201::/64",
                                           "Ipv6CidrBlockState": {"State": "associated"}}],
          "Tags": [{"Key": "Name", "Value": "private-a"}, {"Key": "kubernetes.io/role/internal-elb", "Value": "1"}]
        }], "NextToken": "abc"}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.subnets, [Subnet(
            id: "subnet-06582423b4bddaaef", vpc: "vpc-078e600d57da47c6c", cidr: "10.142.36.0/22",
            ipv6Cidr: "2600:1f14:abcd:1201::/64", az: "us-west-2a", azId: "usw2-az1", name: "private-a",
            availableAddresses: 2031, mapPublicIpOnLaunch: false,
            tags: ["Name": "private-a", "kubernetes.io/role/internal-elb": "1"],
            source: SourceLocation(file: "snap.json", line: 1, column: 14))])
    }

    func testSubnetHostBitsAreNormalisedSilentlyAndBadCidrIsAnError() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"Subnets": [
          {"SubnetId": "subnet-a", "CidrBlock": "100.68.0.18/18"},
          {"SubnetId": "subnet-b", "CidrBlock": "10.0.300.0/24"}
        ]}
        """)
        XCTAssertEqual(env.subnets.map(\.id), ["subnet-a", "subnet-b"])
        XCTAssertEqual(env.subnets.map(\.cidr), ["100.68.0.0/18", nil])
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:3:41: error: describe-subnets Subnets[1] 'CidrBlock': '10.0.300.0/24' is not a valid CIDR block",
        ])
    }

    func testInternetGatewayAttachments() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"InternetGateways": [{"Attachments": [{"State": "available", "VpcId": "vpc-1"}],
          "InternetGatewayId": "igw-0e74bf1068b4cd3dd", "OwnerId": "739284516203",
          "Tags": [{"Key": "Name", "Value": "qas-igw"}]}]}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.internetGateways, [InternetGateway(
            id: "igw-0e74bf1068b4cd3dd", vpcs: ["vpc-1"], name: "qas-igw",
            source: SourceLocation(file: "snap.json", line: 1, column: 23))])
    }

    func testNatGatewayAddressesAndConnectivity() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"NatGateways": [{
          "NatGatewayAddresses": [{"AllocationId": "eipalloc-1", "NetworkInterfaceId": "eni-1",
                                   "PrivateIp": "10.0.1.10", "PublicIp": "52.1.2.3", "IsPrimary": true}],
          "NatGatewayId": "nat-0a1b2c3d4e5f60718", "State": "available", "SubnetId": "subnet-pub-a",
          "VpcId": "vpc-1", "ConnectivityType": "public", "Tags": [{"Key": "Name", "Value": "nat-a"}]
        }]}
        """)
        XCTAssertEqual(diagnostics.items, [])
        let nat = env.natGateways.first
        XCTAssertEqual(nat?.id, "nat-0a1b2c3d4e5f60718")
        XCTAssertEqual(nat?.publicIps, ["52.1.2.3"])
        XCTAssertEqual(nat?.privateIps, ["10.0.1.10"])
        XCTAssertEqual(nat?.connectivity, "public")
        XCTAssertEqual(nat?.state, "available")
        XCTAssertEqual(nat?.subnet, "subnet-pub-a")
        XCTAssertEqual(nat?.vpc, "vpc-1")
        XCTAssertEqual(nat?.name, "nat-a")
    }

    func testNetworkAclEntriesAndAssociations() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"NetworkAcls": [{
          "Associations": [{"NetworkAclAssociationId": "aclassoc-1", "NetworkAclId": "acl-1", "SubnetId": "subnet-a"},
                           {"NetworkAclAssociationId": "aclassoc-2", "NetworkAclId": "acl-1", "SubnetId": "subnet-b"}],
          "Entries": [
            {"CidrBlock": "0.0.0.0/0", "Egress": true, "Protocol": "-1", "RuleAction": "allow", "RuleNumber": 100},
            {"CidrBlock": "10.0.0.0/8", "Egress": false, "Protocol": "6", "PortRange": {"From": 22, "To": 22},
             "RuleAction": "deny", "RuleNumber": 90},
            {"Ipv6CidrBlock": "::/0", "Egress": false, "Protocol": "-1", "RuleAction": "deny", "RuleNumber": 32768},
            {"CidrBlock": "0.0.0.0/0", "Egress": false, "Protocol": "17", "PortRange": {"From": 0, "To": 70000},
             "RuleAction": "allow", "RuleNumber": 120}
          ],
          "IsDefault": true, "NetworkAclId": "acl-1", "VpcId": "vpc-1"
        }]}
        """)
        let acl = env.networkAcls.first
        XCTAssertEqual(acl?.subnets, ["subnet-a", "subnet-b"])
        XCTAssertEqual(acl?.isDefault, true)
        XCTAssertEqual(acl?.entries, [
            NetworkAclEntry(ruleNumber: 100, egress: true, protocol: "-1", action: "allow", cidr: "0.0.0.0/0"),
            NetworkAclEntry(ruleNumber: 90, egress: false, protocol: "tcp", action: "deny", cidr: "10.0.0.0/8",
                            fromPort: 22, toPort: 22),
            NetworkAclEntry(ruleNumber: 32768, egress: false, protocol: "-1", action: "deny", cidr: "::/0"),
            NetworkAclEntry(ruleNumber: 120, egress: false, protocol: "udp", action: "allow", cidr: "0.0.0.0/0",
                            fromPort: 0, toPort: nil),
        ])
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:9:98: error: describe-network-acls NetworkAcls[0] Entries[3]: 'To' 70000 is outside the port range 0-65535",
        ])
    }

    func testVpcEndpoints() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"VpcEndpoints": [
          {"VpcEndpointId": "vpce-0aa", "VpcEndpointType": "Gateway", "VpcId": "vpc-1",
           "ServiceName": "com.amazonaws.us-west-2.s3", "RouteTableIds": ["rtb-1", "rtb-2"], "SubnetIds": [],
           "Groups": [], "PrivateDnsEnabled": false, "State": "available"},
          {"VpcEndpointId": "vpce-0bb", "VpcEndpointType": "Interface", "VpcId": "vpc-1",
           "ServiceName": "com.amazonaws.us-west-2.ecr.api", "SubnetIds": ["subnet-a", "subnet-b"],
           "Groups": [{"GroupId": "sg-1", "GroupName": "endpoints"}], "PrivateDnsEnabled": true}
        ]}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.vpcEndpoints.map(\.id), ["vpce-0aa", "vpce-0bb"])
        XCTAssertEqual(env.vpcEndpoints[0].routeTables, ["rtb-1", "rtb-2"])
        XCTAssertEqual(env.vpcEndpoints[0].type, "Gateway")
        XCTAssertEqual(env.vpcEndpoints[1].service, "com.amazonaws.us-west-2.ecr.api")
        XCTAssertEqual(env.vpcEndpoints[1].subnets, ["subnet-a", "subnet-b"])
        XCTAssertEqual(env.vpcEndpoints[1].securityGroups, ["sg-1"])
        XCTAssertEqual(env.vpcEndpoints[1].privateDns, true)
    }

    func testMissingIdIsAnErrorAtTheObjectAndOtherItemsAreKept() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"Vpcs": [
          {"CidrBlock": "10.0.0.0/16"},
          {"VpcId": "vpc-2", "CidrBlock": "10.1.0.0/16"}
        ]}
        """)
        XCTAssertEqual(env.vpcs.map(\.id), ["vpc-2"])
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:2:3: error: describe-vpcs Vpcs[0]: missing required field 'VpcId'",
        ])
    }
}
