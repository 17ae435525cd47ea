@testable import EKSDocRender
import XCTest

/// Key facts of retail-store (Terraform state, eksctl and manifests; no AWS CLI snapshot) on the network pages.
final class RetailStorePagesTests: XCTestCase {
    let env = "retail-store"

    func testOverview() {
        let text = NetworkPages.text(OverviewPage.self, env)
        XCTAssertTrue(text.contains("`retail-dev-eksdemo-1`"))
        XCTAssertTrue(text.contains("us-east-1"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "Subnets by tier", "2 public, 2 private, 0 isolated"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "Usable addresses by tier", "502 public, 502 private"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "Load balancers", "1 internet-facing"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "Pod capacity", "85 pods, limited by nodes"))
        XCTAssertTrue(text.contains("private access on"))
    }

    func testNetwork() {
        let text = NetworkPages.text(NetworkPage.self, env)
        XCTAssertNotNil(NetworkPages.row(text, containing: "`10.0.0.0/16`", "primary", "65,536", "| 4 |", "1,004"))
        for cidr in ["10.0.1.0/24", "10.0.2.0/24", "10.0.11.0/24", "10.0.12.0/24"] {
            XCTAssertNotNil(NetworkPages.row(text, containing: "`\(cidr)`", "| 251 |"), cidr)
        }
        // No live subnet snapshot: free now is unknown, not invented.
        XCTAssertNotNil(NetworkPages.row(text, containing: "`10.0.11.0/24`", "| 251 | — | — |"))
        let nat = NetworkPages.section(text, heading: "### NAT gateways")
        XCTAssertNotNil(NetworkPages.row(nat, containing: "`nat-0c1a4027bc2fc2741`", "us-east-1a", "`54.87.143.211`", "`10.0.1.87`",
                                         "retail-dev-private-us-east-1a"))
        XCTAssertNotNil(NetworkPages.row(nat, containing: "`nat-0adf80406cd641b65`", "us-east-1b", "`3.219.52.76`"))
        XCTAssertTrue(nat.contains("One NAT gateway per AZ"))
        XCTAssertFalse(text.contains("### Routing appliances"))
    }

    func testRouting() {
        let text = NetworkPages.text(RoutingPage.self, env)
        let privateA = NetworkPages.section(text, heading: "### retail-dev-private-rt-us-east-1a (rtb-0df9c45da60b102bb)")
        XCTAssertNotNil(NetworkPages.row(privateA, containing: "| `0.0.0.0/0` | `nat-0c1a4027bc2fc2741` | NAT gateway | active |"))
        XCTAssertNotNil(NetworkPages.row(privateA, containing: "| `10.0.0.0/16` | `local` |"))
        let defaults = NetworkPages.section(text, heading: "## Where the default route goes")
        XCTAssertNotNil(NetworkPages.row(defaults, containing: "| Private |", "`nat-0adf80406cd641b65`", "retail-dev-private-us-east-1b"))
        XCTAssertNotNil(NetworkPages.row(defaults, containing: "| Public |", "`igw-04bb86d0e37c46ad3`"))
        XCTAssertFalse(defaults.contains("main table"), "retail-store has no main table in its inputs")
        XCTAssertTrue(NetworkPages.section(text, heading: "## Where the corporate ranges go").contains("No route table has a route for a range outside the VPC"))
    }

    func testSecurityGroups() {
        let text = NetworkPages.text(SecurityGroupsPage.self, env)
        let alb = NetworkPages.section(text, heading: "### retail-dev-eksdemo-1-alb (sg-01ce05a881d9ad538)")
        XCTAssertTrue(alb.contains("allows tcp 443 (HTTPS) from `0.0.0.0/0` — anyone on the internet"), alb)
        XCTAssertTrue(alb.contains("load balancer `k8s-retailpr-retailin-6c1f2a9b3e` (internet-facing)"))
        let cluster = NetworkPages.section(text, heading: "### sg-09d86a97634264d4a")
        XCTAssertTrue(cluster.contains("allows tcp 8080 (HTTP alternate) from `sg-01ce05a881d9ad538`"), cluster)
        XCTAssertTrue(cluster.contains("from `10.0.0.0/16` — the VPC's primary CIDR"))
        let exposure = NetworkPages.section(text, heading: "## Open to the internet")
        XCTAssertNotNil(NetworkPages.row(exposure, containing: "tcp 80 (HTTP) from `0.0.0.0/0`", "⚠️ yes"))
    }

    func testDrift() {
        let text = NetworkPages.text(DriftPage.self, env)
        XCTAssertTrue(text.contains("## Differences (1)"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "| `node group on-demand` | `desired` | `3` |",
                                         "`environments/retail-store/eksctl-cluster.yaml:88:5`", "| `2` |",
                                         "`state/retail-store/terraform.tfstate:697:25`"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "| Declared |", "eksctl-cluster.yaml", "terraform.tfvars"))
        XCTAssertNotNil(NetworkPages.row(text, containing: "| Live |", "`state/retail-store/terraform.tfstate`"))
        XCTAssertFalse(text.contains("No drift"))
    }

    func testFindings() {
        let text = NetworkPages.text(FindingsPage.self, env)
        XCTAssertTrue(text.contains("### drift: node group on-demand"))
        XCTAssertTrue(text.contains("- Source: `environments/retail-store/eksctl-cluster.yaml:88:5`"))
    }
}
