import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocTestSupport
import Foundation
import XCTest

/// Capacity of the example content against the corrected figures in seeds/README.md.
final class CapacityExampleTests: XCTestCase {
    static let inventory = ContentLoader.load(TestSupport.content).0

    func environment(_ name: String) throws -> Environment {
        try XCTUnwrap(Self.inventory.environment(named: name), "example environment \(name)")
    }

    func testLeadertoolsQASMaxPods() throws {
        let facts = CapacityAnalysis.analyze(try environment("leadertools-qas"), catalog: .builtin)
        XCTAssertEqual(facts.mode, .customNetworkingPrefixDelegation)
        let group = try XCTUnwrap(facts.nodeGroups.first)
        XCTAssertEqual(facts.nodeGroups.count, 1)
        XCTAssertEqual(group.name, "eks_leadertools")
        XCTAssertEqual(group.maxNodes, 3)
        XCTAssertEqual(group.unknownInstanceTypes, [])
        let pods = try XCTUnwrap(group.maxPods.first)
        XCTAssertEqual(pods.instanceType, "t3a.medium")
        XCTAssertEqual(pods.byFormula, 162)
        XCTAssertEqual(pods.recommended, 110)
        XCTAssertEqual(pods.formula, "(3 - 1) x ((6 - 1) x 16) + 2 = 162; min(162, 110) = 110 (2 vCPUs <= 30)")
        // seeds/README.md: 17 by default, 12 with custom networking, 110 recommended with prefix delegation.
        let modes = Dictionary(uniqueKeysWithValues: group.allModes.map { ($0.mode, $0) })
        XCTAssertEqual(modes[.default]?.byFormula, 17)
        XCTAssertEqual(modes[.customNetworking]?.byFormula, 12)
        XCTAssertEqual(modes[.prefixDelegation]?.byFormula, 242)
        XCTAssertEqual(modes[.prefixDelegation]?.recommended, 110)
        XCTAssertEqual(modes[.customNetworkingPrefixDelegation]?.recommended, 110)
        XCTAssertEqual(group.recommendedByType, ["t3a.medium": 110])
        XCTAssertEqual(group.byFormulaByType, ["t3a.medium": 162])
        XCTAssertEqual(group.podLimit, 330)
    }

    func testLeadertoolsQASAddressesAndPodCapacity() throws {
        let facts = CapacityAnalysis.analyze(try environment("leadertools-qas"), catalog: .builtin)
        XCTAssertEqual(facts.podSubnetSource, "eniConfig")
        XCTAssertEqual(Set(facts.podSubnets.compactMap(\.cidr)), ["100.96.32.0/22", "100.96.36.0/22"])
        XCTAssertEqual(facts.podSubnets.map(\.usableAddresses), [1_019, 1_019])
        XCTAssertEqual(facts.podAddresses, 2_038, "seeds/README.md: 2,038 pod addresses, not 2,044")
        // Prefix delegation: 64 aligned /28s per /22, less the first and last, which hold reserved addresses.
        XCTAssertEqual(facts.podSubnets.map(\.prefixBlocks), [62, 62])
        XCTAssertEqual(facts.podPrefixAddresses, 1_984)
        XCTAssertEqual(Set(facts.podSubnets.flatMap(\.usedBy)), ["ENIConfig us-west-2a", "ENIConfig us-west-2b"])

        XCTAssertEqual(Set(facts.nodeSubnets.compactMap(\.cidr)), ["10.142.36.0/24", "10.142.37.0/24"])
        XCTAssertEqual(facts.nodeAddresses, 502, "seeds/README.md: 502 node addresses, not 508")
        for subnet in facts.nodeSubnets {
            XCTAssertEqual(subnet.usedBy, ["node group eks_leadertools", "EC2NodeClass default"], subnet.subnet)
            XCTAssertNil(subnet.prefixBlocks)
        }

        let capacity = try XCTUnwrap(facts.podCapacity)
        XCTAssertEqual(capacity.addressLimit, 1_984)
        XCTAssertEqual(capacity.nodeLimit, 330, "3 nodes x 110 pods")
        XCTAssertEqual(capacity.value, 330)
        XCTAssertEqual(capacity.limitedBy, "nodes")
        XCTAssertTrue(capacity.explanation.hasPrefix("330 pods, limited by nodes."), capacity.explanation)
        XCTAssertTrue(capacity.explanation.contains("eks_leadertools 3 nodes x 110 pods (t3a.medium) = 330"))
        XCTAssertTrue(capacity.explanation.contains("1,984 = 124 whole /28 prefixes x 16"), capacity.explanation)
        XCTAssertTrue(capacity.explanation.contains("2,038 usable addresses"), capacity.explanation)
        XCTAssertTrue(capacity.explanation.contains("Karpenter NodePool default (limits: cpu 1000)"))
        XCTAssertEqual(facts.notes, [])

        let service = try XCTUnwrap(facts.serviceCidr)
        XCTAssertEqual(service.cidr, "172.20.0.0/16")
        XCTAssertEqual(service.addresses, 65_536)
        XCTAssertEqual(service.assignableClusterIPs, 65_534)
        XCTAssertEqual(service.kubernetesServiceIP, "172.20.0.1")
        XCTAssertEqual(service.dnsServiceIP, "172.20.0.10")
        XCTAssertEqual(service.summary, "65,536 addresses (65,534 assignable ClusterIPs; 172.20.0.1 is the kubernetes service)")
    }

    func testNoSeedErrorSurvives() throws {
        let facts = CapacityAnalysis.analyze(try environment("leadertools-qas"), catalog: .builtin)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(facts), as: UTF8.self)
        for wrong in ["220", "2,044", "2044", "508", "254", "1,022", "1022"] {
            XCTAssertFalse(json.contains(wrong), "seed figure \(wrong) in \(json)")
        }
        XCTAssertEqual(try JSONDecoder().decode(CapacityFacts.self, from: Data(json.utf8)), facts)
    }

    func testRetailStoreDefaultMode() throws {
        let facts = CapacityAnalysis.analyze(try environment("retail-store"), catalog: .builtin)
        XCTAssertEqual(facts.mode, .default)
        let group = try XCTUnwrap(facts.nodeGroups.first)
        XCTAssertEqual(group.recommendedByType, ["t3.medium": 17])
        XCTAssertEqual(group.byFormulaByType, ["t3.medium": 17])
        XCTAssertEqual(group.maxNodes, 5)
        XCTAssertEqual(facts.podSubnetSource, "nodeGroups")
        XCTAssertEqual(Set(facts.podSubnets.compactMap(\.cidr)), ["10.0.11.0/24", "10.0.12.0/24"])
        XCTAssertEqual(facts.podAddresses, 502)
        XCTAssertNil(facts.podPrefixAddresses)
        XCTAssertEqual(facts.nodeAddresses, 502)
        let capacity = try XCTUnwrap(facts.podCapacity)
        XCTAssertEqual(capacity.addressLimit, 502)
        XCTAssertEqual(capacity.nodeLimit, 85)
        XCTAssertEqual(capacity.value, 85)
        XCTAssertEqual(capacity.limitedBy, "nodes")
        XCTAssertEqual(facts.serviceCidr?.addresses, 65_536)
        XCTAssertEqual(facts.serviceCidr?.kubernetesServiceIP, "10.100.0.1")
    }
}
