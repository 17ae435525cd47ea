import EKSDocAnalysis
import EKSDocModel
import XCTest

/// Security-group rule evaluation used by traces.
final class RoutingRuleEvaluationTests: XCTestCase {
    typealias F = RoutingFixtures
    let env = F.sample()

    func allows(_ rules: [SecurityGroupRule], _ peer: RulePeer, _ port: Int, _ proto: String = "tcp") -> SecurityGroupRule? {
        RuleEvaluation.allows(rules, peer: peer, port: port, protocol: proto, env: env)
    }

    func testPortRanges() {
        let rules = [F.rule("tcp", 1025, 65_535, peer: "10.0.0.0/8"), F.rule("udp", 53, 53, peer: "10.0.0.0/8")]
        let peer = RulePeer.address("10.1.2.3")
        XCTAssertEqual(allows(rules, peer, 1025)?.fromPort, 1025, "lower bound")
        XCTAssertEqual(allows(rules, peer, 65_535)?.fromPort, 1025, "upper bound")
        XCTAssertNil(allows(rules, peer, 1024))
        XCTAssertNil(allows(rules, peer, 53), "udp 53 does not allow tcp 53")
        XCTAssertEqual(allows(rules, peer, 53, "udp")?.protocol, "udp")
        XCTAssertEqual(allows(rules, peer, 53, "17")?.protocol, "udp", "protocol numbers equal names")
        XCTAssertNil(allows(rules, .address("11.0.0.1"), 2000), "CIDR must contain the address")
        XCTAssertEqual(allows([F.rule("tcp", peer: "0.0.0.0/0")], peer, 22)?.protocol, "tcp", "no ports = all ports")
    }

    func testAllProtocols() {
        let all = [F.rule("-1", peer: "0.0.0.0/0")]
        XCTAssertNotNil(allows(all, .address("8.8.8.8"), 443))
        XCTAssertNotNil(allows(all, .address("8.8.8.8"), 53, "udp"))
        XCTAssertNotNil(allows(all, .address("8.8.8.8"), 8, "icmp"))
        XCTAssertNil(allows(all, .address("2001:db8::1"), 443), "0.0.0.0/0 does not cover IPv6")
        XCTAssertNotNil(allows([F.rule("-1", peer: "::/0", kind: .ipv6Cidr)], .address("2001:db8::1"), 443))
    }

    func testICMPTypes() {
        let echo = [F.rule("icmp", 8, -1, peer: "0.0.0.0/0")]
        XCTAssertNotNil(allows(echo, .address("1.1.1.1"), 8, "icmp"), "echo request, any code")
        XCTAssertNil(allows(echo, .address("1.1.1.1"), 0, "icmp"), "echo reply is another type")
        XCTAssertNil(allows(echo, .address("1.1.1.1"), 8, "tcp"))
        XCTAssertNotNil(allows([F.rule("icmp", -1, -1, peer: "0.0.0.0/0")], .address("1.1.1.1"), 3, "1"), "all types")
    }

    func testSecurityGroupPeers() {
        let fromApp = [F.rule("tcp", 5432, 5432, peer: "sg-app", kind: .securityGroup)]
        XCTAssertNotNil(allows(fromApp, .groups(["sg-other", "sg-app"]), 5432))
        XCTAssertNil(allows(fromApp, .groups(["sg-other"]), 5432))
        XCTAssertNotNil(allows(fromApp, .address("10.0.1.10"), 5432), "the instance at that address carries sg-app")
        XCTAssertNil(allows(fromApp, .address("10.0.1.11"), 5432), "no instance there")
        XCTAssertNotNil(allows([F.rule("tcp", 5432, 5432, peer: "123456789012/sg-app", kind: .securityGroup)],
                               .groups(["sg-app"]), 5432), "account-qualified group ids")
    }

    func testPrefixListAndSubnetPeers() {
        XCTAssertNil(allows([F.rule("tcp", 443, 443, peer: "pl-123", kind: .prefixList)], .address("1.2.3.4"), 443))
        let rules = [F.rule("tcp", 80, 80, peer: "10.0.0.0/16")]
        XCTAssertNotNil(allows(rules, .address("10.0.1.0/24"), 80), "a whole subnet inside the rule's block")
        XCTAssertNil(allows(rules, .address("10.0.0.0/8"), 80), "a wider block is not covered")
    }

    func testSummary() {
        XCTAssertEqual(RuleEvaluation.summary(F.rule("tcp", 443, 443, peer: "0.0.0.0/0")), "tcp 443 (HTTPS) with 0.0.0.0/0")
        XCTAssertEqual(RuleEvaluation.summary(F.rule("-1", peer: "sg-1", kind: .securityGroup)), "all traffic with sg-1")
        XCTAssertEqual(RuleEvaluation.summary(F.rule("6", 22, 22, peer: "10.0.0.0/8")), "tcp 22 (SSH) with 10.0.0.0/8")
    }
}
