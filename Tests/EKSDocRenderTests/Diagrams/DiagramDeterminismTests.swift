@testable import EKSDocRender
import EKSDocAnalysis
import EKSDocModel
import XCTest

/// Same model, same bytes: whatever the run or the order of the inputs. Node ids come from resource ids, and the
/// diagram names pages embed are stable and safe as file names.
final class DiagramDeterminismTests: XCTestCase {
    static let environments = ["leadertools-qas", "retail-store"]

    func testDiagramsAreByteIdenticalAcrossRuns() {
        for env in Self.environments {
            XCTAssertEqual(DiagramSupport.diagrams(env), DiagramSupport.diagrams(env), env)
        }
    }

    func testDiagramsDoNotDependOnInputOrder() {
        for name in Self.environments {
            let env = Example.inventory.environment(named: name)!
            var shuffled = env
            shuffled.vpcs.reverse()
            shuffled.subnets.reverse()
            shuffled.routeTables = env.routeTables.reversed().map { table in
                var table = table
                table.routes.reverse()
                table.subnets.reverse()
                return table
            }
            shuffled.securityGroups = env.securityGroups.reversed().map { group in
                var group = group
                group.ingress.reverse()
                group.egress.reverse()
                return group
            }
            shuffled.internetGateways.reverse()
            shuffled.natGateways.reverse()
            shuffled.instances.reverse()
            shuffled.loadBalancers.reverse()
            shuffled.targetGroups.reverse()
            shuffled.kubernetes.reverse()
            shuffled.identities.reverse()
            // The facts keep their meaning in any order too. (They are computed from the original environment: which
            // of two matching rules a flow hop cites is the analysis's choice, not the renderer's.)
            var context = Example.context(name)
            context.env = shuffled
            context.facts.routing.reverse()
            context.facts.addresses.subnets.reverse()
            context.facts.capacity.podSubnets.reverse()
            context.facts.capacity.nodeSubnets.reverse()
            context.facts.securityGraph.reverse()
            context.facts.exposure.reverse()
            let original = DiagramGroup.diagrams(Example.context(name))
            let reordered = DiagramGroup.diagrams(context)
            XCTAssertEqual(original.map(\.ref.name), reordered.map(\.ref.name), name)
            for (a, b) in zip(original, reordered) { XCTAssertEqual(a.content, b.content, "\(name) \(a.ref.name)") }
        }
    }

    func testNodeIDsDeriveFromResourceIDs() {
        let topology = DiagramSupport.dot("leadertools-qas", DiagramGroup.topology)
        for id in ["igw-0e74bf1068b4cd3dd", "i-0919b0c12ffebfc98", "subnet-09d92cbf937adefe5", "rtb-0af593cb336560f42"] {
            XCTAssertNotNil(DiagramSupport.nodeLine(topology, id), id)
        }
        XCTAssertTrue(topology.contains(DOTGraph.id("subnet-0de9b50b551f454d0") + " -> " + DOTGraph.id("i-0919b0c12ffebfc98")))
        let groups = DiagramSupport.dot("retail-store", DiagramGroup.securityGroups)
        XCTAssertNotNil(DiagramSupport.nodeLine(groups, "sg-01ce05a881d9ad538"))
        XCTAssertNotNil(DiagramSupport.nodeLine(groups, "0.0.0.0/0"))
        let workloads = DiagramSupport.dot("retail-store", DiagramGroup.workloads)
        XCTAssertNotNil(DiagramSupport.nodeLine(workloads, "Deployment/retail-products/ui"))
        XCTAssertNotNil(DiagramSupport.nodeLine(workloads, "arn:aws:iam::123456789012:role/cart-pod-iam-role"))
    }

    func testEveryEnvironmentHasTheFixedDiagramsAndOnePerFlow() {
        for env in Self.environments {
            let context = Example.context(env)
            let names = DiagramGroup.diagrams(context).map(\.ref.name)
            XCTAssertEqual(names.first, "topology")
            XCTAssertEqual(Array(names.suffix(3)), ["security-groups", "workloads", "capacity"])
            let flows = names.filter { $0.hasPrefix("flow-") }
            XCTAssertEqual(flows.count, context.facts.flows.count, env)
            XCTAssertEqual(Set(names).count, names.count, "names are unique in \(env)")
        }
    }

    func testFlowDiagramNamesAreUniqueSafeAndStable() {
        for env in Self.environments {
            let flows = Example.context(env).facts.flows
            let names = flows.map { DiagramGroup.flowDiagramName($0, in: flows) }
            XCTAssertEqual(Set(names).count, names.count, env)
            for name in names {
                XCTAssertTrue(name.hasPrefix("flow-"), name)
                XCTAssertTrue(name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, name)
                XCTAssertLessThanOrEqual(name.count, 5 + DiagramGroup.slugLimit + 9, name)
                XCTAssertFalse(name.hasSuffix("-") || name.contains("--"), name)
            }
            // The same flow gets the same name whatever the order of the others.
            XCTAssertEqual(flows.reversed().map { DiagramGroup.flowDiagramName($0, in: flows.reversed()) }, names.reversed())
        }
    }

    func testFlowDiagramNamesOfCollidingAndOddNames() {
        func flow(_ name: String) -> Flow {
            Flow(name: name, kind: "egress", summary: "", hops: [Hop(entity: "a", entityKind: "pod", via: "x"),
                                                                 Hop(entity: "b", entityKind: "internet", via: "y")])
        }
        let flows = [flow("Pods -> Internet"), flow("pods  internet"), flow("<>\"/\\"), flow(String(repeating: "long name ", count: 30))]
        let names = flows.map { DiagramGroup.flowDiagramName($0, in: flows) }
        XCTAssertEqual(Set(names).count, 4, "\(names)")
        XCTAssertTrue(names[0].hasPrefix("flow-pods-internet-"), names[0])
        XCTAssertEqual(names[2].count, "flow-".count + 8, "a name without letters is a hash: \(names[2])")
        XCTAssertLessThanOrEqual(names[3].count, 5 + DiagramGroup.slugLimit + 9)
        XCTAssertEqual(DiagramGroup.flowDiagramName(flows[0], in: [flows[0]]), "flow-pods-internet", "no hash without a clash")
    }
}
