import EKSDocModel
import XCTest
@testable import EKSDocIngest

/// describe-security-groups: one normalised rule per protocol, port range and peer.
final class AWSSecurityGroupsReaderTests: XCTestCase {
    static let snapshot = """
    {
      "SecurityGroups": [
        {
          "Description": "nodes",
          "GroupName": "eks-nodes",
          "IpPermissions": [
            {
              "FromPort": 443,
              "IpProtocol": "tcp",
              "IpRanges": [
                {"CidrIp": "10.0.0.0/8", "Description": "corporate"},
                {"CidrIp": "192.168.1.7/24"}
              ],
              "Ipv6Ranges": [],
              "PrefixListIds": [],
              "ToPort": 443,
              "UserIdGroupPairs": [
                {"Description": "from the cluster", "GroupId": "sg-cluster", "UserId": "739284516203"}
              ]
            },
            {
              "IpProtocol": "-1",
              "IpRanges": [],
              "Ipv6Ranges": [{"CidrIpv6": "2600:1f14::/56", "Description": "v6"}],
              "PrefixListIds": [{"PrefixListId": "pl-0123", "Description": "vpn"}],
              "UserIdGroupPairs": [{"GroupId": "sg-nodes", "UserId": "739284516203"}]
            },
            {
              "FromPort": -1,
              "IpProtocol": "icmp",
              "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
              "ToPort": -1
            }
          ],
          "IpPermissionsEgress": [
            {
              "IpProtocol": "-1",
              "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
              "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
              "PrefixListIds": [],
              "UserIdGroupPairs": []
            }
          ],
          "GroupId": "sg-nodes",
          "VpcId": "vpc-1",
          "Tags": [{"Key": "Name", "Value": "nodes-tag-name"}]
        }
      ]
    }
    """

    func testPermissionsSplitIntoOneRulePerPeer() {
        let (env, diagnostics) = AWSReaderTestSupport.read(Self.snapshot)
        XCTAssertEqual(diagnostics.items, [])
        guard let group = env.securityGroups.first else { return XCTFail("no group") }
        XCTAssertEqual(group.id, "sg-nodes")
        XCTAssertEqual(group.name, "eks-nodes")
        XCTAssertEqual(group.description, "nodes")
        XCTAssertEqual(group.vpc, "vpc-1")
        XCTAssertEqual(group.tags, ["Name": "nodes-tag-name"])
        // 2 CIDRs + 1 group pair on 443, then 1 IPv6 + 1 prefix list + 1 group for all traffic, then ICMP.
        XCTAssertEqual(group.ingress.count, 7)
        XCTAssertEqual(group.egress.count, 2)
        let file = "snap.json"
        XCTAssertEqual(Array(group.ingress.prefix(3)), [
            SecurityGroupRule(protocol: "tcp", fromPort: 443, toPort: 443, peer: "10.0.0.0/8", peerKind: .cidr,
                              description: "corporate", source: SourceLocation(file: file, line: 11, column: 13)),
            SecurityGroupRule(protocol: "tcp", fromPort: 443, toPort: 443, peer: "192.168.1.0/24", peerKind: .cidr,
                              source: SourceLocation(file: file, line: 12, column: 13)),
            SecurityGroupRule(protocol: "tcp", fromPort: 443, toPort: 443, peer: "sg-cluster",
                              peerKind: .securityGroup, description: "from the cluster",
                              source: SourceLocation(file: file, line: 18, column: 13)),
        ])
        XCTAssertEqual(group.ingress[3...5].map(\.peer), ["2600:1f14::/56", "pl-0123", "sg-nodes"])
        XCTAssertEqual(group.ingress[3...5].map(\.peerKind), [.ipv6Cidr, .prefixList, .securityGroup])
        XCTAssertEqual(group.ingress[3...5].map(\.description), ["v6", "vpn", nil])
        XCTAssertTrue(group.ingress[3...5].allSatisfy { $0.protocol == "-1" && $0.fromPort == nil && $0.toPort == nil })
        XCTAssertEqual(group.ingress[6].protocol, "icmp")
        XCTAssertEqual(group.ingress[6].fromPort, -1)
        XCTAssertEqual(group.ingress[6].toPort, -1)
        XCTAssertEqual(group.egress.map(\.peer), ["0.0.0.0/0", "::/0"])
        XCTAssertEqual(group.egress.map(\.peerKind), [.cidr, .ipv6Cidr])
    }

    func testProtocolNumbersAreNamed() {
        let (env, _) = AWSReaderTestSupport.read("""
        {"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": [
          {"IpProtocol": "6", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
          {"IpProtocol": "17", "FromPort": 53, "ToPort": 53, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
          {"IpProtocol": "50", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
          {"IpProtocol": "58", "FromPort": -1, "ToPort": -1, "Ipv6Ranges": [{"CidrIpv6": "::/0"}]}
        ]}]}
        """)
        XCTAssertEqual(env.securityGroups.first?.ingress.map(\.protocol), ["tcp", "udp", "50", "icmpv6"])
        XCTAssertEqual(env.securityGroups.first?.ingress[2].fromPort, nil)
    }

    func testBadPortsCidrsAndPeersAreErrorsWithLocations() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"SecurityGroups": [
          {"GroupId": "sg-1", "IpPermissions": [
            {"IpProtocol": "tcp", "FromPort": -1, "ToPort": 65536, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
            {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80,
             "IpRanges": [{"CidrIp": "not-a-cidr"}, {"Description": "no cidr"}, {"CidrIp": "10.1.0.0/16"}],
             "UserIdGroupPairs": [{"UserId": "123"}]}
          ]},
          {"GroupName": "no-id"}
        ]}
        """)
        XCTAssertEqual(env.securityGroups.map(\.id), ["sg-1"])
        let ingress = env.securityGroups.first?.ingress ?? []
        XCTAssertEqual(ingress.map(\.peer), ["10.0.0.0/8", "10.1.0.0/16"])
        XCTAssertEqual(ingress.first?.fromPort, nil)
        XCTAssertEqual(ingress.first?.toPort, nil)
        let context = "describe-security-groups SecurityGroups[0] IpPermissions"
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:3:39: error: \(context)[0]: 'FromPort' -1 is outside the port range 0-65535",
            "snap.json:3:53: error: \(context)[0]: 'ToPort' 65536 is outside the port range 0-65535",
            "snap.json:5:30: error: \(context)[1] IpRanges[0] 'CidrIp': 'not-a-cidr' is not a valid CIDR block",
            "snap.json:5:45: error: \(context)[1] IpRanges[1]: missing required field 'CidrIp'",
            "snap.json:6:27: error: \(context)[1] UserIdGroupPairs[0]: missing required field 'GroupId'",
            "snap.json:8:3: error: describe-security-groups SecurityGroups[1]: missing required field 'GroupId'",
        ])
    }

    func testWrongTypesAreReportedAtTheField() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"SecurityGroups": [{"GroupId": "sg-1", "VpcId": ["vpc-1"], "IpPermissions": {"IpProtocol": "tcp"}}]}
        """)
        XCTAssertEqual(env.securityGroups.map(\.id), ["sg-1"])
        XCTAssertEqual(env.securityGroups.first?.vpc, nil)
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:1:50: error: describe-security-groups SecurityGroups[0]: field 'VpcId' must be a string, found a list",
            "snap.json:1:78: error: describe-security-groups SecurityGroups[0]: field 'IpPermissions' must be a list, "
                + "found a mapping",
        ])
    }
}
