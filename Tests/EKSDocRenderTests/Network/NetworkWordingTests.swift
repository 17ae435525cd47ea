@testable import EKSDocRender
import EKSDocModel
import XCTest

/// Rules, routes and address blocks in words (reference/aws-facts.md §4 and §5).
final class NetworkWordingTests: XCTestCase {
    let src = SourceLocation(file: "snapshots/x.json")

    var env: Environment {
        var env = Environment(name: "w")
        env.vpcs = [VPC(id: "vpc-1", cidrs: ["10.0.0.0/16", "100.64.0.0/20"], source: src)]
        env.subnets = [Subnet(id: "subnet-a", vpc: "vpc-1", cidr: "10.0.1.0/24", tags: ["Name": "app-a"], source: src)]
        env.securityGroups = [SecurityGroup(id: "sg-1", name: "web", source: src), SecurityGroup(id: "sg-2", source: src)]
        return env
    }

    func rule(_ proto: String, _ from: Int? = nil, _ to: Int? = nil, peer: String, kind: PeerKind = .cidr) -> SecurityGroupRule {
        SecurityGroupRule(protocol: proto, fromPort: from, toPort: to, peer: peer, peerKind: kind, source: src)
    }

    func sentence(_ rule: SecurityGroupRule, ingress: Bool = true) -> String {
        RuleWording.sentence(rule, ingress: ingress, group: env.securityGroups[0], env: env)
    }

    func testRulesInPlainWords() {
        XCTAssertEqual(sentence(rule("tcp", 443, 443, peer: "0.0.0.0/0")), "allows tcp 443 (HTTPS) from `0.0.0.0/0` — anyone on the internet")
        XCTAssertEqual(sentence(rule("-1", peer: "0.0.0.0/0"), ingress: false), "allows all traffic to `0.0.0.0/0` — any IPv4 address")
        XCTAssertEqual(sentence(rule("-1", peer: "sg-1", kind: .securityGroup)), "allows all traffic from members of this group (self)")
        XCTAssertEqual(sentence(rule("6", 10250, 10250, peer: "sg-2", kind: .securityGroup)),
                       "allows tcp 10250 (kubelet API) from [sg-2](#sg-2)")
        XCTAssertEqual(sentence(rule("tcp", 22, 22, peer: "sg-9", kind: .securityGroup)), "allows tcp 22 (SSH) from `sg-9` (not in the inputs)")
        XCTAssertEqual(sentence(rule("tcp", 5432, 5432, peer: "123456789012/sg-7", kind: .securityGroup)),
                       "allows tcp 5432 (PostgreSQL) from `123456789012/sg-7` (a group in account 123456789012)")
        XCTAssertEqual(sentence(rule("udp", 53, 53, peer: "10.0.0.0/16")), "allows udp 53 (DNS) from `10.0.0.0/16` — the VPC's primary CIDR")
        XCTAssertEqual(sentence(rule("tcp", 1025, 65535, peer: "10.0.1.0/24")), "allows tcp 1025-65535 from `10.0.1.0/24` — subnet app-a")
        XCTAssertEqual(sentence(rule("icmp", 8, -1, peer: "192.168.0.0/16")), "allows icmp type 8 from `192.168.0.0/16` — a private range outside the VPC")
        XCTAssertEqual(sentence(rule("50", peer: "203.0.113.7/32")), "allows protocol 50 from `203.0.113.7/32` — a single address outside the VPC")
        XCTAssertEqual(sentence(rule("tcp", 443, 443, peer: "pl-123", kind: .prefixList), ingress: false),
                       "allows tcp 443 (HTTPS) to `pl-123` — a managed prefix list")
        XCTAssertEqual(sentence(rule("tcp", 80, 80, peer: "::/0", kind: .ipv6Cidr)), "allows tcp 80 (HTTP) from `::/0` — anyone on the internet (IPv6)")
    }

    func testIdenticalRulesAreMerged() {
        let a = rule("tcp", 443, 443, peer: "0.0.0.0/0"), b = rule("6", 443, 443, peer: "0.0.0.0/0")
        let merged = RuleWording.merged([a, b, rule("tcp", 80, 80, peer: "0.0.0.0/0")])
        XCTAssertEqual(merged.map(\.count), [2, 1])
    }

    func testRangeKinds() {
        let env = self.env
        XCTAssertEqual(RouteMeaning.rangeKind("10.0.0.0/16", env: env), "the VPC's primary CIDR")
        XCTAssertEqual(RouteMeaning.rangeKind("100.64.0.0/20", env: env), "the VPC's secondary CIDR")
        XCTAssertEqual(RouteMeaning.rangeKind("10.0.5.0/24", env: env), "inside the VPC's primary CIDR")
        XCTAssertEqual(RouteMeaning.rangeKind("172.16.0.0/12", env: env), "RFC 1918 private range")
        XCTAssertEqual(RouteMeaning.rangeKind("100.96.16.0/21", env: env), "RFC 6598 shared address space (outside this VPC)")
        XCTAssertEqual(RouteMeaning.rangeKind("208.75.9.40/32", env: env), "single public address")
        XCTAssertEqual(RouteMeaning.rangeKind("64.47.12.0/26", env: env), "public address range")
        XCTAssertEqual(RouteMeaning.rangeKind("0.0.0.0/0", env: env), "default route")
        XCTAssertTrue(RouteMeaning.rangeKind("pl-63a5400a", env: env).hasPrefix("prefix list"))
        XCTAssertEqual(RouteMeaning.rangeKind("2600:1f14::/56", env: env), "IPv6 range")
    }

    func testExternalRangesExcludeVPCDefaultLocalAndPrefixLists() {
        let env = self.env
        func route(_ d: String, _ t: String) -> Route { Route(destination: d, target: t, source: src) }
        XCTAssertTrue(RouteMeaning.isExternalRange(route("10.0.0.0/8", "i-1"), env: env), "10/8 contains the VPC but is wider than it")
        XCTAssertTrue(RouteMeaning.isExternalRange(route("192.168.0.0/16", "tgw-1"), env: env))
        XCTAssertFalse(RouteMeaning.isExternalRange(route("10.0.5.0/24", "eni-1"), env: env), "inside the VPC")
        XCTAssertFalse(RouteMeaning.isExternalRange(route("0.0.0.0/0", "nat-1"), env: env))
        XCTAssertFalse(RouteMeaning.isExternalRange(route("10.0.0.0/16", "local"), env: env))
        XCTAssertFalse(RouteMeaning.isExternalRange(route("pl-63a5400a", "vpce-1"), env: env))
    }

    func testDestinationsSortByAddress() {
        let sorted = ["64.47.4.88/32", "208.75.8.0/24", "0.0.0.0/0", "10.0.0.0/8", "208.75.11.75/32", "::/0"].sorted(by: RouteMeaning.order)
        XCTAssertEqual(sorted, ["0.0.0.0/0", "10.0.0.0/8", "64.47.4.88/32", "208.75.8.0/24", "208.75.11.75/32", "::/0"])
    }

    /// The separator count the page tests rely on agrees with cmark-gfm on tricky cells.
    func testPipeCountingAgreesWithCmark() {
        for raw in ["a\\|b", "plain|pipe", "back\\slash", "`tick`|x", "a\\\\|b", "end\\"] {
            for cell in [MD.code(raw), MD.text(raw), MD.cell(raw)] {
                let table = MD.table(["One", "Two"], [[cell, "z"]])
                let row = table.components(separatedBy: "\n")[2]
                let html = MarkdownHTML.render(table)
                XCTAssertEqual(NetworkPages.unescapedPipes(row), 3, "\(raw) as \(cell)")
                XCTAssertEqual(html.components(separatedBy: "<td").count - 1, 2, "\(raw) as \(cell): \(html)")
            }
        }
    }
}
