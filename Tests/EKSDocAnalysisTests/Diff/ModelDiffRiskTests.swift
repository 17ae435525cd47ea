import EKSDocAnalysis
import EKSDocModel
import EKSDocTestSupport
import Foundation
import XCTest

/// Each risk note of `ModelDiff`, firing and not firing, on pairs of moto-made snapshots.
final class ModelDiffRiskTests: XCTestCase {
    func diff(_ edit: (MotoDiffPair) throws -> Void) throws -> DiffReport {
        let pair = try MotoDiffPair()
        defer { pair.remove() }
        try edit(pair)
        return try pair.diff()
    }

    func testRiskIdsAreListed() {
        XCTAssertEqual(DiffRisks.ids, ["new-open-rule", "default-route-changed", "capacity-dropped", "public-endpoint-opened",
                                       "subnet-removed", "node-group-removed", "security-group-removed"])
    }

    func testNewOpenRuleOnAdminPortIsAnError() throws {
        let report = try diff { try $0.edit("ec2-describe-security-groups.json") {
            Moto.addIngress(JSONEdit.tcp(22, from: "0.0.0.0/0"), to: Moto.albGroup, &$0)
        } }
        let note = try XCTUnwrap(report.risks("new-open-rule").first)
        XCTAssertEqual(report.risks.count, 1, "\(report.risks)")
        XCTAssertEqual(note.severity, .error)
        XCTAssertEqual(note.environment, "snap")
        XCTAssertEqual(note.entity, "\(Moto.albGroup) (eksdoc-alb)")
        XCTAssertEqual(note.message, "\(Moto.albGroup) (eksdoc-alb) now allows tcp 22 (SSH) from 0.0.0.0/0, including admin or database port 22 (SSH)")
    }

    func testNewOpenRuleOnIPv6DatabasePortAndOnWebPort() throws {
        let report = try diff { try $0.edit("ec2-describe-security-groups.json") {
            Moto.addIngress(["IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "Ipv6Ranges": [["CidrIpv6": "::/0"]]],
                            to: Moto.nodeGroupSG, &$0)
            Moto.addIngress(JSONEdit.tcp(8443, from: "0.0.0.0/0"), to: Moto.albGroup, &$0)
        } }
        let notes = report.risks("new-open-rule")
        XCTAssertEqual(notes.map(\.severity), [.error, .warning], "errors sort first")
        XCTAssertTrue(notes[0].message.contains("5432 (PostgreSQL)"), notes[0].message)
        XCTAssertTrue(notes[1].message.hasSuffix("now allows tcp 8443 (HTTPS alternate) from 0.0.0.0/0"), notes[1].message)
    }

    func testNoOpenRuleNoteForPrivateSourcesOrExistingRules() throws {
        let report = try diff { pair in
            try pair.edit("ec2-describe-security-groups.json") { Moto.addIngress(JSONEdit.tcp(22, from: "10.0.0.0/8"), to: Moto.albGroup, &$0) }
            for side in [MotoDiffPair.Side.old, .new] {
                try pair.edit("ec2-describe-security-groups.json", side) { Moto.addIngress(JSONEdit.tcp(3389, from: "0.0.0.0/0"), to: Moto.nodeGroupSG, &$0) }
            }
        }
        XCTAssertEqual(report.changes(.securityGroupRule).count, 1)
        XCTAssertEqual(report.risks, [])
    }

    func testDefaultRouteRetargetedAndRemoved() throws {
        let report = try diff { try $0.edit("ec2-describe-route-tables.json") {
            Moto.setDefaultRoute(Moto.privateTable, &$0) {
                $0["NatGatewayId"] = nil
                $0["InstanceId"] = "i-558c4e99769dccbdf"
            }
            JSONEdit.items(&$0, "RouteTables", where: ("RouteTableId", Moto.publicTable)) {
                JSONEdit.remove(&$0, "Routes", where: ("DestinationCidrBlock", "0.0.0.0/0"))
            }
        } }
        let notes = report.risks("default-route-changed")
        XCTAssertEqual(notes.map(\.message), [
            "\(Moto.privateTable) (eksdoc-private): default route 0.0.0.0/0 now goes to i-558c4e99769dccbdf (was \(Moto.nat))",
            "\(Moto.publicTable) (eksdoc-public): default route 0.0.0.0/0 to \(Moto.igw) was removed",
        ])
        XCTAssertTrue(notes.allSatisfy { $0.severity == .warning })
    }

    func testOtherRouteChangesAreNotDefaultRouteRisks() throws {
        let report = try diff { try $0.edit("ec2-describe-route-tables.json") {
            JSONEdit.items(&$0, "RouteTables", where: ("RouteTableId", Moto.privateTable)) {
                JSONEdit.items(&$0, "Routes", where: ("DestinationCidrBlock", "10.0.0.0/8")) {
                    $0["InstanceId"] = nil
                    $0["TransitGatewayId"] = "tgw-0abc"
                }
            }
        } }
        XCTAssertEqual(report.changes(.route).count, 1)
        XCTAssertEqual(report.risks, [])
    }

    func testCapacityDroppedForNodeGroupMaxPodsAndSubnet() throws {
        let report = try diff { pair in
            try pair.edit("eks-describe-nodegroup.json") { JSONEdit.object(&$0, "nodegroup") { JSONEdit.object(&$0, "scalingConfig") { $0["maxSize"] = 2 } } }
            try pair.edit("ec2-describe-subnets.json") {
                JSONEdit.items(&$0, "Subnets", where: ("SubnetId", Moto.privateA)) { $0["CidrBlock"] = "10.20.10.0/26" }
            }
        }
        XCTAssertEqual(report.risks("capacity-dropped").map(\.message), [
            "pod capacity dropped from 116 to 58 (limited by nodes)",
            "node group eksdoc-ng maximum dropped from 4 to 2 nodes",
            "subnet \(Moto.privateA) (eksdoc-private-a) usable addresses dropped from 251 to 59",
        ])
    }

    func testCapacityGrowthIsNoRisk() throws {
        let report = try diff { try $0.edit("eks-describe-nodegroup.json") {
            JSONEdit.object(&$0, "nodegroup") { JSONEdit.object(&$0, "scalingConfig") { $0["maxSize"] = 8 } }
        } }
        XCTAssertEqual(report.changes(.nodeGroup).count, 1)
        XCTAssertEqual(report.risks, [])
    }

    func testPublicEndpointOpened() throws {
        let open = try diff { pair in
            try pair.edit("eks-describe-cluster.json", .old) { Moto.setEndpoint(public: false, &$0) }
            try pair.edit("eks-describe-cluster.json") { Moto.setEndpoint(public: true, &$0) }
        }
        XCTAssertEqual(open.risks("public-endpoint-opened").map(\.severity), [.error])
        XCTAssertEqual(open.changes(.cluster).first?.fields, [FieldChange(field: "endpointPublic", old: "false", new: "true")])
        let restricted = try diff { pair in
            try pair.edit("eks-describe-cluster.json", .old) { Moto.setEndpoint(public: false, &$0) }
            try pair.edit("eks-describe-cluster.json") { Moto.setEndpoint(public: true, cidrs: ["203.0.113.0/24"], &$0) }
        }
        XCTAssertEqual(restricted.risks("public-endpoint-opened").map(\.message),
                       ["cluster eksdoc API endpoint is now public, reachable from 203.0.113.0/24"])
        XCTAssertEqual(restricted.risks.first?.severity, .warning)
        let widened = try diff { pair in
            try pair.edit("eks-describe-cluster.json", .old) { Moto.setEndpoint(public: true, cidrs: ["203.0.113.0/24"], &$0) }
            try pair.edit("eks-describe-cluster.json") { Moto.setEndpoint(public: true, cidrs: ["0.0.0.0/0"], &$0) }
        }
        XCTAssertEqual(widened.risks("public-endpoint-opened").map(\.message),
                       ["cluster eksdoc public API endpoint CIDRs widened from 203.0.113.0/24 to 0.0.0.0/0"])
    }

    func testEndpointClosingOrUnchangedIsNoRisk() throws {
        let closed = try diff { pair in
            try pair.edit("eks-describe-cluster.json", .old) { Moto.setEndpoint(public: true, &$0) }
            try pair.edit("eks-describe-cluster.json") { Moto.setEndpoint(public: false, &$0) }
        }
        XCTAssertEqual(closed.changes(.cluster).count, 1)
        XCTAssertEqual(closed.risks, [])
        let narrowed = try diff { pair in
            try pair.edit("eks-describe-cluster.json", .old) { Moto.setEndpoint(public: true, cidrs: ["0.0.0.0/0"], &$0) }
            try pair.edit("eks-describe-cluster.json") { Moto.setEndpoint(public: true, cidrs: ["203.0.113.0/24"], &$0) }
        }
        XCTAssertEqual(narrowed.risks, [])
    }

    func testRemovals() throws {
        let report = try diff { pair in
            try pair.edit("ec2-describe-subnets.json") { JSONEdit.remove(&$0, "Subnets", where: ("SubnetId", Moto.podsB)) }
            try pair.edit("ec2-describe-security-groups.json") { JSONEdit.remove(&$0, "SecurityGroups", where: ("GroupId", Moto.albGroup)) }
            try FileManager.default.removeItem(at: pair.folder(.new).appendingPathComponent("eks-describe-nodegroup.json"))
        }
        XCTAssertEqual(report.risks("subnet-removed").map(\.message), ["subnet \(Moto.podsB) (eksdoc-pods-b) (100.64.64.0/18) was removed"])
        XCTAssertEqual(report.risks("node-group-removed").map(\.message), ["node group eksdoc-ng was removed"])
        XCTAssertEqual(report.risks("security-group-removed").map(\.message), ["security group \(Moto.albGroup) (eksdoc-alb) was removed"])
        XCTAssertTrue(report.risks.allSatisfy { $0.severity == .warning })
    }

    func testAdditionsAreNoRemovalRisks() throws {
        let report = try diff { pair in
            try pair.edit("ec2-describe-subnets.json", .old) { JSONEdit.remove(&$0, "Subnets", where: ("SubnetId", Moto.podsB)) }
            try pair.edit("ec2-describe-security-groups.json", .old) { JSONEdit.remove(&$0, "SecurityGroups", where: ("GroupId", Moto.albGroup)) }
            try FileManager.default.removeItem(at: pair.folder(.old).appendingPathComponent("eks-describe-nodegroup.json"))
        }
        XCTAssertEqual(report.changes(.subnet).map(\.change), [.added])
        XCTAssertEqual(report.changes(.nodeGroup).map(\.change), [.added])
        XCTAssertEqual(report.changes(.securityGroup).map(\.change), [.added])
        XCTAssertEqual(report.risks.map(\.risk), ["new-open-rule", "new-open-rule"],
                       "no removal or capacity risk; the added ALB group's web rules open to the internet are new")
        XCTAssertEqual(report.risks.map(\.severity), [.warning, .warning])
    }
}
