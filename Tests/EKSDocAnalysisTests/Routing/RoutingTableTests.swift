@testable import EKSDocAnalysis
import EKSDocModel
import XCTest

/// Effective route tables, longest-prefix match and the IPv6 parser.
final class RoutingTableTests: XCTestCase {
    typealias F = RoutingFixtures

    func testExplicitAssociationWinsOverMainTable() throws {
        let env = F.sample()
        let pub = try XCTUnwrap(Routing.effectiveRouteTable(forSubnet: "subnet-pub", in: env))
        XCTAssertEqual(pub.table.id, "rtb-pub")
        XCTAssertTrue(pub.explicit)
        let app = try XCTUnwrap(Routing.effectiveRouteTable(forSubnet: "subnet-app", in: env))
        XCTAssertEqual(app.table.id, "rtb-main")
        XCTAssertFalse(app.explicit)
    }

    func testMainTableMustBeOfTheSubnetsVPC() {
        var env = F.sample()
        env.subnets.append(F.subnet("subnet-other", "10.9.0.0/24", vpc: "vpc-2"))
        XCTAssertNil(Routing.effectiveRouteTable(forSubnet: "subnet-other", in: env), "vpc-2 has no main table")
        env.routeTables.append(F.table("rtb-main2", vpc: "vpc-2", main: true, [F.route("10.9.0.0/16", "local")]))
        XCTAssertEqual(Routing.effectiveRouteTable(forSubnet: "subnet-other", in: env)?.table.id, "rtb-main2")
    }

    func testLongestPrefixWins() throws {
        let table = F.table("rtb", [
            F.route("0.0.0.0/0", "igw-1"), F.route("10.0.0.0/8", "i-appliance"),
            F.route("10.1.0.0/16", "local"), F.route("10.1.2.3/32", "eni-host"),
        ])
        XCTAssertEqual(Routing.longestPrefixMatch("10.1.2.3", in: table)?.target, "eni-host", "/32 beats /16 and /8")
        XCTAssertEqual(Routing.longestPrefixMatch("10.1.2.4", in: table)?.target, "local")
        XCTAssertEqual(Routing.longestPrefixMatch("10.200.0.1", in: table)?.target, "i-appliance")
        XCTAssertEqual(Routing.longestPrefixMatch("8.8.8.8", in: table)?.target, "igw-1")
        XCTAssertEqual(Routing.longestPrefixMatch("10.1.0.0/24", in: table)?.destination, "10.1.0.0/16",
                       "a CIDR matches a route that contains it whole")
        XCTAssertEqual(Routing.longestPrefixMatch("10.0.0.0/7", in: table)?.destination, "0.0.0.0/0")
        XCTAssertNil(Routing.longestPrefixMatch("not-an-address", in: table))
    }

    func testIPv4AndIPv6AreMatchedApart() {
        let v6only = F.table("rtb", [F.route("::/0", "eigw-1"), F.route("2600:1f14:abc::/56", "local")])
        XCTAssertNil(Routing.longestPrefixMatch("8.8.8.8", in: v6only), "a v4 destination never matches ::/0")
        XCTAssertEqual(Routing.longestPrefixMatch("2600:1f14:abc:12::1", in: v6only)?.target, "local")
        XCTAssertEqual(Routing.longestPrefixMatch("2001:db8::1", in: v6only)?.target, "eigw-1")
        let v4only = F.table("rtb", [F.route("0.0.0.0/0", "nat-1")])
        XCTAssertNil(Routing.longestPrefixMatch("2001:db8::1", in: v4only), "a v6 destination never matches 0.0.0.0/0")
        XCTAssertNil(Routing.longestPrefixMatch("::ffff:8.8.8.8", in: v4only), "IPv4-mapped IPv6 is still IPv6")
    }

    func testPrefixListRoutesAreNotMatchedByAddress() {
        let table = F.table("rtb", [F.route("pl-63a5400a", "vpce-s3"), F.route("0.0.0.0/0", "nat-1")])
        XCTAssertEqual(Routing.longestPrefixMatch("52.216.0.1", in: table)?.target, "nat-1")
    }

    func testBlackholeRouteIsMatchedAndReported() throws {
        let table = F.table("rtb", [F.route("0.0.0.0/0", "nat-1"), F.route("10.50.0.0/16", "pcx-gone", state: "blackhole")])
        let route = try XCTUnwrap(Routing.longestPrefixMatch("10.50.1.1", in: table))
        XCTAssertEqual(route.target, "pcx-gone")
        XCTAssertFalse(Routing.isActive(route))
    }

    func testTiesBreakDeterministically() {
        let table = F.table("rtb", [
            F.route("10.0.0.0/8", "tgw-b"), F.route("10.0.0.0/8", "nat-x", state: "blackhole"),
            F.route("10.0.0.0/8", "tgw-a"),
        ])
        XCTAssertEqual(Routing.longestPrefixMatch("10.1.1.1", in: table)?.target, "tgw-a", "active first, then target id")
        let reversed = F.table("rtb", table.routes.reversed())
        XCTAssertEqual(Routing.longestPrefixMatch("10.1.1.1", in: reversed)?.target, "tgw-a", "order does not matter")
    }

    func testIPv6Parsing() throws {
        let full = try XCTUnwrap(IPv6Prefix("2600:1f14:0abc:0000:0000:0000:0000:0001"))
        XCTAssertEqual(full, IPv6Prefix("2600:1f14:abc::1"))
        XCTAssertEqual(full.description, "2600:1f14:abc::1/128")
        XCTAssertEqual(IPv6Prefix("::/0")?.description, "::/0")
        XCTAssertEqual(IPv6Prefix("::1")?.low, 1)
        XCTAssertEqual(IPv6Prefix("2600:1f14:abc:1200::ff/56")?.description, "2600:1f14:abc:1200::/56",
                       "host bits are cleared")
        XCTAssertEqual(IPv6Prefix("1:0:0:2:0:0:0:3")?.description, "1:0:0:2::3/128", "the longest zero run is compressed")
        XCTAssertEqual(IPv6Prefix("::ffff:10.0.0.1")?.low, 0xffff_0a00_0001)
        XCTAssertEqual(IPv6Prefix("1:2:3:4:5:6:10.0.0.1")?.low, 0x0005_0006_0a00_0001)
        for bad in ["", "1.2.3.4", "1::2::3", ":1:2", "1:2:3:4:5:6:7:8:9", "12345::", "g::1", "::/129", "1:2:3:4:5:6:7",
                    "::1/", "1::2:", "::ffff:300.1.1.1"] {
            XCTAssertNil(IPv6Prefix(bad), bad)
        }
        let net = try XCTUnwrap(IPv6Prefix("2600:1f14:abc::/48"))
        XCTAssertTrue(net.contains(try XCTUnwrap(IPv6Prefix("2600:1f14:abc:ffff:1::/80"))))
        XCTAssertFalse(net.contains(try XCTUnwrap(IPv6Prefix("2600:1f14:abd::1"))))
        XCTAssertFalse(net.contains(try XCTUnwrap(IPv6Prefix("2600:1f14::/32"))), "a wider block is not inside")
        XCTAssertTrue(try XCTUnwrap(IPv6Prefix("::/0")).contains(net))
    }

    func testIPv6LongestPrefixAcrossTheHalfBoundary() {
        let table = F.table("rtb", [
            F.route("2600:1f14:abc::/48", "tgw-48"), F.route("2600:1f14:abc:1::/64", "local"),
            F.route("2600:1f14:abc:1:8000::/65", "eni-65"), F.route("2600:1f14:abc:1:8000::7/128", "i-host"),
        ])
        XCTAssertEqual(Routing.longestPrefixMatch("2600:1f14:abc:1:8000::7", in: table)?.target, "i-host")
        XCTAssertEqual(Routing.longestPrefixMatch("2600:1f14:abc:1:8000::8", in: table)?.target, "eni-65")
        XCTAssertEqual(Routing.longestPrefixMatch("2600:1f14:abc:1:7fff::8", in: table)?.target, "local")
        XCTAssertEqual(Routing.longestPrefixMatch("2600:1f14:abc:2::1", in: table)?.target, "tgw-48")
        XCTAssertNil(Routing.longestPrefixMatch("2600:1f15::1", in: table))
    }
}
