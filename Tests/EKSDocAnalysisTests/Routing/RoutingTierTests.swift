import EKSDocAnalysis
import EKSDocModel
import Foundation
import XCTest

/// Tiers (public / private / isolated) and subnet roles.
final class RoutingTierTests: XCTestCase {
    typealias F = RoutingFixtures

    /// An environment with one subnet whose (explicit) table holds `routes` besides the local route.
    func single(_ routes: [Route]) -> SubnetRouting {
        var env = Environment(name: "t")
        env.subnets = [F.subnet("subnet-1", "10.0.0.0/24")]
        env.routeTables = [F.table("rtb-1", subnets: ["subnet-1"], [F.route("10.0.0.0/16", "local")] + routes)]
        return Routing.classify(env)[0]
    }

    func testSampleEnvironment() {
        let facts = Routing.classify(F.sample())
        XCTAssertEqual(facts.map(\.subnet), ["subnet-app", "subnet-db", "subnet-pub"], "sorted by subnet id")
        XCTAssertEqual(facts.map(\.tier), [.private, .isolated, .public])
        XCTAssertEqual(facts.map(\.routeTable), ["rtb-main", "rtb-iso", "rtb-pub"])
        XCTAssertEqual(facts.map(\.explicit), [false, true, true])
        XCTAssertEqual(facts[0].defaultRoute, DefaultRoute(target: "nat-1", kind: .natGateway, state: "active"))
        XCTAssertEqual(facts[0].egress, .natGateway)
        XCTAssertEqual(facts[0].blackholes, ["10.50.0.0/16"])
        XCTAssertNil(facts[1].defaultRoute)
        XCTAssertNil(facts[1].egress)
        XCTAssertEqual(facts[2].egress, .internetGateway)
    }

    func testPrivateForEveryNonInternetTarget() {
        let targets: [(String, RouteTargetKind)] = [
            ("nat-1", .natGateway), ("i-1", .instance), ("eni-1", .networkInterface), ("tgw-1", .transitGateway),
            ("pcx-1", .vpcPeering), ("vgw-1", .virtualPrivateGateway),
        ]
        for (target, kind) in targets {
            let facts = single([F.route("0.0.0.0/0", target)])
            XCTAssertEqual(facts.tier, .private, target)
            XCTAssertEqual(facts.egress, kind, target)
            XCTAssertEqual(facts.defaultRoute?.target, target)
        }
    }

    func testPublicWithAnyInternetGatewayRoute() {
        XCTAssertEqual(single([F.route("0.0.0.0/0", "igw-1")]).tier, .public)
        let partial = single([F.route("0.0.0.0/0", "nat-1"), F.route("203.0.113.0/24", "igw-1")])
        XCTAssertEqual(partial.tier, .public, "a route to an internet gateway, whatever its destination")
        XCTAssertEqual(partial.egress, .natGateway)
        XCTAssertEqual(single([F.route("::/0", "igw-1")]).tier, .public)
    }

    func testEgressOnlyGatewayIsNotPublic() {
        let v6 = single([F.route("::/0", "eigw-1")])
        XCTAssertEqual(v6.tier, .private)
        XCTAssertEqual(v6.egress, .egressOnlyInternetGateway)
        let both = single([F.route("::/0", "eigw-1"), F.route("0.0.0.0/0", "nat-1")])
        XCTAssertEqual(both.defaultRoute?.target, "nat-1", "the IPv4 default route is the one named")
    }

    func testIsolatedWithoutDefaultRouteOrWithBlackholeDefault() {
        XCTAssertEqual(single([]).tier, .isolated)
        XCTAssertEqual(single([F.route("172.16.0.0/12", "tgw-1")]).tier, .isolated, "no default route")
        let hole = single([F.route("0.0.0.0/0", "nat-gone", state: "blackhole")])
        XCTAssertEqual(hole.tier, .isolated)
        XCTAssertEqual(hole.defaultRoute, DefaultRoute(target: "nat-gone", kind: .natGateway, state: "blackhole"))
        XCTAssertNil(hole.egress)
        XCTAssertEqual(hole.blackholes, ["0.0.0.0/0"])
        XCTAssertEqual(single([F.route("0.0.0.0/0", "igw-gone", state: "blackhole")]).tier, .isolated,
                       "a blackhole internet-gateway route does not make it public")
    }

    func testSubnetWithoutAnyTableIsIsolated() {
        var env = Environment(name: "t")
        env.subnets = [F.subnet("subnet-1", "10.0.0.0/24")]
        let facts = Routing.classify(env)[0]
        XCTAssertNil(facts.routeTable)
        XCTAssertEqual(facts.tier, .isolated)
    }

    func testJSONKeepsNullFields() throws {
        let data = try JSONEncoder().encode(single([]))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertTrue(json["defaultRoute"] is NSNull)
        XCTAssertTrue(json["egress"] is NSNull)
        XCTAssertEqual(json["tier"] as? String, "isolated")
    }

    func testRoles() {
        var env = F.sample()
        env.subnets += [
            F.subnet("subnet-int", "10.0.3.0/24", tags: ["kubernetes.io/role/internal-elb": "1"]),
            F.subnet("subnet-pods", "10.0.4.0/24", name: "pods-a"),
            F.subnet("subnet-rds", "10.0.5.0/24", tags: ["Name": "prod.rds2.az1"]),
            F.subnet("subnet-tagged", "10.0.6.0/24", tags: ["aws:cloudformation:database-tier": "x"]),
            F.subnet("subnet-noise", "10.0.7.0/24", name: "dbt-feedback-rdsx"),
        ]
        var config = KubernetesObject(apiVersion: "crd.k8s.amazonaws.com/v1alpha1", kind: "ENIConfig", name: "a", source: F.at)
        config.eniConfig = ENIConfigSpec(subnet: "subnet-pods", securityGroups: ["sg-app"])
        env.kubernetes = [config]
        env.cluster = Cluster(name: "c", subnets: ["subnet-app", "subnet-int"], source: F.at)
        env.nodeGroups = [NodeGroup(name: "ng", subnets: ["subnet-app"], source: F.at)]
        func roles(_ id: String) -> [SubnetRole] { Routing.roles(of: env.subnet(id)!, in: env) }
        XCTAssertEqual(roles("subnet-pub"), [.elb])
        XCTAssertEqual(roles("subnet-int"), [.internalElb, .cluster])
        XCTAssertEqual(roles("subnet-app"), [.cluster, .nodes])
        XCTAssertEqual(roles("subnet-pods"), [.pods])
        XCTAssertEqual(roles("subnet-db"), [.database], "name app-db-a")
        XCTAssertEqual(roles("subnet-rds"), [.database], "Name tag token rds2")
        XCTAssertEqual(roles("subnet-tagged"), [.database], "tag key with 'database'")
        XCTAssertEqual(roles("subnet-noise"), [], "dbt, feedback and rdsx are not database tokens")
    }
}
