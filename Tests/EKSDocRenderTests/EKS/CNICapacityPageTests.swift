import EKSDocModel
@testable import EKSDocRender
import XCTest

/// The CNI and capacity page: settings, ENIConfigs, max pods in every mode (reference/aws-facts.md §2), pod and node
/// capacity (§1), the service CIDR and the chart.
final class CNICapacityPageTests: XCTestCase {
    func testLeadertoolsSettingsTable() {
        let section = EKSPages.section(EKSPages.text(CNICapacityPage.self, "leadertools-qas"), "## VPC CNI settings")
        XCTAssertTrue(section.contains("| `AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG` | `true` |"), section)
        XCTAssertTrue(section.contains("| `ENI_CONFIG_LABEL_DEF` | `topology.kubernetes.io/zone` |"))
        XCTAssertTrue(section.contains("each node uses the ENIConfig named after its zone"))
        XCTAssertTrue(section.contains("| `ENABLE_PREFIX_DELEGATION` | `true` |"))
        XCTAssertTrue(section.contains("| `WARM_PREFIX_TARGET` | `1` |"))
        XCTAssertTrue(section.contains("| `WARM_IP_TARGET` | not set |"))
        XCTAssertTrue(section.contains("| `AWS_VPC_K8S_CNI_EXTERNALSNAT` | `false` |"))
        XCTAssertTrue(section.contains("| `POD_SECURITY_GROUP_ENFORCING_MODE` | `standard` |"))
        XCTAssertTrue(section.contains("no effect: ENABLE\\_POD\\_ENI is off"))
        XCTAssertTrue(section.contains("`VPC_ID=vpc-078e600d57da47c6c`"), "other settings are listed too")
    }

    func testRetailDefaultsWhenUnset() {
        let text = EKSPages.text(CNICapacityPage.self, "retail-store")
        XCTAssertTrue(text.contains("no `aws-node` settings"), text)
        XCTAssertTrue(text.contains("| `AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG` | not set (default `false`) |"))
        XCTAssertTrue(text.contains("| `ENI_CONFIG_LABEL_DEF` | not set (default `k8s.amazonaws.com/eniConfig`) |"))
        XCTAssertTrue(text.contains("| `WARM_ENI_TARGET` | not set (default `1`) |"))
        XCTAssertTrue(text.contains("| `POD_SECURITY_GROUP_ENFORCING_MODE` | not set (default `strict`) |"))
        XCTAssertFalse(text.contains("## ENIConfigs"), "no custom networking and no ENIConfig")
    }

    func testLeadertoolsENIConfigs() {
        let section = EKSPages.section(EKSPages.text(CNICapacityPage.self, "leadertools-qas"), "## ENIConfigs")
        XCTAssertTrue(section.contains("| `us-west-2a` | leadertools.qas.pods.prv.az1 (`subnet-09d92cbf937adefe5`) | us-west-2a | `100.96.32.0/22` |"), section)
        XCTAssertTrue(section.contains("| `us-west-2b` | leadertools.qas.pods.prv.az2 (`subnet-0282b6517b060ced4`) | us-west-2b | `100.96.36.0/22` |"))
        XCTAssertTrue(section.contains("(`sg-07019a3af3f18cfa1`)"))
        XCTAssertFalse(section.contains("WARNING"), section)
    }

    /// t3a.medium: 17 default, 12 custom networking, 110 with prefix delegation (162 by the formula with custom
    /// networking), reference/aws-facts.md §2.
    func testLeadertoolsMaxPodsInEveryMode() {
        let section = EKSPages.section(EKSPages.text(CNICapacityPage.self, "leadertools-qas"), "## Max pods per node")
        XCTAssertTrue(section.contains("| `eks_leadertools` | `t3a.medium` | default | `3 x (6 - 1) + 2 = 17; min(17, 110) = 17 (2 vCPUs <= 30)` | 17 |"), section)
        XCTAssertTrue(section.contains("| custom networking | `(3 - 1) x (6 - 1) + 2 = 12; min(12, 110) = 12 (2 vCPUs <= 30)` | 12 |"))
        XCTAssertTrue(section.contains("| prefix delegation | `3 x ((6 - 1) x 16) + 2 = 242; min(242, 110) = 110 (2 vCPUs <= 30)` | 110 |"))
        XCTAssertTrue(section.contains("| **custom networking + prefix delegation** (in force) | `(3 - 1) x ((6 - 1) x 16) + 2 = 162; min(162, 110) = 110 (2 vCPUs <= 30)` | **110** |"))
        XCTAssertEqual(section.components(separatedBy: "(in force)").count - 1, 1, "exactly one row in force")
        XCTAssertTrue(section.contains("caps the formula at 110 pods for instance types with 30 vCPUs or fewer and at 250 above"))
        XCTAssertTrue(section.contains("`t3a.medium` gives 162 by the formula and is capped at 110"))
    }

    func testRetailMaxPodsDefaultInForce() {
        let section = EKSPages.section(EKSPages.text(CNICapacityPage.self, "retail-store"), "## Max pods per node")
        XCTAssertTrue(section.contains("| `on-demand` | `t3.medium` | **default** (in force) | `3 x (6 - 1) + 2 = 17; min(17, 110) = 17 (2 vCPUs <= 30)` | **17** |"), section)
    }

    func testLeadertoolsPodCapacity() {
        let section = EKSPages.section(EKSPages.text(CNICapacityPage.self, "leadertools-qas"), "## Pod capacity")
        XCTAssertTrue(section.contains("| leadertools.qas.pods.prv.az1 (`subnet-09d92cbf937adefe5`) | us-west-2a | `100.96.32.0/22` | 1,019 | 875 | 62 | 992 | ENIConfig us-west-2a |"), section)
        XCTAssertTrue(section.contains("| **Total** |   |   | **2,038** |"))
        XCTAssertTrue(section.contains("**124** | **1,984** |"))
        XCTAssertTrue(section.contains("- `eks_leadertools`: 3 nodes × 110 pods = 330 pods"))
        XCTAssertTrue(section.contains("**Pod capacity: 330 pods**, limited by the nodes (address limit 1,984, node limit 330)."))
        XCTAssertTrue(section.contains("How it is computed: 330 pods, limited by nodes."))
    }

    func testLeadertoolsNodeCapacityAndServiceCidr() {
        let text = EKSPages.text(CNICapacityPage.self, "leadertools-qas")
        let nodes = EKSPages.section(text, "## Node capacity")
        XCTAssertTrue(nodes.contains("502 usable addresses in 2 subnets"), nodes)
        XCTAssertTrue(nodes.contains("| leadertools.qas.k8s.prv.az1 (`subnet-06582423b4bddaaef`) | us-west-2a | `10.142.36.0/24` | 251 | 40 |"))
        XCTAssertTrue(nodes.contains("| **Total** |   |   | **502** |"))
        let service = EKSPages.section(text, "## Service CIDR")
        XCTAssertTrue(service.contains("`172.20.0.0/16`"), service)
        XCTAssertTrue(service.contains("| `172.20.0.10` | the `kube-dns` Service (CoreDNS) in `kube-system` |"))
        XCTAssertTrue(text.contains("![Pod and node subnets of leadertools-qas: capacity, used and free](../../diagrams/leadertools-qas-capacity.svg)"))
    }

    func testRetailPodCapacity() {
        let section = EKSPages.section(EKSPages.text(CNICapacityPage.self, "retail-store"), "## Pod capacity")
        XCTAssertTrue(section.contains("**Pod capacity: 85 pods**, limited by the nodes (address limit 502, node limit 85)."), section)
        XCTAssertFalse(section.contains("/28 blocks"), "no prefix delegation columns")
    }

    func testImpossibleFreeCountIsFlagged() {
        var env = Environment(name: "odd", region: "us-east-1")
        let source = SourceLocation(file: "s.json", line: 1, column: 1)
        env.subnets = [Subnet(id: "subnet-a", cidr: "10.0.0.0/24", az: "us-east-1a", availableAddresses: 4091, source: source)]
        env.nodeGroups = [NodeGroup(name: "ng", instanceTypes: ["m5.large"], min: 1, max: 2, subnets: ["subnet-a"], source: source)]
        let text = CNICapacityPage.build(Example.context(for: env)).text
        XCTAssertTrue(text.contains("4,091 (impossible: more than usable)"), text)
        XCTAssertTrue(text.contains("| **default** (in force) | `3 x (10 - 1) + 2 = 29; min(29, 110) = 29 (2 vCPUs <= 30)` | **29** |"))
    }

    func testCustomNetworkingWithoutENIConfigWarns() {
        var env = Environment(name: "cn", region: "us-east-1")
        env.cni = CNIConfig(settings: ["AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": "true"], source: SourceLocation(file: "a.yaml"))
        let text = CNICapacityPage.build(Example.context(for: env)).text
        XCTAssertTrue(text.contains("Custom networking is on but the inputs hold no ENIConfig"), text)
    }
}
