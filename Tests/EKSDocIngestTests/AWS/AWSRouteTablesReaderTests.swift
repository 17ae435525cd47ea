import EKSDocModel
import XCTest
@testable import EKSDocIngest

/// describe-route-tables: associations, destinations, targets and route states.
final class AWSRouteTablesReaderTests: XCTestCase {
    func testMainTableSubnetAndGatewayAssociations() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"RouteTables": [
          {"Associations": [
             {"Main": true, "RouteTableAssociationId": "rtbassoc-1", "RouteTableId": "rtb-main",
              "AssociationState": {"State": "associated"}}],
           "RouteTableId": "rtb-main", "VpcId": "vpc-1", "Routes": [], "Tags": []},
          {"Associations": [
             {"Main": false, "SubnetId": "subnet-a", "RouteTableId": "rtb-private",
              "AssociationState": {"State": "associated"}},
             {"Main": false, "SubnetId": "subnet-b", "RouteTableId": "rtb-private"},
             {"Main": false, "SubnetId": "subnet-gone", "RouteTableId": "rtb-private",
              "AssociationState": {"State": "disassociated"}},
             {"Main": false, "GatewayId": "igw-1", "RouteTableId": "rtb-private"}],
           "RouteTableId": "rtb-private", "VpcId": "vpc-1", "Routes": [],
           "Tags": [{"Key": "Name", "Value": "private"}]}
        ]}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.routeTables.map(\.id), ["rtb-main", "rtb-private"])
        XCTAssertEqual(env.routeTables.map(\.main), [true, false])
        XCTAssertEqual(env.routeTables[0].subnets, [])
        XCTAssertEqual(env.routeTables[1].subnets, ["subnet-a", "subnet-b"])
        XCTAssertEqual(env.routeTables[1].gateways, ["igw-1"])
        XCTAssertEqual(env.routeTables[1].name, "private")
        XCTAssertEqual(env.routeTables[1].vpc, "vpc-1")
    }

    func testRouteDestinationsTargetsAndStates() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1", "Routes": [
          {"DestinationCidrBlock": "10.142.32.0/21", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
          {"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-1", "Origin": "CreateRoute", "State": "active"},
          {"DestinationCidrBlock": "10.0.0.0/8", "InstanceId": "i-0919b0c12ffebfc98", "InstanceOwnerId": "739284516203",
           "NetworkInterfaceId": "eni-092ac8924f80cad3b", "Origin": "CreateRoute", "State": "active"},
          {"DestinationCidrBlock": "172.16.0.0/12", "NetworkInterfaceId": "eni-2", "State": "active"},
          {"DestinationCidrBlock": "192.168.0.0/16", "TransitGatewayId": "tgw-1", "State": "blackhole"},
          {"DestinationCidrBlock": "10.200.0.0/16", "VpcPeeringConnectionId": "pcx-1", "State": "active"},
          {"DestinationIpv6CidrBlock": "::/0", "EgressOnlyInternetGatewayId": "eigw-1", "State": "active"},
          {"DestinationPrefixListId": "pl-68a54001", "GatewayId": "vpce-0aa", "State": "active"},
          {"DestinationCidrBlock": "10.201.0.0/16", "LocalGatewayId": "lgw-1"},
          {"DestinationCidrBlock": "10.202.0.0/16", "CarrierGatewayId": "cagw-1"},
          {"DestinationCidrBlock": "10.203.0.0/16",
           "CoreNetworkArn": "arn:aws:networkmanager::123456789012:core-network/core-network-1"},
          {"DestinationCidrBlock": "10.204.0.0/16", "GatewayId": "vgw-1", "State": "active"}
        ]}]}
        """)
        XCTAssertEqual(diagnostics.items, [])
        let routes = env.routeTables.first?.routes ?? []
        XCTAssertEqual(routes.map(\.destination), [
            "10.142.32.0/21", "0.0.0.0/0", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "10.200.0.0/16", "::/0",
            "pl-68a54001", "10.201.0.0/16", "10.202.0.0/16", "10.203.0.0/16", "10.204.0.0/16",
        ])
        XCTAssertEqual(routes.map(\.targetKind), [
            .local, .natGateway, .instance, .networkInterface, .transitGateway, .vpcPeering,
            .egressOnlyInternetGateway, .vpcEndpoint, .localGateway, .carrierGateway, .coreNetwork,
            .virtualPrivateGateway,
        ])
        XCTAssertEqual(routes.map(\.state), [
            "active", "active", "active", "active", "blackhole", "active", "active", "active", "active", "active",
            "active", "active",
        ])
    }

    func testInstanceTargetWinsOverItsNetworkInterface() {
        let (env, _) = AWSReaderTestSupport.read("""
        {"RouteTables": [{"RouteTableId": "rtb-1", "Routes": [
          {"DestinationCidrBlock": "10.0.0.0/8", "NetworkInterfaceId": "eni-092ac8924f80cad3b",
           "InstanceId": "i-0919b0c12ffebfc98", "InstanceOwnerId": "739284516203", "State": "active"}
        ]}]}
        """)
        let route = env.routeTables.first?.routes.first
        XCTAssertEqual(route?.target, "i-0919b0c12ffebfc98")
        XCTAssertEqual(route?.targetKind, .instance)
        XCTAssertEqual(route?.networkInterface, "eni-092ac8924f80cad3b")
        XCTAssertEqual(route?.source, SourceLocation(file: "snap.json", line: 2, column: 3))
    }

    func testBlackholeRouteIsKept() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"RouteTables": [{"RouteTableId": "rtb-1", "Routes": [
          {"DestinationCidrBlock": "0.0.0.0/0", "NatGatewayId": "nat-deleted", "Origin": "CreateRoute",
           "State": "blackhole"}
        ]}]}
        """)
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.routeTables.first?.routes.first?.state, "blackhole")
        XCTAssertEqual(env.routeTables.first?.routes.first?.target, "nat-deleted")
    }

    func testBadRoutesAreReportedAndTheTableKept() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"RouteTables": [{"RouteTableId": "rtb-1", "Routes": [
          {"DestinationCidrBlock": "10.0.0.0/33", "GatewayId": "igw-1"},
          {"DestinationCidrBlock": "10.1.0.0/16"},
          {"GatewayId": "igw-1"},
          {"DestinationCidrBlock": "10.2.0.7/16", "GatewayId": "igw-1"}
        ]}]}
        """)
        XCTAssertEqual(env.routeTables.first?.routes.map(\.destination), ["10.2.0.0/16"])
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:2:28: error: describe-route-tables RouteTables[0] Routes[0] 'DestinationCidrBlock': "
                + "'10.0.0.0/33' is not a valid CIDR block",
            "snap.json:3:3: error: describe-route-tables RouteTables[0] Routes[1]: route to 10.1.0.0/16 has no target",
            "snap.json:4:3: error: describe-route-tables RouteTables[0] Routes[2]: route has no destination "
                + "(DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId)",
        ])
    }
}
