import EKSDocAnalysis
import EKSDocModel
import XCTest

final class FlowsLoadBalancerTests: XCTestCase {
    typealias F = FlowFixtures

    func testInternetFacingIPModeReachesPods() throws {
        let flows = FlowAnalysis.flows(F.withLoadBalancer())
        let flow = try XCTUnwrap(F.flow(flows, kind: "inbound", containing: "alb-1"))
        XCTAssertEqual(flow.name, "internet -> alb-1 -> tg-1")
        XCTAssertFalse(flow.blocked)
        XCTAssertEqual(flow.hops.map(\.entityKind), ["internet", "internetGateway", "loadBalancer", "targetGroup", "pod"])
        XCTAssertEqual(flow.hops[1].entity, "igw-1")
        XCTAssertEqual(flow.hops[1].via, "route 0.0.0.0/0 -> igw-1 in rtb-pub")
        XCTAssertEqual(flow.hops[2].via, "sg-alb ingress tcp 443 (HTTPS) from 0.0.0.0/0")
        XCTAssertTrue(flow.hops[3].via.contains("route 10.0.0.0/16 -> local in rtb-pub"), flow.hops[3].via)
        XCTAssertTrue(flow.hops[4].via.contains("sg-node ingress tcp 8080 (HTTP alternate) from sg-alb"), flow.hops[4].via)
    }

    func testInternetFacingLoadBalancerInPrivateSubnetsIsBlockedAtTheGateway() throws {
        let env = F.withLoadBalancer(subnets: ["subnet-prv-a", "subnet-prv-b"])
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "inbound", containing: "alb-1"))
        XCTAssertTrue(flow.blocked)
        let gateway = flow.hops[1]
        XCTAssertEqual(gateway.entityKind, "internetGateway")
        XCTAssertTrue(gateway.blocked)
        XCTAssertTrue(gateway.note?.contains("subnet-prv-a (rtb-a), subnet-prv-b (rtb-b) have no route to an internet gateway") == true,
                      gateway.note ?? "")
        XCTAssertTrue(flow.summary.contains("Blocked at igw-1"), flow.summary)
    }

    func testListenerClosedToTheInternetIsBlocked() throws {
        var env = F.withLoadBalancer()
        env.securityGroups[2].ingress = [F.rule("tcp", 443, 443, "10.0.0.0/8")]
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "inbound", containing: "alb-1"))
        XCTAssertTrue(flow.hops[2].blocked)
        XCTAssertTrue(flow.hops[2].via.contains("no ingress rule in sg-alb allows tcp 443 (HTTPS) from 0.0.0.0/0"), flow.hops[2].via)
    }

    func testPodGroupWithoutRuleFromTheLoadBalancerIsBlocked() throws {
        var env = F.withLoadBalancer()
        env.securityGroups[1].ingress.removeAll { $0.peer == "sg-alb" }
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "inbound", containing: "alb-1"))
        XCTAssertEqual(flow.hops.firstIndex(where: \.blocked), 4)
        XCTAssertTrue(flow.hops[4].via.contains("no ingress rule in sg-node allows tcp 8080"), flow.hops[4].via)
    }

    func testInstanceModeGoesThroughNodePorts() throws {
        let env = F.withLoadBalancer(targetType: "instance")
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "inbound", containing: "alb-1"))
        XCTAssertEqual(flow.hops.map(\.entityKind), ["internet", "internetGateway", "loadBalancer", "node", "pod"])
        XCTAssertTrue(flow.hops[3].via.contains("NodePort range 30000-32767"))
        XCTAssertTrue(flow.hops[3].via.contains("sg-node ingress tcp 30000-32767 from sg-alb"), flow.hops[3].via)
        XCTAssertFalse(flow.blocked)
    }

    func testInternalLoadBalancerIsReachedFromTheVPCAndConnectedNetworksOnly() throws {
        var env = F.withLoadBalancer(scheme: "internal", subnets: ["subnet-prv-a", "subnet-prv-b"])
        env.routeTables[2].routes.append(F.route("192.168.0.0/16", "tgw-corp"))
        let flows = FlowAnalysis.flows(env)
        XCTAssertNil(F.flow(flows, kind: "inbound", containing: "alb-1"))
        let flow = try XCTUnwrap(F.flow(flows, kind: "internal", containing: "alb-1"))
        XCTAssertEqual(flow.name, "vpc-1 -> alb-1 (internal) -> tg-1")
        XCTAssertEqual(flow.hops.first?.entity, "vpc-1")
        XCTAssertFalse(flow.hops.contains { $0.entityKind == "internet" || $0.entityKind == "internetGateway" })
        XCTAssertTrue(flow.hops[0].via.contains("10.0.0.0/16"))
        XCTAssertTrue(flow.hops[0].note?.contains("192.168.0.0/16 via tgw-corp") == true, flow.hops[0].note ?? "")
        XCTAssertTrue(flow.hops[0].note?.contains("not reachable from the internet") == true)
        XCTAssertFalse(flow.blocked)
    }

    func testIngressWithoutLoadBalancerGivesIngressServiceWorkload() throws {
        var env = F.base()
        env.kubernetes = F.webObjects(scheme: "internet-facing", targetType: "ip")
        env.securityGroups[1].ingress.append(F.rule("tcp", 8080, 8080, "10.0.0.0/16"))
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "inbound", containing: "Ingress/shop/web"))
        XCTAssertEqual(flow.name, "internet -> Ingress/shop/web -> Service/shop/web")
        XCTAssertEqual(flow.hops.map(\.entityKind), ["internet", "internetGateway", "ingress", "service", "pod"])
        XCTAssertEqual(flow.hops.map(\.entity).suffix(3), ["Ingress/shop/web", "Service/shop/web", "Deployment/shop/web"])
        XCTAssertTrue(flow.hops[2].via.contains("tcp 443 from 0.0.0.0/0"), flow.hops[2].via)
        XCTAssertTrue(flow.hops[4].via.contains("tcp 8080 from the load balancer"), flow.hops[4].via)
        XCTAssertFalse(flow.blocked)
    }

    func testInternalIngressDefaultsAndInstanceMode() throws {
        var env = F.base()
        var objects = F.webObjects(scheme: "internal", targetType: "instance")
        objects[2].annotations.removeValue(forKey: "alb.ingress.kubernetes.io/scheme")
        env.kubernetes = objects
        let flow = try XCTUnwrap(F.flow(FlowAnalysis.flows(env), kind: "internal", containing: "Ingress/shop/web"))
        XCTAssertEqual(flow.hops.map(\.entityKind), ["vpc", "ingress", "node", "service", "pod"])
        XCTAssertTrue(flow.hops[2].via.contains("NodePort 31080"), flow.hops[2].via)
        XCTAssertEqual(flow.hops[4].entity, "Deployment/shop/web")
    }

    func testIngressMatchesTheControllersLoadBalancerName() throws {
        var env = F.withLoadBalancer()
        env.loadBalancers[0].name = "k8s-shop-web-0123456789"
        env.targetGroups = []
        env.kubernetes = F.webObjects(scheme: "internet-facing", targetType: "ip")
        env.securityGroups[1].ingress.append(F.rule("tcp", 8080, 8080, "sg-alb"))
        let flows = FlowAnalysis.flows(env).filter { $0.kind == "inbound" }
        XCTAssertEqual(flows.map(\.name), ["internet -> k8s-shop-web-0123456789 -> Service/shop/web"])
        XCTAssertEqual(flows[0].hops.last?.entity, "Deployment/shop/web")
    }
}
