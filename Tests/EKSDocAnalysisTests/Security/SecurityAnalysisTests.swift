import EKSDocAnalysis
import EKSDocIngest
import EKSDocModel
import EKSDocTestSupport
import XCTest

final class SecurityAnalysisTests: XCTestCase {
    let at = SourceLocation(file: "sg.json", line: 1, column: 1)

    func testPortDescriptions() {
        XCTAssertEqual(PortNames.describe(protocol: "-1", from: nil, to: nil), "all traffic")
        XCTAssertEqual(PortNames.describe(protocol: "tcp", from: 443, to: 443), "tcp 443 (HTTPS)")
        XCTAssertEqual(PortNames.describe(protocol: "tcp", from: 1025, to: 65_535), "tcp 1025-65535")
        XCTAssertEqual(PortNames.describe(protocol: "udp", from: 0, to: 65_535), "udp all ports")
        XCTAssertEqual(PortNames.describe(protocol: "icmp", from: 8, to: -1), "icmp type 8")
        XCTAssertEqual(PortNames.describe(protocol: "icmp", from: -1, to: -1), "icmp (all types)")
        XCTAssertEqual(PortNames.describe(protocol: "tcp", from: 9999, to: 9999), "tcp 9999")
    }

    func testExposureNamesServicesAndSensitivePorts() {
        var env = Environment(name: "e")
        env.securityGroups = [SecurityGroup(id: "sg-1", name: "bastion", ingress: [
            SecurityGroupRule(protocol: "tcp", fromPort: 22, toPort: 22, peer: "0.0.0.0/0", peerKind: .cidr, source: at),
            SecurityGroupRule(protocol: "tcp", fromPort: 3300, toPort: 3400, peer: "::/0", peerKind: .ipv6Cidr, source: at),
            SecurityGroupRule(protocol: "tcp", fromPort: 22, toPort: 22, peer: "10.0.0.0/8", peerKind: .cidr, source: at),
            SecurityGroupRule(protocol: "icmp", fromPort: -1, toPort: -1, peer: "0.0.0.0/0", peerKind: .cidr, source: at),
        ], source: at)]
        let items = SecurityAnalysis.exposure(env)
        XCTAssertEqual(items.map(\.ports), ["icmp (all types)", "tcp 22 (SSH)", "tcp 3300-3400"])
        XCTAssertEqual(items[1].services, ["SSH"])
        XCTAssertEqual(items[1].sensitivePorts, [22])
        XCTAssertEqual(items[2].services, ["MySQL", "RDP"])
        XCTAssertEqual(items[2].sensitivePorts, [3306, 3389])
        XCTAssertEqual(items[0].sensitivePorts, [], "ICMP has no ports")
    }

    func testGraphOnExampleContent() throws {
        let (inventory, _) = ContentLoader.load(TestSupport.content)
        let env = try XCTUnwrap(inventory.environment(named: "leadertools-qas"))
        let edges = SecurityAnalysis.graph(env)
        XCTAssertTrue(edges.contains { $0.from == "sg-0da734f201fa4ca64" && $0.to == "sg-07019a3af3f18cfa1" && $0.ports == "tcp 10250 (kubelet API)" })
        XCTAssertEqual(edges, SecurityAnalysis.graph(env), "deterministic")
        let exposure = SecurityAnalysis.exposure(env)
        let albGroups = Set(exposure.filter { $0.ports == "tcp 443 (HTTPS)" }.map(\.securityGroup))
        XCTAssertTrue(albGroups.isSuperset(of: ["sg-092ea2ae08df86c55", "sg-0370741c2e987fb22", "sg-064225f82ef9578e6", "sg-0b7450c4c9cfa731a"]))
        XCTAssertGreaterThanOrEqual(albGroups.count, 16)
        XCTAssertTrue(exposure.allSatisfy { $0.sensitivePorts.isEmpty }, "only HTTPS is open to the internet in QAS")
    }
}
