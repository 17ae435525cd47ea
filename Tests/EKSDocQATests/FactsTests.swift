import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocQA
import EKSDocTestSupport
import XCTest

final class FactsTests: XCTestCase {
    private func assertFact(_ facts: Facts, _ name: String, _ expected: FactValue,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(facts[name], expected, name, file: file, line: line)
    }

    func testLeadertoolsFacts() {
        let f = QAExample.leadertools
        assertFact(f, "env.name", .string("leadertools-qas"))
        assertFact(f, "env.region", .string("us-west-2"))
        assertFact(f, "egress.viaAppliance", .bool(true))
        assertFact(f, "egress.viaNat", .bool(false))
        assertFact(f, "egress.target", .string("i-0919b0c12ffebfc98"))
        assertFact(f, "egress.kind", .string("instance"))
        assertFact(f, "egress.singleAZ", .bool(true))
        assertFact(f, "mainTable.id", .string("rtb-0af593cb336560f42"))
        assertFact(f, "mainTable.defaultTarget", .string("i-0919b0c12ffebfc98"))
        assertFact(f, "igw.id", .string("igw-0e74bf1068b4cd3dd"))
        assertFact(f, "nat.count", .number(0))
        assertFact(f, "vpc.id", .string("vpc-078e600d57da47c6c"))
        assertFact(f, "vpc.primaryCidr", .string("10.142.32.0/21"))
        assertFact(f, "vpc.cidrs", .string("10.142.32.0/21, 100.96.32.0/21"))
        assertFact(f, "vpc.secondaryCidrs", .list([.item(["cidr": .string("100.96.32.0/21")])]))
        assertFact(f, "vpc.hasSecondaryCidr", .bool(true))
        assertFact(f, "azs.list", .string("us-west-2a, us-west-2b"))
        assertFact(f, "subnets.count", .number(10))
        assertFact(f, "cni.customNetworking", .bool(true))
        assertFact(f, "cni.prefixDelegation", .bool(true))
        assertFact(f, "cni.externalSnat", .bool(false))
        assertFact(f, "cni.warmPrefixTarget", .string("1"))
        assertFact(f, "cni.warmIpTarget", .string(""))
        assertFact(f, "cni.eniConfigLabel", .string("topology.kubernetes.io/zone"))
        assertFact(f, "maxPods.instanceType", .string("t3a.medium"))
        assertFact(f, "maxPods.enis", .number(3))
        assertFact(f, "maxPods.ipsPerEni", .number(6))
        assertFact(f, "maxPods.vcpus", .number(2))
        assertFact(f, "maxPods.default", .number(17))
        assertFact(f, "maxPods.customNetworking", .number(12))
        assertFact(f, "maxPods.prefixDelegation", .number(162))
        assertFact(f, "maxPods.formulaInForce", .number(162))
        assertFact(f, "maxPods.recommended", .number(110))
        assertFact(f, "maxPods.formula", .string("(3 - 1) x ((6 - 1) x 16) + 2 = 162; min(162, 110) = 110 (2 vCPUs <= 30)"))
        assertFact(f, "capacity.podAddresses", .string("2,038"))
        assertFact(f, "capacity.nodeAddresses", .string("502"))
        assertFact(f, "addresses.pods", .string("2,038"))
        assertFact(f, "addresses.nodes", .string("502"))
        assertFact(f, "capacity.serviceAddresses", .string("65,536"))
        assertFact(f, "has.internalLoadBalancer", .bool(true))
        assertFact(f, "has.internetFacingLoadBalancer", .bool(false))
        assertFact(f, "lb.internal.count", .number(16))
        assertFact(f, "sg.cluster.id", .string("sg-0da734f201fa4ca64"))
        assertFact(f, "sg.node.id", .string("sg-07019a3af3f18cfa1"))
        assertFact(f, "cluster.publicOpenToWorld", .bool(true))
        assertFact(f, "cluster.endpointPrivate", .bool(false))
        assertFact(f, "cluster.version", .string("1.33"))
        assertFact(f, "cluster.logging", .string("api, audit, authenticator"))
        assertFact(f, "nodeGroup.name", .string("eks_leadertools"))
        assertFact(f, "nodeGroup.max", .number(3))
        assertFact(f, "has.karpenter", .bool(true))
        assertFact(f, "karpenter.version", .string("1.5.0"))
        assertFact(f, "has.ingress", .bool(false))
        assertFact(f, "has.loadBalancerController", .bool(true))
        assertFact(f, "has.addon.podIdentityAgent", .bool(true))
        assertFact(f, "has.corporateRoutes", .bool(true))
        let pods = f["subnets.pods"]
        XCTAssertEqual(pods?.comparableNumber, 2)
        if case .list(let items)? = pods {
            XCTAssertEqual(items.map { $0["id"]?.text }, ["subnet-09d92cbf937adefe5", "subnet-0282b6517b060ced4"])
            XCTAssertEqual(items.map { $0["usable"]?.text }, ["1,019", "1,019"])
        }
        if case .list(let routes)? = f["routes.corporate"] {
            XCTAssertTrue(routes.contains(.item(["destination": .string("10.0.0.0/8"), "target": .string("i-0919b0c12ffebfc98"),
                                                 "kind": .string("instance")])))
            XCTAssertFalse(routes.contains { $0["destination"]?.text == "0.0.0.0/0" }, "default routes are not corporate")
        } else { XCTFail("routes.corporate") }
    }

    func testRetailStoreFacts() {
        let f = QAExample.retail
        assertFact(f, "has.ingress", .bool(true))
        assertFact(f, "has.irsa", .bool(true))
        assertFact(f, "has.podIdentity", .bool(true))
        assertFact(f, "egress.viaNat", .bool(true))
        assertFact(f, "egress.viaAppliance", .bool(false))
        assertFact(f, "egress.kind", .string("NAT gateway"))
        assertFact(f, "egress.singleAZ", .bool(false))
        assertFact(f, "nat.count", .number(2))
        assertFact(f, "cni.customNetworking", .bool(false))
        assertFact(f, "maxPods.default", .number(17))
        assertFact(f, "maxPods.prefixDelegation", .number(242))
        assertFact(f, "maxPods.recommended", .number(17))
        assertFact(f, "capacity.podPrefixAddresses", .string(""))
        assertFact(f, "has.internetFacingLoadBalancer", .bool(true))
        assertFact(f, "has.externalDns", .bool(true))
        assertFact(f, "has.secretsStoreCsi", .bool(true))
        assertFact(f, "has.storage", .bool(true))
        assertFact(f, "has.hpa", .bool(true))
        assertFact(f, "has.karpenter", .bool(false))
        assertFact(f, "has.loadBalancerController", .bool(true))
        assertFact(f, "has.addon.ebsCsi", .bool(true))
        assertFact(f, "cluster.endpointPrivate", .bool(true))
        assertFact(f, "workloads.count", .number(6))
        XCTAssertEqual(f["irsa.count"]?.comparableNumber, 5)
        if case .list(let ingresses)? = f["ingresses"], let first = ingresses.first {
            XCTAssertEqual(first["name"]?.text, "retail-ingress")
            XCTAssertEqual(first["className"]?.text, "alb")
            XCTAssertEqual(first["scheme"]?.text, "internet-facing")
        } else { XCTFail("ingresses") }
    }

    func testEveryRegisteredFactIsSetWithItsType() {
        for name in QAExample.names {
            let facts = QAExample.facts(name)
            XCTAssertEqual(Set(facts.values.keys), Set(FactRegistry.names.keys), name)
            for (fact, type) in FactRegistry.names {
                guard let value = facts.values[fact] else { continue }
                XCTAssertTrue(type.matches(value), "\(name): \(fact) is \(value), not \(type)")
                if case .list(let fields) = type, case .list(let items) = value {
                    for item in items {
                        guard case .map(let map) = item else { XCTFail("\(fact) item is not a map"); continue }
                        XCTAssertEqual(Set(map.keys), Set(fields), "\(name): \(fact) item fields")
                    }
                }
            }
        }
    }

    /// The fact table of docs/questions.md is the contract: every name it lists exists with the stated type,
    /// and the registry has no fact the document does not list.
    func testEveryFactOfTheDocumentResolves() throws {
        let doc = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("docs/questions.md"), encoding: .utf8)
        let rows = doc.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| `") }
        XCTAssertGreaterThan(rows.count, 40)
        var documented = Set<String>()
        for row in rows {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let names = backticked(cells[1])
            let typeText = cells[2]
            documented.formUnion(names)
            let expected: [Set<FactType>]
            if typeText.hasPrefix("list of") {
                let fields = backticked(typeText).first!.trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
                    .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                expected = names.map { _ in [.list(fields)] }
            } else {
                let parts = typeText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                func types(_ text: String) -> Set<FactType> {
                    Set(text.split(separator: "/").map { part -> FactType in
                        switch part { case "string": .string; case "number": .number; default: .bool }
                    })
                }
                expected = parts.count == names.count && parts.count > 1 ? parts.map(types) : names.map { _ in types(typeText) }
            }
            for (name, allowed) in zip(names, expected) {
                let type = FactRegistry.names[name]
                XCTAssertNotNil(type, "\(name) of docs/questions.md is not a fact")
                XCTAssertTrue(type.map(allowed.contains) ?? false, "\(name): \(String(describing: type)) is not \(allowed)")
                XCTAssertTrue(Facts.isKnown(name))
            }
        }
        XCTAssertEqual(Set(FactRegistry.names.keys).subtracting(documented), [], "facts missing from docs/questions.md")
    }

    private func backticked(_ text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    func testFactsAreDeterministicWhateverTheFileOrder() {
        let (reversed, _) = ContentLoader.load(TestSupport.content, order: .reversed)
        for name in QAExample.names {
            let env = reversed.environment(named: name)!
            let facts = FactRegistry.facts(env, EnvironmentAnalysis.analyze(env))
            XCTAssertEqual(facts, QAExample.facts(name), name)
        }
    }

    func testEmptyEnvironmentHasEveryFactEmpty() {
        let env = Environment(name: "empty")
        let facts = FactRegistry.facts(env, EnvironmentAnalysis.analyze(env))
        XCTAssertEqual(Set(facts.values.keys), Set(FactRegistry.names.keys))
        XCTAssertFalse(facts.values.values.contains { $0.isTruthy && $0 != .string("empty") })
    }

    func testListingShowsEveryFact() {
        let listing = QAExample.leadertools.listing
        XCTAssertEqual(listing.count, FactRegistry.names.count)
        XCTAssertTrue(listing.contains { $0.name == "vpc.secondaryCidrs" && $0.value == "[{cidr: 100.96.32.0/21}]" })
        XCTAssertTrue(listing.contains { $0.name == "maxPods.recommended" && $0.value == "110" && $0.type == .number })
    }
}
