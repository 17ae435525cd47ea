import EKSDocAnalysis
import EKSDocModel
import XCTest

final class FlowsClusterTests: XCTestCase {
    typealias F = FlowFixtures

    func testPodToPodOnOneNodeAndAcrossAZs() throws {
        let flows = FlowAnalysis.flows(F.base()).filter { $0.kind == "pod-to-pod" }
        XCTAssertEqual(flows.map(\.name), [
            "pod to pod across AZs (subnet-prv-a -> subnet-prv-b)",
            "pod to pod on one node (subnet-prv-a)",
            "pod to pod on one node (subnet-prv-b)",
        ])
        let across = flows[0]
        XCTAssertEqual(across.hops.map(\.entityKind), ["pod", "routeTable", "pod"])
        XCTAssertEqual(across.hops[1].via, "route 10.0.0.0/16 -> local in rtb-a")
        XCTAssertTrue(across.hops[2].via.contains("sg-node ingress all traffic from sg-node"), across.hops[2].via)
        XCTAssertFalse(across.blocked)
        let sameNode = flows[1]
        XCTAssertEqual(sameNode.hops.map(\.entityKind), ["pod", "node", "pod"])
        XCTAssertTrue(sameNode.hops[1].note?.contains("no route table, no security group") == true)
    }

    func testPodToPodAcrossAZsBlockedWithoutARule() throws {
        var env = F.base()
        env.securityGroups[1].ingress = [F.rule("tcp", 10250, 10250, "sg-cluster")]
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "pod-to-pod", containing: "across AZs"))
        XCTAssertTrue(flow.blocked)
        XCTAssertTrue(flow.hops[2].blocked)
        XCTAssertTrue(flow.hops[2].via.contains("no ingress rule in sg-node allows udp 53 (DNS)"), flow.hops[2].via)
        XCTAssertFalse(try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "pod-to-pod", containing: "one node")).blocked)
    }

    func testKubeletAllowedFromTheClusterGroup() throws {
        let flows = FlowAnalysis.flows(F.base()).filter { $0.kind == "control-plane" }
        XCTAssertEqual(flows.map(\.name), [
            "control plane -> kubelet on subnet-prv-a (tcp 10250)",
            "control plane -> kubelet on subnet-prv-b (tcp 10250)",
            "nodes in subnet-prv-a -> API server (tcp 443)",
            "nodes in subnet-prv-b -> API server (tcp 443)",
        ])
        XCTAssertEqual(flows[0].hops.map(\.entity), ["demo", "subnet-prv-a"])
        XCTAssertEqual(flows[0].hops[1].via, "sg-node ingress tcp 10250 (kubelet API) from sg-cluster")
        XCTAssertEqual(flows[0].hops[0].via, "sg-cluster egress all traffic to 0.0.0.0/0")
        XCTAssertTrue(flows.allSatisfy { !$0.blocked })
    }

    func testMissingKubeletRuleIsBlocked() throws {
        var env = F.base()
        env.securityGroups[1].ingress.removeAll { $0.fromPort == 10250 }
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "control-plane", containing: "kubelet on subnet-prv-a"))
        XCTAssertTrue(flow.blocked)
        XCTAssertTrue(flow.hops[1].blocked)
        XCTAssertEqual(flow.hops[1].via, "no ingress rule in sg-node allows tcp 10250 (kubelet API) from sg-cluster (10.0.11.0/24),"
                       + " sg-cluster (10.0.12.0/24)")
        XCTAssertTrue(flow.summary.contains("Blocked at subnet-prv-a"), flow.summary)
    }

    func testPublicEndpointGoesThroughTheDefaultRoute() throws {
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(F.base()), kind: "control-plane", containing: "subnet-prv-a -> API"))
        XCTAssertEqual(flow.hops.map(\.entity), ["subnet-prv-a", "nat-a", "igw-1", "demo"])
        XCTAssertEqual(flow.hops[3].via, "public endpoint, publicAccessCidrs 0.0.0.0/0")
    }

    func testPublicEndpointClosedToTheNATAddressIsBlocked() throws {
        var env = F.base()
        env.cluster?.publicAccessCidrs = ["198.51.100.0/24"]
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "control-plane", containing: "subnet-prv-a -> API"))
        XCTAssertTrue(flow.hops[3].blocked)
        XCTAssertTrue(flow.hops[3].note?.contains("3.3.3.1") == true)
    }

    func testPrivateEndpointNeedsAClusterGroupRule() throws {
        var env = F.base()
        env.cluster?.endpointPrivate = true
        var flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "control-plane", containing: "subnet-prv-b -> API"))
        XCTAssertEqual(flow.hops.map(\.entityKind), ["node", "controlPlane"])
        XCTAssertTrue(flow.hops[1].blocked, "the cluster group admits only itself")
        env.securityGroups[0].ingress.append(F.rule("tcp", 443, 443, "sg-node"))
        flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "control-plane", containing: "subnet-prv-b -> API"))
        XCTAssertFalse(flow.blocked)
        XCTAssertTrue(flow.hops[1].via.contains("sg-cluster ingress tcp 443 (HTTPS) from sg-node"), flow.hops[1].via)
    }

    func testEveryFlowIsWellFormedAndDeterministic() {
        var env = F.withLoadBalancer()
        env.kubernetes = F.webObjects(scheme: "internal", targetType: "ip")
        let flows = FlowAnalysis.flows(env)
        XCTAssertEqual(flows, FlowAnalysis.flows(env))
        XCTAssertEqual(Set(flows.map(\.name)).count, flows.count, "names are unique")
        for flow in flows {
            XCTAssertGreaterThanOrEqual(flow.hops.count, 2, flow.name)
            XCTAssertEqual(flow.blocked, flow.hops.contains(where: \.blocked), flow.name)
            XCTAssertTrue(flow.hops.allSatisfy { !$0.entity.isEmpty && !$0.via.isEmpty }, flow.name)
        }
        XCTAssertEqual(Set(flows.map(\.kind)), ["inbound", "internal", "egress", "aws-service", "pod-to-pod", "control-plane"])
    }
}
