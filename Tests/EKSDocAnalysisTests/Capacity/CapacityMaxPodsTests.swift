import EKSDocAnalysis
import EKSDocModel
import XCTest

/// reference/aws-facts.md §2: the max-pods formulas, the 110/250 cap and the reference table.
final class CapacityMaxPodsTests: XCTestCase {
    /// One row of the reference table: inputs, then default, custom networking, prefix delegation uncapped
    /// (nil for Xen: n/a) and recommended with prefix delegation.
    struct Row {
        var type: String, enis: Int, ips: Int, vcpus: Int, hypervisor: String
        var defaultPods: Int, customNetworking: Int, prefixUncapped: Int?, recommendedPD: Int
        /// What the calculator recommends without prefix delegation (the cap applied to `defaultPods`).
        var recommendedDefault: Int

        var info: InstanceTypeInfo {
            InstanceTypeInfo(name: type, maxENIs: enis, ipv4PerENI: ips, vcpus: vcpus, hypervisor: hypervisor)
        }
    }

    static let reference: [Row] = [
        Row(type: "t3.medium", enis: 3, ips: 6, vcpus: 2, hypervisor: "nitro", defaultPods: 17, customNetworking: 12,
            prefixUncapped: 242, recommendedPD: 110, recommendedDefault: 17),
        Row(type: "t3a.medium", enis: 3, ips: 6, vcpus: 2, hypervisor: "nitro", defaultPods: 17, customNetworking: 12,
            prefixUncapped: 242, recommendedPD: 110, recommendedDefault: 17),
        Row(type: "m5.large", enis: 3, ips: 10, vcpus: 2, hypervisor: "nitro", defaultPods: 29, customNetworking: 20,
            prefixUncapped: 434, recommendedPD: 110, recommendedDefault: 29),
        Row(type: "c5.xlarge", enis: 4, ips: 15, vcpus: 4, hypervisor: "nitro", defaultPods: 58, customNetworking: 44,
            prefixUncapped: 898, recommendedPD: 110, recommendedDefault: 58),
        Row(type: "m5.4xlarge", enis: 8, ips: 30, vcpus: 16, hypervisor: "nitro", defaultPods: 234,
            customNetworking: 205, prefixUncapped: 3714, recommendedPD: 110, recommendedDefault: 110),
        Row(type: "m5.16xlarge", enis: 15, ips: 50, vcpus: 64, hypervisor: "nitro", defaultPods: 737,
            customNetworking: 688, prefixUncapped: 11762, recommendedPD: 250, recommendedDefault: 250),
        Row(type: "c3.8xlarge", enis: 8, ips: 30, vcpus: 32, hypervisor: "xen", defaultPods: 234,
            customNetworking: 205, prefixUncapped: nil, recommendedPD: 234, recommendedDefault: 234),
    ]

    func testReferenceTableRows() {
        for row in Self.reference {
            let info = row.info
            let plain = MaxPods.compute(info, mode: .default)
            XCTAssertEqual(plain.byFormula, row.defaultPods, row.type)
            XCTAssertEqual(plain.recommended, row.recommendedDefault, row.type)
            XCTAssertEqual(MaxPods.compute(info, mode: .customNetworking).byFormula, row.customNetworking, row.type)
            let prefix = MaxPods.compute(info, mode: .prefixDelegation)
            if let uncapped = row.prefixUncapped {
                XCTAssertEqual(prefix.byFormula, uncapped, row.type)
                XCTAssertEqual(prefix.mode, .prefixDelegation, row.type)
                XCTAssertFalse(prefix.prefixDelegationIgnored, row.type)
            } else {
                XCTAssertTrue(prefix.prefixDelegationIgnored, row.type)
                XCTAssertEqual(prefix.mode, .default, "\(row.type) falls back to secondary IPs")
                XCTAssertEqual(prefix.byFormula, row.defaultPods, row.type)
            }
            XCTAssertEqual(prefix.recommended, row.recommendedPD, row.type)
        }
    }

    func testCustomNetworkingWithPrefixDelegation() {
        // seeds/README.md: t3a.medium with custom networking and prefix delegation: 162 by formula, 110 recommended.
        let pods = MaxPods.compute(Self.reference[1].info, mode: .customNetworkingPrefixDelegation)
        XCTAssertEqual(pods.byFormula, 162)
        XCTAssertEqual(pods.recommended, 110)
        XCTAssertEqual(pods.formula, "(3 - 1) x ((6 - 1) x 16) + 2 = 162; min(162, 110) = 110 (2 vCPUs <= 30)")
        let large = MaxPods.compute(Self.reference[5].info, mode: .customNetworkingPrefixDelegation)
        XCTAssertEqual(large.byFormula, 14 * 49 * 16 + 2)
        XCTAssertEqual(large.recommended, 250)
    }

    func testFormulaTextShowsTheNumbers() {
        let info = Self.reference[1].info
        XCTAssertEqual(MaxPods.compute(info, mode: .default).formula,
                       "3 x (6 - 1) + 2 = 17; min(17, 110) = 17 (2 vCPUs <= 30)")
        XCTAssertEqual(MaxPods.compute(info, mode: .customNetworking).formula,
                       "(3 - 1) x (6 - 1) + 2 = 12; min(12, 110) = 12 (2 vCPUs <= 30)")
        XCTAssertEqual(MaxPods.compute(info, mode: .prefixDelegation).formula,
                       "3 x ((6 - 1) x 16) + 2 = 242; min(242, 110) = 110 (2 vCPUs <= 30)")
        let xen = MaxPods.compute(Self.reference[6].info, mode: .prefixDelegation)
        XCTAssertEqual(xen.formula, "prefix delegation ignored: c3.8xlarge is a Xen instance type; "
                       + "8 x (30 - 1) + 2 = 234; min(234, 250) = 234 (32 vCPUs > 30)")
    }

    func testCapIsByVCPUCountWithThirtyInclusive() {
        func pods(_ vcpus: Int) -> MaxPods {
            MaxPods.compute(InstanceTypeInfo(name: "x.test", maxENIs: 8, ipv4PerENI: 30, vcpus: vcpus,
                                             hypervisor: "nitro"), mode: .prefixDelegation)
        }
        XCTAssertEqual(pods(30).recommended, 110, "exactly 30 vCPUs gets 110")
        XCTAssertEqual(pods(31).recommended, 250)
        XCTAssertEqual(pods(32).recommended, 250)
        XCTAssertEqual(MaxPods.cap(vcpus: 30), 110)
        XCTAssertEqual(MaxPods.cap(vcpus: 32), 250)
        XCTAssertTrue(pods(30).formula.hasSuffix("(30 vCPUs <= 30)"))
        XCTAssertTrue(pods(32).formula.hasSuffix("(32 vCPUs > 30)"))
        // Below the cap the formula stands, whatever the vCPU count.
        let small = MaxPods.compute(InstanceTypeInfo(name: "y.test", maxENIs: 2, ipv4PerENI: 4, vcpus: 32,
                                                     hypervisor: "nitro"), mode: .default)
        XCTAssertEqual(small.recommended, small.byFormula)
    }

    func testModeFromCNISettings() {
        let at = SourceLocation(file: "aws-node.yaml")
        XCTAssertEqual(MaxPodsMode(nil), .default)
        XCTAssertEqual(MaxPodsMode(CNIConfig(settings: ["ENABLE_PREFIX_DELEGATION": "false"], source: at)), .default)
        XCTAssertEqual(MaxPodsMode(CNIConfig(settings: ["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": "TRUE"], source: at)),
                       .customNetworking)
        XCTAssertEqual(MaxPodsMode(CNIConfig(settings: ["ENABLE_PREFIX_DELEGATION": "true"], source: at)),
                       .prefixDelegation)
        let both = CNIConfig(settings: ["ENABLE_PREFIX_DELEGATION": "true", "AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": "true",
                                        "WARM_PREFIX_TARGET": "1"], source: at)
        XCTAssertEqual(MaxPodsMode(both), .customNetworkingPrefixDelegation)
        XCTAssertEqual(MaxPods.compute(Self.reference[1].info, cni: both).recommended, 110)
        XCTAssertEqual(MaxPods.compute(Self.reference[1].info, cni: nil).recommended, 17)
    }

    func testAllModesInOrder() {
        let modes = MaxPods.allModes(Self.reference[1].info)
        XCTAssertEqual(modes.map(\.mode), MaxPodsMode.allCases)
        XCTAssertEqual(modes.map(\.byFormula), [17, 12, 242, 162])
        XCTAssertEqual(modes.map(\.recommended), [17, 12, 110, 110])
        let xen = MaxPods.allModes(Self.reference[6].info)
        XCTAssertEqual(xen.map(\.prefixDelegationIgnored), [false, false, true, true])
        XCTAssertEqual(xen.map(\.mode), [.default, .customNetworking, .default, .customNetworking])
        XCTAssertEqual(xen.map(\.byFormula), [234, 205, 234, 205])
    }

    func testBareMetalWithoutHypervisorKeepsPrefixDelegation() {
        let metal = InstanceTypeInfo(name: "m5.metal", maxENIs: 15, ipv4PerENI: 50, vcpus: 96, hypervisor: "")
        let pods = MaxPods.compute(metal, mode: .prefixDelegation)
        XCTAssertFalse(pods.prefixDelegationIgnored)
        XCTAssertEqual(pods.byFormula, 11762)
        XCTAssertEqual(pods.recommended, 250)
    }

    func testCodableShape() throws {
        let pods = MaxPods.compute(Self.reference[1].info, mode: .customNetworkingPrefixDelegation)
        let data = try JSONEncoder().encode(pods)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(object["mode"] as? String, "customNetworkingPrefixDelegation")
        XCTAssertEqual(object["byFormula"] as? Int, 162)
        XCTAssertEqual(object["recommended"] as? Int, 110)
        XCTAssertEqual(try JSONDecoder().decode(MaxPods.self, from: data), pods)
    }
}
