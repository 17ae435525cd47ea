import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocTestSupport
import XCTest

/// Routing and traces on the shipped leadertools-qas content (seeds 000 and 001, corrected: subnets on the main
/// table egress through the Aviatrix appliance, only the public route table reaches the internet gateway).
final class RoutingQASTests: XCTestCase {
    nonisolated(unsafe) static var cached: Environment?

    let kubernetesSubnet = "subnet-06582423b4bddaaef"
    let publicSubnet = "subnet-0de9b50b551f454d0"
    let mainTable = "rtb-0af593cb336560f42"
    let appliance = "i-0919b0c12ffebfc98"
    let haAppliance = "i-022003229928b80a1"

    func qas() throws -> Environment {
        if let cached = Self.cached { return cached }
        let (inventory, _) = ContentLoader.load(TestSupport.content)
        let env = try XCTUnwrap(inventory.environment(named: "leadertools-qas"))
        Self.cached = env
        return env
    }

    func trace(_ from: String, _ to: String, port: Int? = nil) throws -> TraceResult {
        try Trace.run(qas(), from: from, to: to, port: port, protocol: "tcp")
    }

    func testCorporateHostRoutesGoToTheAviatrixGatewaysTheTableNames() throws {
        let toHA = try trace(kubernetesSubnet, "208.75.11.75")
        XCTAssertEqual(toHA.routeTable, mainTable)
        XCTAssertFalse(toHA.explicitAssociation)
        XCTAssertEqual(toHA.matched, "208.75.11.75/32")
        XCTAssertEqual(toHA.target, haAppliance)
        XCTAssertEqual(toHA.kind, .instance)
        for host in ["208.75.9.40", "208.75.12.21", "64.47.4.88", "64.47.5.24"] {
            let r = try trace(kubernetesSubnet, host)
            XCTAssertEqual(r.matched, host + "/32", host)
            XCTAssertEqual(r.target, appliance, host)
        }
        XCTAssertEqual(try trace(kubernetesSubnet, "208.75.8.99").matched, "208.75.8.0/24")
    }

    func testPrivateAddressGoesToTheAppliance() throws {
        let r = try trace(kubernetesSubnet, "10.1.2.3")
        XCTAssertEqual(r.matched, "10.0.0.0/8")
        XCTAssertEqual(r.target, appliance)
        XCTAssertEqual(r.kind, .instance)
        XCTAssertEqual(try trace(kubernetesSubnet, "10.142.37.142").target, "local", "the VPC's own /21 is more specific")
        XCTAssertEqual(try trace("10.142.36.57", "100.96.33.4").matched, "100.96.32.0/21", "secondary CIDR is local")
    }

    func testInternetFromPublicSubnetGoesToTheInternetGateway() throws {
        let r = try trace(publicSubnet, "8.8.8.8")
        XCTAssertEqual(r.routeTable, "rtb-0c706da088d700de3")
        XCTAssertTrue(r.explicitAssociation)
        XCTAssertEqual(r.matched, "0.0.0.0/0")
        XCTAssertEqual(r.target, "igw-0e74bf1068b4cd3dd")
        XCTAssertEqual(r.kind, .internetGateway)
        XCTAssertEqual(try trace(publicSubnet, "10.1.2.3").target, appliance, "10.0.0.0/8 beats the default route")
    }

    func testInternetFromMainTableSubnetGoesToTheAppliance() throws {
        for subnet in [kubernetesSubnet, "subnet-09d92cbf937adefe5", "subnet-05739fcadd9426dc4"] {
            let r = try trace(subnet, "8.8.8.8")
            XCTAssertEqual(r.routeTable, mainTable, subnet)
            XCTAssertEqual(r.matched, "0.0.0.0/0", subnet)
            XCTAssertEqual(r.target, appliance, subnet)
        }
    }

    func testTiers() throws {
        let facts = Routing.classify(try qas())
        XCTAssertEqual(facts.count, 10)
        let publicIds = facts.filter { $0.tier == .public }.map(\.subnet)
        XCTAssertEqual(publicIds, ["subnet-03597db27bc94efd6", publicSubnet])
        for fact in facts where fact.tier != .public {
            XCTAssertEqual(fact.tier, .private, fact.subnet)
            XCTAssertEqual(fact.egress, .instance, fact.subnet)
            XCTAssertEqual(fact.defaultRoute?.target, appliance, fact.subnet)
            XCTAssertEqual(fact.routeTable, mainTable, fact.subnet)
        }
        XCTAssertTrue(facts.allSatisfy { $0.blackholes.isEmpty })
    }

    func testRoles() throws {
        let env = try qas()
        func roles(_ id: String) throws -> [SubnetRole] { Routing.roles(of: try XCTUnwrap(env.subnet(id)), in: env) }
        XCTAssertEqual(try roles(publicSubnet), [.elb])
        XCTAssertTrue(try roles(kubernetesSubnet).starts(with: [.internalElb]))
        XCTAssertTrue(try roles(kubernetesSubnet).contains(.cluster))
        XCTAssertEqual(try roles("subnet-09d92cbf937adefe5"), [.pods])
        XCTAssertEqual(try roles("subnet-05739fcadd9426dc4"), [.database])
        XCTAssertEqual(try roles("subnet-09d9027f49f79565c"), [])
    }

    func testNodeToNodeSecurityGroups() throws {
        let r = try trace("10.142.36.57", "10.142.37.142", port: 10250)
        XCTAssertEqual(r.rules.map(\.securityGroup), ["sg-07019a3af3f18cfa1", "sg-07019a3af3f18cfa1"])
        XCTAssertEqual(r.allowed, true)
        let ssh = try trace("10.142.36.57", "10.142.37.142", port: 22)
        XCTAssertEqual(ssh.rules.last?.verdict, "block")
        XCTAssertEqual(ssh.allowed, false)
    }
}
