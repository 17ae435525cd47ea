@testable import EKSDocRender
import XCTest

/// Key facts of leadertools-qas on the overview, network, routing, security-group, findings and drift pages.
/// Address figures follow reference/aws-facts.md §1 (usable = 2^(32-prefix) - 5).
final class LeadertoolsPagesTests: XCTestCase {
    let env = "leadertools-qas"

    func testOverview() {
        let text = NetworkPages.text(OverviewPage.self, env)
        XCTAssertTrue(text.hasPrefix("# Overview — leadertools-qas\n"), text)
        for fact in ["us-west-2", "`leadertools-qas`", "1.33", "`10.142.32.0/21` (primary)", "`100.96.32.0/21` (secondary)",
                     "`172.20.0.0/16`", "public access on from `0.0.0.0/0`", "private access off"] {
            XCTAssertTrue(text.contains(fact), "overview lacks \(fact)")
        }
        XCTAssertNotNil(NetworkPages.row(text, containing: "Subnets by tier", "2 public, 8 private, 0 isolated"))
        // 2 x /25 = 246 public; 6 x /24 + 2 x /22 = 1,506 + 2,038 = 3,544 private.
        XCTAssertNotNil(NetworkPages.row(text, containing: "Usable addresses by tier", "246 public, 3,544 private, 0 isolated"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "Pod capacity", "330 pods, limited by nodes"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "`eks_leadertools`", "t3a.medium", "min 2, desired 2, max 3", "110 pods per node"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "Load balancers", "16 internal"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "Findings", "0 errors, 2 warnings, 0 notes", "(findings.md)"))
        XCTAssertTrue(text.contains("](../../diagrams/leadertools-qas-topology.svg)"))
        for slug in ["network", "routing", "security-groups", "cluster", "cni-capacity", "workloads", "traffic-flows",
                     "findings", "drift", "terraform-inputs", "troubleshooting"] {
            XCTAssertTrue(text.contains("](\(slug).md)"), "overview does not link \(slug)")
        }
    }

    func testNetwork() {
        let text = NetworkPages.text(NetworkPage.self, env)
        XCTAssertNotNil(NetworkPages.row(text, containing: "`10.142.32.0/21`", "primary", "2,048", "| 8 |", "1,752", "| 256 |"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "`100.96.32.0/21`", "secondary", "2,048", "| 2 |", "2,038", "| 0 |"))
        for pods in ["`subnet-09d92cbf937adefe5`", "`subnet-0282b6517b060ced4`"] {
            XCTAssertNotNil(NetworkPages.row(text, containing: pods, "/22`", "pods (ENIConfig)", "| 1,019 |"), pods)
        }
        for cidr in ["10.142.32.0/24", "10.142.33.0/24", "10.142.34.0/24", "10.142.35.0/24", "10.142.36.0/24", "10.142.37.0/24"] {
            XCTAssertNotNil(NetworkPages.row(text, containing: "`\(cidr)`", "| 251 |"), cidr)
        }
        for cidr in ["10.142.39.0/25", "10.142.39.128/25"] {
            XCTAssertNotNil(NetworkPages.row(text, containing: "`\(cidr)`", "| 123 |", "internet-facing LBs"), cidr)
        }
        // Free now from the snapshot (40 free in the AZ-a Kubernetes subnet), in use = 251 - 40.
        XCTAssertNotNil(NetworkPages.row(text, containing: "`subnet-06582423b4bddaaef`", "| 211 | 40 |", "(main)"))
        let publicTier = NetworkPages.section(text, heading: "### Public subnets")
        XCTAssertTrue(publicTier.contains("leadertools.qas.pub.az1"))
        XCTAssertFalse(publicTier.contains("pods.prv"))
        XCTAssertTrue(publicTier.contains("**Total:** 2 subnets, 246 usable"), publicTier)
        XCTAssertTrue(text.contains("### Isolated subnets\n\nNone"))
        // No NAT gateway: the private subnets leave through the Aviatrix appliance.
        let nat = NetworkPages.section(text, heading: "### NAT gateways")
        XCTAssertTrue(nat.contains("None. Private subnets leave the VPC through `i-0919b0c12ffebfc98`"), nat)
        XCTAssertNotNil(NetworkPages.row(text, containing: "`igw-0e74bf1068b4cd3dd`", "leadertools-qas-igw", "2 subnets"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "`i-022003229928b80a1`", "leadertools-qas-spoke-gw-hagw"))
        XCTAssertTrue(text.contains("](../../diagrams/leadertools-qas-capacity.svg)"))
    }

    func testRouting() {
        let text = NetworkPages.text(RoutingPage.self, env)
        let main = NetworkPages.section(text, heading: "### leadertools-qas-main-rt (rtb-0af593cb336560f42)")
        XCTAssertTrue(main.contains("**Main table**: every subnet without an explicit association uses it."))
        XCTAssertNotNil(NetworkPages.row(main, containing: "| `0.0.0.0/0` | `i-0919b0c12ffebfc98` via `eni-092ac8924f80cad3b` | instance | active | default route"))
        XCTAssertNotNil(NetworkPages.row(main, containing: "| `10.142.32.0/21` | `local` | local |", "the VPC's primary CIDR"))
        XCTAssertNotNil(NetworkPages.row(main, containing: "`10.0.0.0/8`", "RFC 1918 private range"))
        XCTAssertNotNil(NetworkPages.row(main, containing: "`208.75.11.75/32`", "`i-022003229928b80a1`"))
        let publicTable = NetworkPages.section(text, heading: "### leadertools-qas-public-rt (rtb-0c706da088d700de3)")
        XCTAssertNotNil(NetworkPages.row(publicTable, containing: "| `0.0.0.0/0` | `igw-0e74bf1068b4cd3dd` | internet gateway |"))
        XCTAssertTrue(publicTable.contains("leadertools.qas.pub.az1 (`subnet-0de9b50b551f454d0`)"))
        let unused = NetworkPages.section(text, heading: "### leadertools-qas-pub-igw-rt (rtb-0f638339c9e32354e)")
        XCTAssertTrue(unused.contains("No subnet uses this table"), unused)

        let defaults = NetworkPages.section(text, heading: "## Where the default route goes")
        XCTAssertNotNil(NetworkPages.row(defaults, containing: "| Public |", "`igw-0e74bf1068b4cd3dd`"))
        XCTAssertNotNil(NetworkPages.row(defaults, containing: "| Private |", "(main)", "`i-0919b0c12ffebfc98`"))
        XCTAssertTrue(defaults.contains("8 subnets without an explicit association use the main table"), defaults)
        XCTAssertTrue(defaults.contains("not through an internet gateway"))
        XCTAssertTrue(defaults.contains("Only the 2 subnets on"))

        let corporate = NetworkPages.section(text, heading: "## Where the corporate ranges go")
        XCTAssertNotNil(NetworkPages.row(corporate, containing: "`10.0.0.0/8`", "RFC 1918"))
        XCTAssertNotNil(NetworkPages.row(corporate, containing: "`100.96.16.0/21`", "RFC 6598"))
        // The public table has no route for 208.75.8.0/24, so from public subnets it follows the default route.
        XCTAssertNotNil(NetworkPages.row(corporate, containing: "`208.75.8.0/24`", "`igw-0e74bf1068b4cd3dd` (internet gateway), *default*"))
        XCTAssertNil(NetworkPages.row(corporate, containing: "`10.142.32.0/21`"), "VPC ranges are not corporate ranges")
    }

    func testSecurityGroups() {
        let text = NetworkPages.text(SecurityGroupsPage.self, env)
        let nodes = NetworkPages.section(text, heading: "### leadertools-qas-node-20250624164108231400000004 (sg-07019a3af3f18cfa1)")
        XCTAssertTrue(nodes.contains("allows tcp 10250 (kubelet API) from `sg-0da734f201fa4ca64` ([eks-cluster-sg-leadertools-qas-1180475532]"), nodes)
        XCTAssertTrue(nodes.contains("allows udp 53 (DNS) from members of this group (self)"))
        XCTAssertTrue(nodes.contains("allows all traffic to `0.0.0.0/0` — any IPv4 address"))
        XCTAssertTrue(nodes.contains("instance eks\\_leadertools (`i-03b19dc51848a1280`)"), nodes)
        let cluster = NetworkPages.section(text, heading: "### eks-cluster-sg-leadertools-qas-1180475532 (sg-0da734f201fa4ca64)")
        XCTAssertTrue(cluster.contains("allows all traffic from members of this group (self)"))
        XCTAssertTrue(cluster.contains("EKS cluster security group"))
        let aviatrix = NetworkPages.section(text, heading: "### leadertools-qas-spoke-gw-security-group (sg-057208d626dcda1ae)")
        XCTAssertTrue(aviatrix.contains("from `10.142.32.0/21` — the VPC's primary CIDR"))
        XCTAssertTrue(aviatrix.contains("from `35.163.88.214/32` — a single address outside the VPC"))

        let exposure = NetworkPages.section(text, heading: "## Open to the internet")
        XCTAssertEqual(exposure.components(separatedBy: "\n").filter { $0.contains("no: only internal load balancers") }.count, 16)
        XCTAssertNotNil(NetworkPages.row(exposure, containing: "sg-092ea2ae08df86c55", "tcp 443 (HTTPS) from `0.0.0.0/0`", "HTTPS", "none"))
        XCTAssertTrue(text.contains("](../../diagrams/leadertools-qas-security-groups.svg)"))
    }

    func testFindings() {
        let text = NetworkPages.text(FindingsPage.self, env)
        XCTAssertTrue(text.contains("## Warnings (2)"))
        XCTAssertTrue(text.contains("### single-az-egress: vpc-078e600d57da47c6c"))
        XCTAssertTrue(text.contains("### public-endpoint-open: cluster leadertools-qas"))
        XCTAssertTrue(text.contains("- Source: `snapshots/leadertools-qas/eks-describe-cluster.json:"), text)
        XCTAssertTrue(text.contains("- Fix: Run a NAT gateway (or appliance) per AZ"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "`blackhole-route`", "| 0 |"))
    }

    func testNoDrift() {
        let text = NetworkPages.text(DriftPage.self, env)
        XCTAssertTrue(text.contains("No drift"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "| Declared |", "`environments/qas/variables.tfvars`"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "| Live |", "`snapshots/leadertools-qas/ec2-describe-subnets.json`"))
        XCTAssertNil(NetworkPages.row(text, containing: "| Live |", "variables.tfvars"))
        // Empty snapshot lists hold nothing to compare; they are neither declared nor live evidence.
        XCTAssertNotNil(NetworkPages.row(text, containing: "| Read, nothing to compare |", "ec2-describe-nat-gateways.json"))
        XCTAssertNil(NetworkPages.row(text, containing: "| Declared |", "snapshots/"))
    }
}
