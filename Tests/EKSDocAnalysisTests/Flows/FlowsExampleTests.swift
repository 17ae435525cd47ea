import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocTestSupport
import XCTest

final class FlowsExampleTests: XCTestCase {
    func environment(_ name: String) throws -> Environment {
        let (inventory, _) = ContentLoader.load(TestSupport.content)
        return try XCTUnwrap(inventory.environment(named: name))
    }

    func testQASInternalLoadBalancersAreNeverReachedFromTheInternet() throws {
        let env = try environment("leadertools-qas")
        let flows = FlowAnalysis.flows(env)
        let internalNames = Set(env.loadBalancers.filter { $0.scheme == "internal" }.map(\.name))
        XCTAssertEqual(internalNames.count, 16)
        for flow in flows {
            guard let internet = flow.hops.firstIndex(where: { $0.entityKind == "internet" }) else { continue }
            XCTAssertFalse(flow.hops[internet...].contains { $0.entityKind == "loadBalancer" && internalNames.contains($0.entity) },
                           "\(flow.name) reaches an internal load balancer from the internet")
        }
        XCTAssertTrue(flows.filter { $0.kind == "inbound" }.isEmpty)
        let reached = flows.filter { $0.kind == "internal" }
        XCTAssertEqual(Set(reached.compactMap { $0.hops.first { $0.entityKind == "loadBalancer" }?.entity }), internalNames)
        XCTAssertTrue(reached.allSatisfy { $0.hops[0].entity == "vpc-078e600d57da47c6c" })
        XCTAssertTrue(reached[0].hops[0].note?.contains("208.75.8.0/24") == true, "names the corporate ranges")
    }

    func testQASPodEgressGoesToTheAviatrixAppliance() throws {
        let env = try environment("leadertools-qas")
        let egress = FlowAnalysis.flows(env).filter { $0.kind == "egress" }
        XCTAssertEqual(egress.map(\.name), ["pod egress from subnet-0282b6517b060ced4 (us-west-2b)",
                                            "pod egress from subnet-09d92cbf937adefe5 (us-west-2a)"])
        for flow in egress {
            let appliance = try XCTUnwrap(flow.hops.first { $0.entityKind == "instance" })
            XCTAssertEqual(appliance.entity, "i-0919b0c12ffebfc98")
            XCTAssertEqual(appliance.via, "route 0.0.0.0/0 -> i-0919b0c12ffebfc98 in rtb-0af593cb336560f42 (main table)")
            XCTAssertFalse(flow.hops.contains { $0.entityKind == "internetGateway" }, "main-table subnets do not use the IGW")
            XCTAssertTrue(flow.hops[1].note?.contains("SNAT") == true)
            XCTAssertFalse(flow.blocked)
        }
    }

    func testQASKubeletAllowedFromTheClusterGroup() throws {
        let env = try environment("leadertools-qas")
        let kubelet = FlowAnalysis.flows(env).filter { $0.name.contains("kubelet") }
        XCTAssertEqual(kubelet.count, 2)
        for flow in kubelet {
            XCTAssertFalse(flow.blocked, flow.name)
            XCTAssertEqual(flow.hops[1].via, "sg-07019a3af3f18cfa1 ingress tcp 10250 (kubelet API) from sg-0da734f201fa4ca64")
        }
    }

    func testRetailInternetToUIPods() throws {
        let env = try environment("retail-store")
        let flows = FlowAnalysis.flows(env)
        let flow = try XCTUnwrap(flows.first { $0.name == "internet -> k8s-retailpr-retailin-6c1f2a9b3e -> Service/retail-products/ui" })
        XCTAssertFalse(flow.blocked)
        XCTAssertEqual(flow.hops.map(\.entity), ["internet", "igw-04bb86d0e37c46ad3", "k8s-retailpr-retailin-6c1f2a9b3e",
                                                 "Service/retail-products/ui", "Deployment/retail-products/ui"])
        XCTAssertTrue(flow.hops[3].via.hasPrefix("ip targets: pod IPs in"), flow.hops[3].via)
        XCTAssertTrue(flow.hops[4].via.contains("sg-09d86a97634264d4a ingress tcp 8080 (HTTP alternate) from sg-01ce05a881d9ad538"))
        let lbSubnets = try XCTUnwrap(env.loadBalancers.first).subnets
        XCTAssertTrue(lbSubnets.allSatisfy { Routing.classify(subnet: $0, in: env).tier == .public })
    }

    func testRetailPodEgressUsesTheNATOfTheSameAZ() throws {
        let env = try environment("retail-store")
        let egress = FlowAnalysis.flows(env).filter { $0.kind == "egress" }
        XCTAssertEqual(egress.count, 2)
        for flow in egress {
            let pods = try XCTUnwrap(env.subnet(flow.hops[0].entity))
            let nat = try XCTUnwrap(flow.hops.first { $0.entityKind == "natGateway" })
            let natSubnet = try XCTUnwrap(env.natGateways.first { $0.id == nat.entity }?.subnet)
            XCTAssertEqual(env.subnet(natSubnet)?.az, pods.az, flow.name)
            XCTAssertEqual(flow.hops.last?.entityKind, "internet")
            XCTAssertFalse(flow.blocked)
        }
        XCTAssertEqual(Set(egress.compactMap { $0.hops.first { $0.entityKind == "natGateway" }?.entity }),
                       ["nat-0c1a4027bc2fc2741", "nat-0adf80406cd641b65"])
    }

    func testExampleFlowsAreDeterministicAndWellFormed() throws {
        let (inventory, _) = ContentLoader.load(TestSupport.content)
        for env in inventory.environments {
            let flows = FlowAnalysis.flows(env)
            XCTAssertEqual(flows, FlowAnalysis.flows(env), env.name)
            XCTAssertFalse(flows.isEmpty)
            XCTAssertEqual(Set(flows.map(\.name)).count, flows.count)
            for flow in flows {
                XCTAssertGreaterThanOrEqual(flow.hops.count, 2, flow.name)
                XCTAssertEqual(flow.blocked, flow.hops.contains(where: \.blocked), flow.name)
            }
        }
    }
}
