import EKSDocAnalysis
import EKSDocModel
import XCTest

final class FlowsEgressTests: XCTestCase {
    typealias F = FlowFixtures

    func testPodEgressGoesThroughTheNATOfItsAZWithSNAT() throws {
        let flows = FlowAnalysis.flows(F.base())
        let flow = try XCTUnwrap(F.flow(flows, kind: "egress", containing: "subnet-prv-b"))
        XCTAssertEqual(flow.name, "pod egress from subnet-prv-b (us-east-1b)")
        XCTAssertEqual(flow.hops.map(\.entity), ["subnet-prv-b", "subnet-prv-b", "nat-b", "igw-1", "internet"])
        XCTAssertEqual(flow.hops.map(\.entityKind), ["pod", "node", "natGateway", "internetGateway", "internet"])
        XCTAssertEqual(flow.hops[2].via, "route 0.0.0.0/0 -> nat-b in rtb-b")
        XCTAssertTrue(flow.hops[1].note?.contains("SNAT") == true)
        XCTAssertTrue(flow.hops[3].via.contains("the NAT gateway's subnet subnet-pub-b"), flow.hops[3].via)
        XCTAssertFalse(flow.blocked)
    }

    func testNATGatewayInAPrivateSubnetIsBlocked() throws {
        var env = F.base()
        env.natGateways[0].subnet = "subnet-prv-b"
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "egress", containing: "subnet-prv-a"))
        let stop = try XCTUnwrap(flow.hops.first(where: \.blocked))
        XCTAssertEqual(stop.entity, "nat-b")
        XCTAssertTrue(stop.note?.contains("no active route to an internet gateway") == true, stop.note ?? "")
    }

    func testExternalSNATKeepsPodIPs() throws {
        var env = F.base()
        env.cni = CNIConfig(settings: ["AWS_VPC_K8S_CNI_EXTERNALSNAT": "true"], source: F.at)
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "egress", containing: "subnet-prv-a"))
        XCTAssertTrue(flow.hops[1].via.contains("no SNAT"), flow.hops[1].via)
        XCTAssertTrue(flow.hops[1].note?.contains("sees pod IPs") == true)
    }

    func testNoDefaultRouteIsBlocked() throws {
        var env = F.base()
        env.routeTables[2].routes.removeAll { $0.destination == "0.0.0.0/0" }
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "egress", containing: "subnet-prv-a"))
        XCTAssertTrue(flow.blocked)
        let stop = try XCTUnwrap(flow.hops.first(where: \.blocked))
        XCTAssertEqual(stop.entity, "rtb-a")
        XCTAssertEqual(stop.entityKind, "routeTable")
        XCTAssertTrue(stop.note?.contains("isolated") == true)
        XCTAssertFalse(try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "egress", containing: "subnet-prv-b")).blocked)
    }

    func testBlackholeDefaultRouteIsBlocked() throws {
        var env = F.base()
        env.routeTables[3].routes[1] = F.route("0.0.0.0/0", "nat-gone", state: "blackhole")
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "egress", containing: "subnet-prv-b"))
        let stop = try XCTUnwrap(flow.hops.first(where: \.blocked))
        XCTAssertEqual(stop.entity, "nat-gone")
        XCTAssertTrue(stop.via.hasSuffix("(blackhole)"), stop.via)
    }

    func testCustomNetworkingEgressUsesTheNodeSubnetAndAppliance() throws {
        var env = F.base()
        env.vpcs[0].cidrs.append("100.64.0.0/16")
        env.subnets.append(F.subnet("subnet-pod-a", "100.64.0.0/20", "us-east-1a"))
        env.routeTables[2].routes[1] = F.route("0.0.0.0/0", "i-fw")
        env.instances.append(Instance(id: "i-fw", subnet: "subnet-pub-a", sourceDestCheck: false, name: "firewall", source: F.at))
        env.cni = CNIConfig(settings: ["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": "true"], source: F.at)
        var config = KubernetesObject(apiVersion: "crd.k8s.amazonaws.com/v1alpha1", kind: "ENIConfig", name: "us-east-1a", source: F.at)
        config.eniConfig = ENIConfigSpec(subnet: "subnet-pod-a", securityGroups: ["sg-node"])
        env.kubernetes = [config]
        let flows = FlowAnalysis.flows(env)
        XCTAssertEqual(flows.filter { $0.kind == "egress" }.map(\.name), ["pod egress from subnet-pod-a (us-east-1a)"])
        let flow = flows.first { $0.kind == "egress" }!
        XCTAssertEqual(flow.hops.map(\.entity), ["subnet-pod-a", "subnet-prv-a", "i-fw", "internet"])
        XCTAssertTrue(flow.hops[0].via.contains("ENIConfig us-east-1a"))
        XCTAssertEqual(flow.hops[2].entityKind, "instance")
        XCTAssertTrue(flow.hops[2].note?.contains("firewall") == true)
    }

    func testAWSServicesThroughEndpointsOrTheDefaultRoute() throws {
        var env = F.base()
        env.vpcEndpoints = [
            VpcEndpoint(id: "vpce-s3", vpc: "vpc-1", service: "com.amazonaws.us-east-1.s3", type: "Gateway",
                        routeTables: ["rtb-a"], source: F.at),
            VpcEndpoint(id: "vpce-sts", vpc: "vpc-1", service: "com.amazonaws.us-east-1.sts", type: "Interface",
                        subnets: ["subnet-prv-a", "subnet-prv-b"], securityGroups: ["sg-vpce"], privateDns: true, source: F.at),
        ]
        env.routeTables[2].routes.append(F.route("pl-63a5400a", "vpce-s3"))
        env.securityGroups.append(SecurityGroup(id: "sg-vpce", name: "vpce", vpc: "vpc-1",
                                                ingress: [F.rule("tcp", 443, 443, "10.0.0.0/16")], source: F.at))
        let flows = FlowAnalysis.flows(env).filter { $0.kind == "aws-service" }
        XCTAssertEqual(flows.map(\.name), [
            "pods in subnet-prv-a -> AWS services (ecr.api, ecr.dkr)",
            "pods in subnet-prv-a -> s3 via vpce-s3",
            "pods in subnet-prv-a -> sts via vpce-sts",
            "pods in subnet-prv-b -> AWS services (ecr.api, ecr.dkr, s3)",
            "pods in subnet-prv-b -> sts via vpce-sts",
        ])
        XCTAssertEqual(flows[1].hops[2].via, "route pl-63a5400a -> vpce-s3 in rtb-a")
        XCTAssertEqual(flows[2].hops.map(\.entityKind), ["pod", "vpcEndpoint", "awsService"])
        XCTAssertTrue(flows[2].hops[1].via.contains("sg-vpce ingress tcp 443 (HTTPS) from 10.0.0.0/16"), flows[2].hops[1].via)
        XCTAssertTrue(flows[3].hops.last?.note?.contains("vpce-s3 (s3) is not associated") == true)
        XCTAssertEqual(flows[3].hops[2].entity, "nat-b")
        XCTAssertTrue(flows.allSatisfy { !$0.blocked })
    }

    func testInterfaceEndpointClosedToPodsIsBlocked() throws {
        var env = F.base()
        env.vpcEndpoints = [VpcEndpoint(id: "vpce-ecr", vpc: "vpc-1", service: "com.amazonaws.us-east-1.ecr.dkr",
                                        type: "Interface", subnets: ["subnet-prv-a"], securityGroups: ["sg-vpce"], source: F.at)]
        env.securityGroups.append(SecurityGroup(id: "sg-vpce", name: "vpce", vpc: "vpc-1",
                                                ingress: [F.rule("tcp", 443, 443, "10.9.0.0/16")], source: F.at))
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "aws-service", containing: "subnet-prv-b -> ecr.dkr"))
        XCTAssertTrue(flow.blocked)
        XCTAssertTrue(flow.hops[1].blocked)
        XCTAssertTrue(flow.hops[1].note?.contains("private DNS is off") == true)
    }
}
