import EKSDocAnalysis
import EKSDocModel
import XCTest

/// `Trace.run` on the hand-built sample: routes, security groups on the path and errors.
final class TraceTests: XCTestCase {
    typealias F = RoutingFixtures
    let env = F.sample()

    func testAppToDatabaseIsLocalAndAllowedBySecurityGroupPeers() throws {
        let r = try Trace.run(env, from: "10.0.1.10", to: "10.0.2.20", port: 5432, protocol: "tcp")
        XCTAssertEqual(r.fromSubnet, "subnet-app")
        XCTAssertEqual(r.routeTable, "rtb-main")
        XCTAssertFalse(r.explicitAssociation)
        XCTAssertEqual(r.matched, "10.0.0.0/16")
        XCTAssertEqual(r.target, "local")
        XCTAssertEqual(r.kind, .local)
        XCTAssertEqual(r.rules.map(\.side), ["source egress", "destination ingress"])
        XCTAssertEqual(r.rules.map(\.securityGroup), ["sg-app", "sg-db"])
        XCTAssertEqual(r.rules.map(\.verdict), ["allow", "allow"])
        XCTAssertEqual(r.rules[1].rule, "tcp 5432 (PostgreSQL) with sg-app")
        XCTAssertEqual(r.allowed, true)
    }

    func testWrongPortIsBlockedOnBothSides() throws {
        let r = try Trace.run(env, from: "10.0.1.10", to: "10.0.2.20", port: 3306, protocol: "tcp")
        XCTAssertEqual(r.rules.map(\.verdict), ["block", "block"])
        XCTAssertNil(r.rules[0].rule)
        XCTAssertTrue(r.rules[0].explanation.contains("No egress rule of sg-app (app) allows tcp/3306"), r.rules[0].explanation)
        XCTAssertEqual(r.allowed, false)
    }

    func testInternetDestinationHasNoFarEndGroup() throws {
        let r = try Trace.run(env, from: "10.0.1.10", to: "8.8.8.8", port: 443, protocol: "tcp")
        XCTAssertEqual(r.target, "nat-1")
        XCTAssertEqual(r.kind, .natGateway)
        XCTAssertEqual(r.rules.count, 1)
        XCTAssertEqual(r.allowed, true)
        XCTAssertTrue(r.explanation.contains("outside the environment's VPCs"), r.explanation)
        XCTAssertEqual(try Trace.run(env, from: "10.0.1.10", to: "8.8.8.8", port: 80, protocol: "tcp").allowed, false)
    }

    func testWithoutPortNoRulesAreChecked() throws {
        let r = try Trace.run(env, from: "subnet-pub", to: "1.1.1.1", port: nil, protocol: "tcp")
        XCTAssertEqual(r.target, "igw-1")
        XCTAssertTrue(r.explicitAssociation)
        XCTAssertEqual(r.rules, [])
        XCTAssertNil(r.allowed)
    }

    func testUnknownGroupsLeaveTheVerdictOpen() throws {
        let r = try Trace.run(env, from: "subnet-pub", to: "10.0.1.10", port: 8080, protocol: "tcp")
        XCTAssertEqual(r.rules.map(\.side), ["destination ingress"], "no source groups known for subnet-pub")
        XCTAssertEqual(r.rules[0].verdict, "allow", "10.0.0.0/24 covers all of subnet-pub")
        XCTAssertNil(r.allowed)
    }

    func testBlackholeRouteIsNeverAllowed() throws {
        let r = try Trace.run(env, from: "10.0.1.10", to: "10.50.0.9", port: 443, protocol: "tcp")
        XCTAssertEqual(r.state, "blackhole")
        XCTAssertEqual(r.target, "pcx-gone")
        XCTAssertEqual(r.allowed, false)
        XCTAssertTrue(r.explanation.contains("blackhole"))
    }

    func testErrors() {
        func reason(_ from: String, _ to: String) -> TraceError.Reason? {
            do {
                _ = try Trace.run(env, from: from, to: to, port: nil, protocol: "tcp")
                return nil
            } catch let error as TraceError {
                XCTAssertFalse(error.description.isEmpty)
                return error.reason
            } catch {
                return nil
            }
        }
        XCTAssertEqual(reason("subnet-nope", "8.8.8.8"), .unknownSubnet)
        XCTAssertEqual(reason("192.168.1.1", "8.8.8.8"), .addressInNoSubnet)
        XCTAssertEqual(reason("banana", "8.8.8.8"), .invalidSource)
        XCTAssertEqual(reason("subnet-app", "8.8.8.8/32"), .invalidDestination)
        XCTAssertEqual(reason("subnet-db", "8.8.8.8"), .noRoute, "the isolated table has only its local route")
        XCTAssertEqual(reason("subnet-app", "2001:db8::1"), .noRoute, "no IPv6 route at all")
        var orphan = env
        orphan.subnets.append(F.subnet("subnet-x", "10.9.0.0/24", vpc: "vpc-9"))
        do {
            _ = try Trace.run(orphan, from: "subnet-x", to: "8.8.8.8", port: nil, protocol: "tcp")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual((error as? TraceError)?.reason, .noRouteTable)
        }
    }

    func testMostSpecificSubnetHoldsTheSourceAddress() throws {
        var overlapping = env
        overlapping.subnets.append(F.subnet("subnet-wide", "10.0.0.0/20"))
        XCTAssertEqual(try Trace.run(overlapping, from: "10.0.1.10", to: "8.8.8.8", port: nil, protocol: "tcp").fromSubnet,
                       "subnet-app")
    }
}
