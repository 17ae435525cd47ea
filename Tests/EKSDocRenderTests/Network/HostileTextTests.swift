@testable import EKSDocRender
import EKSDocModel
import XCTest

/// Names, tags and descriptions are untrusted: whoever can tag a resource writes them. Every table must keep its
/// shape, and no raw HTML or link may get through.
final class HostileTextTests: XCTestCase {
    static let evil = "a|b\nc <script>alert(1)</script> `tick` ``two`` [x](javascript:y) *em* _u_ # h \\| end"

    /// One VPC with a public, a private (main table, transit gateway) and an isolated subnet, whose names, tags,
    /// descriptions and drift values are hostile.
    static var environment: Environment {
        let evil = Self.evil
        let src = SourceLocation(file: "snapshots/evil.json", line: 2, column: 3)
        let declared = SourceLocation(file: "environments/evil.tfvars", line: 4, column: 1)
        var env = Environment(name: "hostile", region: "us-east-1", sources: ["environments/evil.tfvars", "snapshots/evil.json"])
        env.vpcs = [VPC(id: "vpc-1", cidrs: ["10.0.0.0/16", "100.64.0.0/20"], name: evil, tags: ["Name": evil], source: src)]
        env.subnets = [
            Subnet(id: "subnet-pub", vpc: "vpc-1", cidr: "10.0.0.0/24", az: "us-east-1a", name: evil, availableAddresses: 4_091,
                   tags: ["Name": evil, "kubernetes.io/role/elb": "1"], source: src),
            Subnet(id: "subnet-prv", vpc: "vpc-1", cidr: "10.0.1.0/24", az: "us-east-1b", availableAddresses: 200,
                   tags: ["Name": "prv " + evil], source: src),
            Subnet(id: "subnet-iso", vpc: "vpc-1", cidr: "10.0.2.0/28", az: "us-east-1a", source: src),
        ]
        let local = [Route(destination: "10.0.0.0/16", target: "local", source: src),
                     Route(destination: "100.64.0.0/20", target: "local", source: src)]
        env.routeTables = [
            RouteTable(id: "rtb-main", vpc: "vpc-1", main: true, routes: local + [
                Route(destination: "0.0.0.0/0", target: "tgw-1", source: src),
                Route(destination: "192.168.0.0/16", target: "vgw-1", source: src),
                Route(destination: "172.16.0.0/12", target: "pcx-1", source: src),
                Route(destination: "10.50.0.0/16", target: "nat-gone", state: "blackhole", source: src),
            ], name: evil, source: src),
            RouteTable(id: "rtb-pub", vpc: "vpc-1", subnets: ["subnet-pub"],
                       routes: local + [Route(destination: "0.0.0.0/0", target: "igw-1", source: src)], name: "pub", source: src),
            RouteTable(id: "rtb-iso", vpc: "vpc-1", subnets: ["subnet-iso"], routes: local, source: src),
        ]
        env.internetGateways = [InternetGateway(id: "igw-1", vpcs: ["vpc-1"], name: evil, source: src)]
        env.securityGroups = [
            SecurityGroup(id: "sg-1", name: evil, description: evil, vpc: "vpc-1", ingress: [
                SecurityGroupRule(protocol: "tcp", fromPort: 22, toPort: 22, peer: "0.0.0.0/0", peerKind: .cidr, description: evil, source: src),
                SecurityGroupRule(protocol: "-1", peer: "sg-1", peerKind: .securityGroup, description: evil, source: src),
                SecurityGroupRule(protocol: "tcp", fromPort: 443, toPort: 443, peer: "sg-2", peerKind: .securityGroup, source: src),
            ], egress: [SecurityGroupRule(protocol: "-1", peer: "0.0.0.0/0", peerKind: .cidr, description: evil, source: src)],
            tags: ["Name": evil], source: src),
            SecurityGroup(id: "sg-2", name: "`sg`|two", vpc: "vpc-1", source: src),
        ]
        env.loadBalancers = [LoadBalancer(name: evil, scheme: "internet-facing", type: "application", vpc: "vpc-1",
                                          subnets: ["subnet-pub"], securityGroups: ["sg-1"], source: src)]
        env.cluster = Cluster(name: evil, version: "1.30", vpc: "vpc-1", subnets: ["subnet-prv"], endpointPublic: true,
                              endpointPrivate: false, publicAccessCidrs: ["0.0.0.0/0"], source: src)
        env.nodeGroups = [NodeGroup(name: evil, instanceTypes: ["t3.medium"], min: 1, max: 2, desired: 1,
                                    subnets: ["subnet-prv"], source: src)]
        env.drift = [DriftItem(entity: evil, field: evil, declared: evil, declaredAt: declared, live: evil, liveAt: src)]
        return env
    }

    func pages() -> [Page] {
        let context = Example.context(for: Self.environment)
        return NetworkPages.builders.map { $0.build(context) }
    }

    func testTablesKeepTheirShape() {
        for page in pages() {
            NetworkPages.assertTablesWellFormed(page.text, page.path)
        }
    }

    func testNoRawHTMLOrLinksGetThrough() {
        for page in pages() {
            let text = page.text
            XCTAssertFalse(text.contains("<script>"), page.path)
            XCTAssertFalse(text.contains("\nc &lt;script"), "\(page.path): a newline in a name split a line")
            XCTAssertFalse(text.replacingOccurrences(of: "\\](", with: "").contains("](javascript:"), "\(page.path): a link was injected")
            let html = MarkdownHTML.render(text)
            XCTAssertTrue(html.contains("<table>"), page.path)
            XCTAssertFalse(html.contains("<script"), page.path)
            XCTAssertFalse(html.contains("href=\"javascript"), page.path)
            XCTAssertTrue(html.contains("&lt;script&gt;") || html.contains("&amp;lt;script"), "\(page.path) shows the text escaped")
        }
    }

    func testHostileHeadingsGetStableAnchors() {
        let page = SecurityGroupsPage.build(Example.context(for: Self.environment))
        let heading = NetworkText.groupHeading(Self.environment.securityGroups[0])
        let anchor = Anchors.slug(heading)
        XCTAssertTrue(page.anchors.contains(anchor))
        XCTAssertTrue(page.markdown.contains("](#\(anchor))"), "the summary links the group's section")
        XCTAssertFalse(anchor.contains("<") || anchor.contains("|") || anchor.contains("`"))
        // The newline in the name renders as a space, so the anchor has a hyphen there, as GitHub's would.
        XCTAssertTrue(anchor.hasPrefix("ab-c-scriptalert1script"), anchor)
    }

    func testFactsStillRight() {
        let context = Example.context(for: Self.environment)
        let network = NetworkPage.build(context).text
        XCTAssertNotNil(NetworkPages.row(network, containing: "`subnet-pub`", "⚠️ 4,091 (impossible: more than the 251 usable)"))
        XCTAssertNotNil(NetworkPages.row(network, containing: "`subnet-iso`", "`10.0.2.0/28`", "| 11 |"))
        XCTAssertTrue(NetworkPages.section(network, heading: "### Isolated subnets").contains("`subnet-iso`"))

        let routing = RoutingPage.build(context).text
        XCTAssertNotNil(NetworkPages.row(routing, containing: "`tgw-1`", "transit gateway", "default route"))
        XCTAssertNotNil(NetworkPages.row(routing, containing: "`192.168.0.0/16`", "virtual private gateway", "RFC 1918"))
        XCTAssertNotNil(NetworkPages.row(routing, containing: "`172.16.0.0/12`", "VPC peering"))
        XCTAssertNotNil(NetworkPages.row(routing, containing: "| `10.50.0.0/16` | `nat-gone` |", "⚠️ blackhole", "dropped"))
        let defaults = NetworkPages.section(routing, heading: "## Where the default route goes")
        XCTAssertNotNil(NetworkPages.row(defaults, containing: "| Isolated |", "nowhere: no default route"))
        XCTAssertTrue(defaults.contains("1 subnet without an explicit association uses the main table"), defaults)
        XCTAssertTrue(defaults.contains("Only the subnet on [pub](#pub-rtb-pub) sends its default route"), defaults)
        let corporate = NetworkPages.section(routing, heading: "## Where the corporate ranges go")
        XCTAssertNotNil(NetworkPages.row(corporate, containing: "`192.168.0.0/16`", "| `vgw-1` (virtual private gateway) |",
                                         "| `igw-1` (internet gateway), *default* |"))
        XCTAssertNotNil(NetworkPages.row(corporate, containing: "`10.50.0.0/16`", "⚠️ blackhole"))
        XCTAssertNil(NetworkPages.row(corporate, containing: "`100.64.0.0/20`"), "a VPC CIDR is not a corporate range")

        let groups = SecurityGroupsPage.build(context).text
        XCTAssertTrue(groups.contains("allows tcp 22 (SSH) from `0.0.0.0/0` — anyone on the internet"))
        XCTAssertNotNil(NetworkPages.row(groups, containing: "⚠️ 22 (SSH)", "⚠️ yes"))

        let drift = DriftPage.build(context).text
        XCTAssertNotNil(NetworkPages.row(drift, containing: "`environments/evil.tfvars:4:1`", "`snapshots/evil.json:2:3`"))
        XCTAssertNotNil(NetworkPages.row(drift, containing: "| Declared | `environments/evil.tfvars` |"))
        XCTAssertNotNil(NetworkPages.row(drift, containing: "| Live | `snapshots/evil.json` |"))
    }

    func testEmptyEnvironment() {
        let context = Example.context(for: Environment(name: "empty"))
        for builder in NetworkPages.builders {
            let page = builder.build(context)
            XCTAssertTrue(page.text.hasSuffix("**Generated from:** no input files.\n"), page.path)
        }
        XCTAssertTrue(FindingsPage.build(context).text.contains("No findings: all"))
        let drift = DriftPage.build(context).text
        XCTAssertTrue(drift.contains("No drift"))
        XCTAssertTrue(drift.contains("nothing to compare"))
    }
}
