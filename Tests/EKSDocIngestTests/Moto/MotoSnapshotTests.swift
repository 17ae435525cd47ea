import EKSDocIngest
import EKSDocModel
import EKSDocTestSupport
import XCTest

/// Snapshots made by the real `aws` CLI against `moto_server` on loopback (scripts/with-moto starts and stops
/// it), read back and compared with what the script says it created (`expected.json`).
final class MotoSnapshotTests: XCTestCase {
    func testCommittedFixedSnapshot() throws {
        try verify(TestSupport.fixture("moto/fixed"))
    }

    func testFreshSnapshotFromMotoServer() throws {
        let out = try TestSupport.temporaryDirectory("moto-snapshot")
        let script = TestSupport.packageRoot.appendingPathComponent("scripts")
        let result = try TestSupport.run(script.appendingPathComponent("with-moto"),
                                         [script.appendingPathComponent("moto-snapshot").path, "-", out.path],
                                         currentDirectory: TestSupport.packageRoot, timeout: 600)
        XCTAssertEqual(result.status, 0, "moto snapshot failed (run `make deps`?):\n\(result.stderr.suffix(3000))")
        try verify(out)
    }

    /// Loads a snapshot folder and checks the model against the script's record of what it created.
    func verify(_ folder: URL) throws {
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json"))) as? [String: Any])
        let (inventory, diagnostics) = ContentLoader.load(folder)
        XCTAssertFalse(diagnostics.hasErrors, diagnostics.sorted.map(\.description).joined(separator: "\n"))
        let env = try XCTUnwrap(inventory.environments.first)

        let vpcs = try XCTUnwrap(expected["vpcs"] as? [String: [String: Any]])
        XCTAssertEqual(Set(env.vpcs.map(\.id)), Set(vpcs.keys))
        for vpc in env.vpcs {
            XCTAssertEqual(vpc.cidrs, vpcs[vpc.id]?["cidrBlocks"] as? [String], vpc.id)
        }

        let subnets = try XCTUnwrap(expected["subnets"] as? [String: [String: Any]])
        XCTAssertEqual(Set(env.subnets.map(\.id)), Set(subnets.keys))
        for subnet in env.subnets {
            let e = try XCTUnwrap(subnets[subnet.id])
            XCTAssertEqual(subnet.cidr, e["cidr"] as? String)
            XCTAssertEqual(subnet.az, e["availabilityZone"] as? String)
            XCTAssertEqual(subnet.vpc, e["vpcId"] as? String)
            XCTAssertEqual(subnet.name, e["name"] as? String)
            let explicit = env.routeTables.filter { $0.subnets.contains(subnet.id) }.map(\.id)
            XCTAssertEqual(explicit, (e["routeTableId"] as? String).map { [$0] } ?? [], "explicit association of \(subnet.id)")
        }

        let tables = try XCTUnwrap(expected["routeTables"] as? [String: [String: Any]])
        XCTAssertEqual(Set(env.routeTables.map(\.id)), Set(tables.keys))
        for table in env.routeTables {
            let e = try XCTUnwrap(tables[table.id])
            XCTAssertEqual(table.main, e["main"] as? Bool, table.id)
            let routes = Dictionary(uniqueKeysWithValues: table.routes.map { ($0.destination, $0.target) })
            XCTAssertEqual(routes, e["routes"] as? [String: String], table.id)
        }

        let groups = try XCTUnwrap(expected["securityGroups"] as? [String: String])
        for (name, id) in groups {
            XCTAssertEqual(env.securityGroup(id)?.name, name)
        }
        if expected["mode"] as? String == "fixed" {
            let nodes = try XCTUnwrap(env.securityGroup(groups["eksdoc-nodes"] ?? ""))
            let clusterGroup = groups["eksdoc-cluster"]
            XCTAssertTrue(nodes.ingress.contains { $0.fromPort == 10250 && $0.peer == clusterGroup && $0.peerKind == .securityGroup })
            XCTAssertTrue(nodes.ingress.contains { $0.fromPort == 443 && $0.peer == clusterGroup })
            let alb = try XCTUnwrap(env.securityGroup(groups["eksdoc-alb"] ?? ""))
            XCTAssertTrue(alb.ingress.contains { $0.fromPort == 443 && $0.peer == "0.0.0.0/0" && $0.peerKind == .cidr })
            XCTAssertTrue(alb.ingress.contains { $0.fromPort == 80 && $0.peer == "::/0" && $0.peerKind == .ipv6Cidr })
        }

        for e in try XCTUnwrap(expected["loadBalancers"] as? [[String: Any]]) {
            let lb = try XCTUnwrap(env.loadBalancers.first { $0.name == e["name"] as? String })
            XCTAssertEqual(lb.scheme, e["scheme"] as? String)
            XCTAssertEqual(Set(lb.subnets), Set(e["subnetIds"] as? [String] ?? []))
            XCTAssertEqual(Set(lb.securityGroups), Set(e["securityGroupIds"] as? [String] ?? []))
        }
        for e in try XCTUnwrap(expected["targetGroups"] as? [[String: Any]]) {
            let tg = try XCTUnwrap(env.targetGroups.first { $0.name == e["name"] as? String })
            XCTAssertEqual(tg.targetType, e["targetType"] as? String)
            XCTAssertEqual(tg.port, e["port"] as? Int)
        }

        let cluster = try XCTUnwrap(expected["cluster"] as? [String: Any])
        let model = try XCTUnwrap(env.cluster)
        XCTAssertEqual(model.name, cluster["name"] as? String)
        XCTAssertEqual(model.version, cluster["version"] as? String)
        XCTAssertEqual(Set(model.subnets), Set(cluster["subnetIds"] as? [String] ?? []))
        XCTAssertEqual(model.serviceCidr, cluster["serviceIpv4Cidr"] as? String)
        let nodegroup = try XCTUnwrap(cluster["nodegroup"] as? [String: Any])
        let group = try XCTUnwrap(env.nodeGroups.first { $0.name == nodegroup["name"] as? String })
        XCTAssertEqual(group.instanceTypes, nodegroup["instanceTypes"] as? [String])
        let scaling = try XCTUnwrap(nodegroup["scaling"] as? [String: Int])
        XCTAssertEqual([group.min, group.max, group.desired], [scaling["minSize"], scaling["maxSize"], scaling["desiredSize"]])
        XCTAssertEqual(Set(group.subnets), Set(nodegroup["subnetIds"] as? [String] ?? []))

        let types = try XCTUnwrap(expected["instanceTypes"] as? [String])
        XCTAssertEqual(Set(env.instanceTypes.map(\.name)), Set(types))
        XCTAssertTrue(env.instanceTypes.allSatisfy { $0.maxENIs > 0 && $0.ipv4PerENI > 0 && $0.vcpus > 0 })
    }
}
