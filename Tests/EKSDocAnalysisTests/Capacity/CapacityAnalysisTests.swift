import EKSDocAnalysis
import EKSDocModel
import XCTest

/// Capacity rules on small hand-made environments.
final class CapacityAnalysisTests: XCTestCase {
    let at = SourceLocation(file: "t.json", line: 1, column: 1)

    func cni(_ settings: [String: String]) -> CNIConfig { CNIConfig(settings: settings, source: at) }

    func environment(types: [String] = ["m5.large"], max: Int? = 4) -> Environment {
        var env = Environment(name: "e")
        env.subnets = [
            Subnet(id: "subnet-a", cidr: "10.0.0.0/24", az: "eu-west-1a", name: "nodes-a", source: at),
            Subnet(id: "subnet-b", cidr: "10.0.1.0/25", az: "eu-west-1b", source: at),
            Subnet(id: "subnet-p", cidr: "100.64.0.0/20", az: "eu-west-1a", source: at),
            Subnet(id: "subnet-k", cidr: "10.0.2.0/24", tags: ["karpenter.sh/discovery": "e"], source: at),
        ]
        env.nodeGroups = [NodeGroup(name: "ng", instanceTypes: types, max: max, subnets: ["subnet-a", "subnet-b"],
                                    source: at)]
        return env
    }

    func testPrefixBlocks() throws {
        let cases: [(String, UInt64, UInt64)] = [
            ("100.96.32.0/22", 64, 62), ("10.0.0.0/24", 16, 14), ("10.0.0.0/27", 2, 0), ("10.0.0.0/28", 1, 0),
            ("10.0.0.0/20", 256, 254), ("10.0.0.0/16", 4_096, 4_094),
        ]
        for (cidr, aligned, whole) in cases {
            let network = try XCTUnwrap(IPv4Network(cidr))
            XCTAssertEqual(SubnetPrefixes.alignedBlocks(network), aligned, cidr)
            XCTAssertEqual(SubnetPrefixes.wholeBlocks(network), whole, cidr)
            XCTAssertEqual(SubnetPrefixes.prefixAddresses(network), whole * 16, cidr)
            XCTAssertLessThanOrEqual(SubnetPrefixes.prefixAddresses(network), SubnetAddresses.usable(network), cidr)
        }
    }

    func testDefaultModeUsesNodeGroupSubnetsForPods() {
        let facts = CapacityAnalysis.analyze(environment(), catalog: .builtin)
        XCTAssertEqual(facts.mode, .default)
        XCTAssertEqual(facts.podSubnetSource, "nodeGroups")
        XCTAssertEqual(facts.podSubnets.map(\.subnet), ["subnet-a", "subnet-b"])
        XCTAssertEqual(facts.podAddresses, 251 + 123)
        XCTAssertEqual(facts.nodeAddresses, 251 + 123)
        XCTAssertEqual(facts.podSubnets.first?.name, "nodes-a")
        XCTAssertEqual(facts.podCapacity?.nodeLimit, 4 * 29)
        XCTAssertEqual(facts.podCapacity?.addressLimit, 374)
        XCTAssertEqual(facts.podCapacity?.value, 116)
        XCTAssertEqual(facts.podCapacity?.limitedBy, "nodes")
        XCTAssertNil(facts.serviceCidr)
    }

    func testAddressLimitedClusterWithPrefixDelegation() throws {
        var env = environment(types: ["m5.large", "t3.medium"], max: 50)
        env.cni = cni(["ENABLE_PREFIX_DELEGATION": "true"])
        let facts = CapacityAnalysis.analyze(env, catalog: .builtin)
        XCTAssertEqual(facts.nodeGroups.first?.recommendedMaxPods, 110, "min over m5.large and t3.medium")
        XCTAssertEqual(facts.podSubnets.map(\.prefixBlocks), [14, 6])
        XCTAssertEqual(facts.podPrefixAddresses, 320)
        let capacity = try XCTUnwrap(facts.podCapacity)
        XCTAssertEqual(capacity.addressLimit, 320, "/28 blocks, not the 374 usable addresses")
        XCTAssertEqual(capacity.nodeLimit, 5_500)
        XCTAssertEqual(capacity.value, 320)
        XCTAssertEqual(capacity.limitedBy, "addresses")
        XCTAssertTrue(capacity.explanation.contains("ng 50 nodes x 110 pods (m5.large, t3.medium) = 5,500"))
    }

    func testCustomNetworkingUsesENIConfigSubnets() {
        var env = environment()
        env.cni = cni(["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": "true"])
        var config = KubernetesObject(apiVersion: "crd.k8s.amazonaws.com/v1alpha1", kind: "ENIConfig",
                                      name: "eu-west-1a", source: at)
        config.eniConfig = ENIConfigSpec(subnet: "subnet-p")
        var missing = KubernetesObject(apiVersion: "crd.k8s.amazonaws.com/v1alpha1", kind: "ENIConfig",
                                       name: "eu-west-1b", source: at)
        missing.eniConfig = ENIConfigSpec(subnet: "subnet-gone")
        env.kubernetes = [config, missing]
        let facts = CapacityAnalysis.analyze(env, catalog: .builtin)
        XCTAssertEqual(facts.podSubnetSource, "eniConfig")
        XCTAssertEqual(facts.podSubnets.map(\.subnet), ["subnet-p", "subnet-gone"])
        XCTAssertEqual(facts.podAddresses, 4_091)
        XCTAssertNil(facts.podSubnets.last?.usableAddresses)
        XCTAssertEqual(facts.notes, ["subnet subnet-gone (ENIConfig eu-west-1b) has no IPv4 CIDR in the model"])
        XCTAssertEqual(facts.nodeGroups.first?.maxPods.first?.recommended, 20)
        XCTAssertEqual(facts.podCapacity?.value, 80)
    }

    func testKarpenterSubnetsByIdAndTag() {
        var env = environment()
        var byTag = KubernetesObject(apiVersion: "karpenter.k8s.aws/v1", kind: "EC2NodeClass", name: "tagged", source: at)
        byTag.nodeClass = NodeClassSpec(subnetSelectors: ["tag karpenter.sh/discovery=e"])
        var byID = KubernetesObject(apiVersion: "karpenter.k8s.aws/v1", kind: "EC2NodeClass", name: "pinned", source: at)
        byID.nodeClass = NodeClassSpec(subnetSelectors: ["id subnet-a", "name private-*", "tag karpenter.sh/discovery=*"])
        env.kubernetes = [byTag, byID]
        let facts = CapacityAnalysis.analyze(env, catalog: .builtin)
        XCTAssertEqual(facts.nodeSubnets.map(\.subnet), ["subnet-a", "subnet-b", "subnet-k"])
        XCTAssertEqual(facts.nodeSubnets.map(\.usedBy), [["node group ng", "EC2NodeClass pinned"], ["node group ng"],
                                                         ["EC2NodeClass tagged", "EC2NodeClass pinned"]])
        XCTAssertEqual(facts.nodeAddresses, 251 + 123 + 251)
        XCTAssertEqual(facts.notes, ["EC2NodeClass pinned: subnet selector \"name private-*\" not resolved"])
    }

    func testUnknownTypesAndMissingMaximum() throws {
        let unknown = CapacityAnalysis.analyze(environment(types: ["m5.large", "x99.imaginary"]), catalog: .builtin)
        XCTAssertEqual(unknown.nodeGroups.first?.unknownInstanceTypes, ["x99.imaginary"])
        XCTAssertEqual(unknown.nodeGroups.first?.maxPods.map(\.instanceType), ["m5.large"])
        XCTAssertEqual(unknown.podCapacity?.nodeLimit, 116)

        let nothingKnown = CapacityAnalysis.analyze(environment(types: ["x99.imaginary"]), catalog: .builtin)
        let capacity = try XCTUnwrap(nothingKnown.podCapacity)
        XCTAssertNil(capacity.nodeLimit)
        XCTAssertEqual(capacity.value, 374)
        XCTAssertEqual(capacity.limitedBy, "addresses")
        XCTAssertTrue(capacity.explanation.contains("ng has no known instance type"), capacity.explanation)

        let unbounded = CapacityAnalysis.analyze(environment(max: nil), catalog: .builtin)
        XCTAssertNil(unbounded.podCapacity?.nodeLimit)
        XCTAssertTrue(unbounded.podCapacity?.explanation.contains("ng has no maximum size") ?? false)

        XCTAssertNil(CapacityAnalysis.analyze(Environment(name: "empty"), catalog: .builtin).podCapacity)
    }

    func testSnapshotInTheEnvironmentOverridesTheCatalog() {
        var env = environment(types: ["m5.large"])
        env.instanceTypes = [InstanceTypeInfo(name: "m5.large", maxENIs: 2, ipv4PerENI: 10, vcpus: 2,
                                              hypervisor: "nitro", source: at)]
        let facts = CapacityAnalysis.analyze(env, catalog: .builtin)
        XCTAssertEqual(facts.nodeGroups.first?.maxPods.first?.byFormula, 2 * 9 + 2)
    }

    func testXenOnlyPrefixDelegationCountsAddressesNotBlocks() {
        var env = environment(types: ["c3.8xlarge"])
        env.cni = cni(["ENABLE_PREFIX_DELEGATION": "true"])
        let facts = CapacityAnalysis.analyze(env, catalog: .builtin)
        XCTAssertEqual(facts.nodeGroups.first?.maxPods.first?.prefixDelegationIgnored, true)
        XCTAssertEqual(facts.nodeGroups.first?.maxPods.first?.recommended, 234)
        XCTAssertNil(facts.podPrefixAddresses)
        XCTAssertEqual(facts.podCapacity?.addressLimit, 374)
    }

    func testServiceCidr() throws {
        let small = try XCTUnwrap(CapacityAnalysis.serviceCidr("10.100.0.0/24"))
        XCTAssertEqual(small.addresses, 256)
        XCTAssertEqual(small.assignableClusterIPs, 254)
        XCTAssertEqual(small.summary, "256 addresses (254 assignable ClusterIPs; 10.100.0.1 is the kubernetes service)")
        XCTAssertEqual(CapacityAnalysis.serviceCidr("172.20.0.0/16")?.assignableClusterIPs, 65_534)
        XCTAssertNil(CapacityAnalysis.serviceCidr("fd00:10::/108"))
        XCTAssertEqual(CapacityAnalysis.grouped(1_234_567), "1,234,567")
        XCTAssertEqual(CapacityAnalysis.grouped(999), "999")
    }
}
