import EKSDocModel
import XCTest
@testable import EKSDocIngest

/// Resource types of the Terraform state reader, read from small inline states.
final class TerraformStateResourceTests: XCTestCase {
    /// A state document around `resources` (JSON objects separated by commas).
    func state(_ resources: [String]) -> String {
        #"{"version": 4, "terraform_version": "1.9.8", "resources": ["# + resources.joined(separator: ",\n") + "]}"
    }

    func resource(_ type: String, _ name: String, _ attributes: String, module: String? = nil) -> String {
        let prefix = module.map { #""module": "\#($0)", "# } ?? ""
        return #"{\#(prefix)"mode": "managed", "type": "\#(type)", "name": "\#(name)", "instances": [{"attributes": \#(attributes)}]}"#
    }

    var extensions: [String] {
        [
            resource("aws_vpc_ipv4_cidr_block_association", "second", #"""
                {"vpc_id": "vpc-1", "cidr_block": "100.64.0.0/16"}
                """#),
            resource("aws_main_route_table_association", "main", #"{"vpc_id": "vpc-1", "route_table_id": "rtb-1"}"#),
            resource("aws_route_table_association", "a", #"""
                {"subnet_id": "subnet-a", "gateway_id": "", "route_table_id": "rtb-1"}
                """#),
            resource("aws_route_table_association", "edge", #"""
                {"subnet_id": "", "gateway_id": "igw-2", "route_table_id": "rtb-1"}
                """#),
            resource("aws_route", "nat", #"""
                {"route_table_id": "rtb-1", "destination_cidr_block": "0.0.0.0/0", "nat_gateway_id": "nat-1",
                "state": "active"}
                """#),
            resource("aws_route", "v6", #"""
                {"route_table_id": "rtb-1", "destination_cidr_block": "", "destination_ipv6_cidr_block": "::/0",
                "egress_only_gateway_id": "eigw-1"}
                """#),
            resource("aws_internet_gateway_attachment", "att", #"{"internet_gateway_id": "igw-2", "vpc_id": "vpc-1"}"#),
            resource("aws_security_group_rule", "in", #"""
                {"type": "ingress", "security_group_id": "sg-1", "protocol": "tcp", "from_port": 443,
                "to_port": 443, "cidr_blocks": ["10.0.0.0/8"], "self": true, "source_security_group_id": "sg-2"}
                """#),
            resource("aws_vpc_security_group_egress_rule", "out", #"""
                {"security_group_id": "sg-1", "ip_protocol": "-1", "from_port": null, "to_port": null,
                "cidr_ipv4": "0.0.0.0/0"}
                """#),
        ]
    }

    var entities: [String] {
        [
            resource("aws_vpc", "main", #"""
                {"id": "vpc-1", "cidr_block": "10.0.0.0/16", "ipv6_cidr_block": "", "tags": {"Name": "main"}}
                """#),
            resource("aws_route_table", "rt", #"{"id": "rtb-1", "vpc_id": "", "route": [], "tags": {}}"#),
            resource("aws_internet_gateway", "igw", #"{"id": "igw-2", "vpc_id": "", "tags": {"Name": "edge"}}"#),
            resource("aws_security_group", "sg", #"""
                {"id": "sg-1", "name": "web", "vpc_id": "vpc-1", "ingress": [], "egress": []}
                """#),
        ]
    }

    func testExtensionsApplyWhateverTheOrder() {
        let before = AWSReaderTestSupport.read(state(extensions + entities))
        let after = AWSReaderTestSupport.read(state(entities + extensions))
        XCTAssertEqual(before.diagnostics.items, [])
        XCTAssertEqual(after.diagnostics.items, [])
        let env = before.env
        XCTAssertEqual(env.vpcs.map(\.cidrs), [["10.0.0.0/16", "100.64.0.0/16"]])
        XCTAssertEqual(env.routeTables.count, 1)
        XCTAssertEqual(env.routeTables.first?.main, true)
        XCTAssertEqual(env.routeTables.first?.vpc, "vpc-1")
        XCTAssertEqual(env.routeTables.first?.subnets, ["subnet-a"])
        XCTAssertEqual(env.routeTables.first?.gateways, ["igw-2"])
        XCTAssertEqual(env.routeTables.first?.routes.map(\.destination), ["0.0.0.0/0", "::/0"])
        XCTAssertEqual(env.routeTables.first?.routes.map(\.targetKind), [.natGateway, .egressOnlyInternetGateway])
        XCTAssertEqual(env.internetGateways.map(\.vpcs), [["vpc-1"]])
        XCTAssertEqual(env.securityGroups.count, 1)
        XCTAssertEqual(env.securityGroups.first?.name, "web")
        XCTAssertEqual(env.securityGroups.first?.ingress.map(\.peer), ["10.0.0.0/8", "sg-2", "sg-1"])
        XCTAssertEqual(env.securityGroups.first?.egress.map(\.protocol), ["-1"])
        XCTAssertEqual(env.securityGroups.first?.egress.first?.fromPort, nil)
        // Apart from where each entity was defined, both orders give the same model.
        func shape(_ env: Environment) -> [String] {
            [env.vpcs.map(\.cidrs).description, env.routeTables.map(\.routes.count).description,
             env.routeTables.map(\.subnets).description, env.securityGroups.map(\.ingress.count).description,
             env.internetGateways.map(\.vpcs).description]
        }
        XCTAssertEqual(shape(before.env), shape(after.env))
    }

    func testRulesAndRoutesForEntitiesNotInTheStateCreateThem() {
        let (env, diagnostics) = AWSReaderTestSupport.read(state([
            resource("aws_security_group_rule", "r", #"""
                {"type": "egress", "security_group_id": "sg-elsewhere", "protocol": "udp", "from_port": 53,
                "to_port": 53, "cidr_blocks": ["10.0.0.2/32"]}
                """#),
            resource("aws_route", "r", #"""
                {"route_table_id": "rtb-elsewhere", "destination_prefix_list_id": "pl-1", "gateway_id": "vpce-1"}
                """#),
            resource("aws_vpc_ipv4_cidr_block_association", "c", #"""
                {"vpc_id": "vpc-elsewhere", "cidr_block": "100.64.0.0/16"}
                """#),
        ]))
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.securityGroups.map(\.id), ["sg-elsewhere"])
        XCTAssertEqual(env.securityGroups.first?.egress.map(\.peer), ["10.0.0.2/32"])
        XCTAssertEqual(env.securityGroups.first?.source, env.securityGroups.first?.egress.first?.source)
        XCTAssertEqual(env.routeTables.map(\.id), ["rtb-elsewhere"])
        XCTAssertEqual(env.routeTables.first?.routes.first?.targetKind, .vpcEndpoint)
        XCTAssertEqual(env.vpcs.map(\.cidrs), [["100.64.0.0/16"]])
    }

    func testDefaultResources() {
        let (env, diagnostics) = AWSReaderTestSupport.read(state([
            resource("aws_default_vpc", "d", #"{"id": "vpc-d", "cidr_block": "172.31.0.0/16"}"#),
            resource("aws_default_subnet", "a", #"""
                {"id": "subnet-d", "vpc_id": "vpc-d", "cidr_block": "172.31.0.0/20",
                "availability_zone": "us-east-1a", "map_public_ip_on_launch": true}
                """#),
            resource("aws_default_route_table", "d", #"""
                {"id": "rtb-d", "default_route_table_id": "rtb-d", "vpc_id": "vpc-d",
                "route": [{"cidr_block": "0.0.0.0/0", "gateway_id": "igw-d", "ipv6_cidr_block": ""}]}
                """#),
            resource("aws_default_security_group", "d", #"""
                {"id": "sg-d", "name": "default", "vpc_id": "vpc-d", "ingress": [{"protocol": "-1", "from_port": 0,
                "to_port": 0, "self": true, "cidr_blocks": [], "security_groups": []}], "egress": []}
                """#),
        ]))
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.vpcs.first?.isDefault, true)
        XCTAssertEqual(env.subnets.first?.mapPublicIpOnLaunch, true)
        XCTAssertEqual(env.routeTables.first?.main, true)
        XCTAssertEqual(env.routeTables.first?.routes.first?.targetKind, .internetGateway)
        XCTAssertEqual(env.securityGroups.first?.ingress.map(\.peer), ["sg-d"])
    }

    func testVpcRuleResourcesHaveOnePeerEach() {
        let (env, diagnostics) = AWSReaderTestSupport.read(state([
            resource("aws_vpc_security_group_ingress_rule", "pl", #"""
                {"security_group_id": "sg-1", "ip_protocol": "tcp", "from_port": 443, "to_port": 443,
                "prefix_list_id": "pl-9", "description": "office"}
                """#),
            resource("aws_vpc_security_group_ingress_rule", "icmp", #"""
                {"security_group_id": "sg-1", "ip_protocol": "icmp", "from_port": -1, "to_port": -1,
                "cidr_ipv4": "10.1.2.3/16"}
                """#),
            resource("aws_vpc_security_group_ingress_rule", "sg", #"""
                {"security_group_id": "sg-1", "ip_protocol": "6", "from_port": 8080, "to_port": 8080,
                "referenced_security_group_id": "sg-2"}
                """#),
            resource("aws_vpc_security_group_ingress_rule", "v6", #"""
                {"security_group_id": "sg-1", "ip_protocol": "tcp", "from_port": 80, "to_port": 80,
                "cidr_ipv6": "2600:1f18::/40"}
                """#),
        ]))
        XCTAssertEqual(diagnostics.items, [])
        let ingress = env.securityGroups.first?.ingress ?? []
        XCTAssertEqual(ingress.map(\.peer), ["pl-9", "10.1.0.0/16", "sg-2", "2600:1f18::/40"])
        XCTAssertEqual(ingress.map(\.peerKind), [.prefixList, .cidr, .securityGroup, .ipv6Cidr])
        XCTAssertEqual(ingress.map(\.protocol), ["tcp", "icmp", "tcp", "tcp"])
        XCTAssertEqual(ingress.map(\.fromPort), [443, -1, 8080, 80])
        XCTAssertEqual(ingress.first?.description, "office")
    }

    func testBadRulesAreReported() {
        let (env, diagnostics) = AWSReaderTestSupport.read("""
        {"version": 4, "terraform_version": "1.9.8", "resources": [
          {"mode": "managed", "type": "aws_security_group_rule", "name": "a", "instances": [{"attributes":
            {"type": "sideways", "security_group_id": "sg-1", "protocol": "tcp", "from_port": 1, "to_port": 1}}]},
          {"mode": "managed", "type": "aws_security_group", "name": "b", "instances": [{"attributes":
            {"id": "sg-1", "ingress": [{"protocol": "tcp", "from_port": 0, "to_port": 70000, "cidr_blocks": ["10.0.0.0/8", "bad"]}]}}]},
          {"mode": "managed", "type": "aws_vpc_security_group_egress_rule", "name": "c", "instances": [{"attributes":
            {"security_group_id": "sg-1", "ip_protocol": "-1"}}]}
        ]}
        """)
        XCTAssertEqual(env.securityGroups.first?.ingress.map(\.peer), ["10.0.0.0/8"])
        XCTAssertEqual(env.securityGroups.first?.ingress.first?.toPort, nil)
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "snap.json:3:14: error: aws_security_group_rule.a: 'type' must be ingress or egress, found 'sideways'",
            "snap.json:5:79: error: aws_security_group.b ingress[0]: 'to_port' 70000 is outside the port range 0-65535",
            "snap.json:5:116: error: aws_security_group.b ingress[0] 'cidr_blocks': 'bad' is not a valid CIDR block",
            "snap.json:7:5: error: aws_vpc_security_group_egress_rule.c: rule has no peer (cidr_ipv4, cidr_ipv6, "
                + "referenced_security_group_id or prefix_list_id)",
        ])
    }

    func testInternalLoadBalancerFromSubnetMappings() {
        let (env, diagnostics) = AWSReaderTestSupport.read(state([
            resource("aws_lb", "nlb", #"""
                {"name": "inner", "internal": true, "load_balancer_type": "network", "subnets": [],
                "subnet_mapping": [{"subnet_id": "subnet-a"}, {"subnet_id": "subnet-b"}], "security_groups": []}
                """#),
            resource("aws_alb", "old", #"{"name": "legacy", "internal": false, "subnets": ["subnet-c"]}"#),
        ]))
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.loadBalancers.map(\.name), ["inner", "legacy"])
        XCTAssertEqual(env.loadBalancers.map(\.scheme), ["internal", "internet-facing"])
        XCTAssertEqual(env.loadBalancers.first?.subnets, ["subnet-a", "subnet-b"])
    }

    func testRouteTableInlineRoutes() {
        let (env, diagnostics) = AWSReaderTestSupport.read(state([
            resource("aws_route_table", "rt", #"""
            {"id": "rtb-1", "vpc_id": "vpc-1", "route": [
              {"cidr_block": "10.0.0.0/8", "instance_id": "i-1", "network_interface_id": "eni-1", "gateway_id": ""},
              {"cidr_block": "172.16.0.0/12", "network_interface_id": "eni-2"},
              {"cidr_block": "", "ipv6_cidr_block": "2600::/16", "transit_gateway_id": "tgw-1"},
              {"cidr_block": "192.168.0.0/16", "vpc_peering_connection_id": "pcx-1"},
              {"cidr_block": "10.9.0.0/16", "core_network_arn": "arn:aws:networkmanager::1:core-network/x"},
              {"cidr_block": "10.8.0.0/16"}
            ]}
            """#),
        ]))
        let routes = env.routeTables.first?.routes ?? []
        XCTAssertEqual(routes.map(\.targetKind), [.instance, .networkInterface, .transitGateway, .vpcPeering, .coreNetwork])
        XCTAssertEqual(routes.first?.networkInterface, "eni-1")
        XCTAssertEqual(routes.map(\.state), ["active", "active", "active", "active", "active"])
        XCTAssertEqual(diagnostics.items.map(\.message), ["aws_route_table.rt route[5]: route to 10.8.0.0/16 has no target"])
    }
}
