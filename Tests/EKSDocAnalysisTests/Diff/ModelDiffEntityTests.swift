import EKSDocAnalysis
import EKSDocModel
import EKSDocTestSupport
import Foundation
import XCTest

/// `ModelDiff` on pairs of moto-made snapshots, one entity kind per test.
final class ModelDiffEntityTests: XCTestCase {
    /// Copies the snapshot twice, lets `edit` change either side, and diffs the two folders.
    func diff(_ edit: (MotoDiffPair) throws -> Void) throws -> DiffReport {
        let pair = try MotoDiffPair()
        defer { pair.remove() }
        try edit(pair)
        return try pair.diff()
    }

    func only(_ report: DiffReport, _ kind: DiffEntityKind, file: StaticString = #filePath, line: UInt = #line) throws -> EntityChange {
        let changes = report.changes(kind)
        XCTAssertEqual(changes.count, 1, "\(changes)", file: file, line: line)
        return try XCTUnwrap(changes.first, file: file, line: line)
    }

    func testIdenticalSnapshotsHaveNoChanges() throws {
        let report = try diff { _ in }
        XCTAssertTrue(report.isEmpty, "\(report)")
        XCTAssertEqual(report.environments.map(\.name), ["snap"])
        XCTAssertNil(report.environments[0].change)
    }

    func testSingleEnvironmentsWithDifferentNamesAreCompared() throws {
        let pair = try MotoDiffPair()
        defer { pair.remove() }
        let old = try pair.load(.old)
        var new = old
        new.environments[0].name = "prod"
        new.environments[0].nodeGroups[0].desired = 3
        let report = ModelDiff.diff(old: old, new: new)
        XCTAssertEqual(report.environments.map(\.name), ["prod"])
        XCTAssertEqual(report.environments[0].oldName, "snap")
        XCTAssertEqual(report.changes(.nodeGroup).first?.fields, [FieldChange(field: "desired", old: "2", new: "3")])
        var two = new
        two.environments.append(Environment(name: "dev"))
        let split = ModelDiff.diff(old: old, new: two)
        XCTAssertEqual(split.environments.map(\.name), ["dev", "prod", "snap"])
        XCTAssertEqual(split.environments.map(\.change), [.added, .added, .removed])
    }

    func testOrderOfInputsDoesNotMatter() throws {
        let pair = try MotoDiffPair()
        defer { pair.remove() }
        try pair.edit("ec2-describe-security-groups.json") { Moto.addIngress(JSONEdit.tcp(22, from: "0.0.0.0/0"), to: Moto.albGroup, &$0) }
        try pair.edit("ec2-describe-subnets.json") { JSONEdit.remove(&$0, "Subnets", where: ("SubnetId", Moto.podsB)) }
        let old = try pair.load(.old), new = try pair.load(.new)
        var shuffled = new
        shuffled.environments[0].subnets.reverse()
        shuffled.environments[0].securityGroups.reverse()
        for i in shuffled.environments[0].securityGroups.indices { shuffled.environments[0].securityGroups[i].ingress.reverse() }
        shuffled.environments[0].routeTables.reverse()
        XCTAssertEqual(ModelDiff.diff(old: old, new: new), ModelDiff.diff(old: old, new: shuffled))
        let kinds = ModelDiff.diff(old: old, new: new).environments[0].changes.map(\.kind)
        XCTAssertEqual(kinds, kinds.sorted())
    }

    func testVPC() throws {
        let report = try diff { try $0.edit("ec2-describe-vpcs.json") { JSONEdit.items(&$0, "Vpcs", where: ("VpcId", Moto.vpc)) {
            $0["Tags"] = [["Key": "Name", "Value": "eksdoc-renamed"]]
        } } }
        let change = try only(report, .vpc)
        XCTAssertEqual(change.change, .changed)
        XCTAssertTrue(change.fields.contains(FieldChange(field: "name", old: "eksdoc-fixed", new: "eksdoc-renamed")), "\(change.fields)")
        XCTAssertTrue(change.fields.contains(FieldChange(field: "tags.Name", old: "eksdoc-fixed", new: "eksdoc-renamed")))
    }

    func testSubnetsRemovedAndChanged() throws {
        let report = try diff { try $0.edit("ec2-describe-subnets.json") {
            JSONEdit.remove(&$0, "Subnets", where: ("SubnetId", Moto.podsB))
            JSONEdit.items(&$0, "Subnets", where: ("SubnetId", Moto.privateA)) {
                $0["CidrBlock"] = "10.20.10.0/25"
                $0["AvailableIpAddressCount"] = 17
            }
        } }
        let changes = report.changes(.subnet)
        XCTAssertEqual(changes.map(\.change), [.removed, .changed], "sorted by subnet id")
        XCTAssertEqual(changes[0].entity, "\(Moto.podsB) (eksdoc-pods-b)")
        XCTAssertEqual(changes[0].detail, "100.64.64.0/18 in us-east-1b")
        XCTAssertEqual(changes[1].fields, [FieldChange(field: "cidr", old: "10.20.10.0/24", new: "10.20.10.0/25")],
                       "the live free-address count is not a change")
    }

    func testRouteTableAssociations() throws {
        let report = try diff { try $0.edit("ec2-describe-route-tables.json") {
            JSONEdit.items(&$0, "RouteTables", where: ("RouteTableId", Moto.publicTable)) {
                $0["Associations"] = ($0["Associations"] as? [[String: Any]] ?? []).filter { $0["SubnetId"] as? String != "subnet-da682192d076bff33" }
            }
        } }
        let change = try only(report, .routeTable)
        XCTAssertEqual(change.entity, "\(Moto.publicTable) (eksdoc-public)")
        XCTAssertEqual(change.fields, [FieldChange(field: "subnets", old: "subnet-1b3396b605fc340e4, subnet-da682192d076bff33",
                                                   new: "subnet-1b3396b605fc340e4")])
    }

    func testRoutesChangedAndAdded() throws {
        let report = try diff { try $0.edit("ec2-describe-route-tables.json") {
            Moto.setDefaultRoute(Moto.privateTable, &$0) { $0["NatGatewayId"] = "nat-0123456789abcdef0" }
            JSONEdit.items(&$0, "RouteTables", where: ("RouteTableId", Moto.privateTable)) {
                $0["Routes"] = ($0["Routes"] as? [[String: Any]] ?? []) + [["DestinationCidrBlock": "192.168.0.0/16",
                                                                            "TransitGatewayId": "tgw-0abc", "State": "active"]]
            }
        } }
        let changes = report.changes(.route)
        XCTAssertEqual(changes.map(\.change), [.changed, .added])
        XCTAssertEqual(changes[0].fields, [FieldChange(field: "target", old: Moto.nat, new: "nat-0123456789abcdef0")])
        XCTAssertEqual(changes[0].detail, "0.0.0.0/0 → nat-0123456789abcdef0")
        XCTAssertEqual(changes[1].detail, "192.168.0.0/16 → tgw-0abc")
        XCTAssertEqual(changes[1].entity, "\(Moto.privateTable) (eksdoc-private)")
    }

    func testInternetGateway() throws {
        let report = try diff { try $0.edit("ec2-describe-internet-gateways.json") {
            JSONEdit.items(&$0, "InternetGateways", where: ("InternetGatewayId", Moto.igw)) { $0["Tags"] = [[String: Any]]() }
        } }
        XCTAssertEqual(try only(report, .internetGateway).fields, [FieldChange(field: "name", old: "eksdoc-igw", new: nil)])
    }

    func testNatGatewayRemoved() throws {
        let report = try diff { try $0.edit("ec2-describe-nat-gateways.json") { JSONEdit.remove(&$0, "NatGateways", where: ("NatGatewayId", Moto.nat)) } }
        let change = try only(report, .natGateway)
        XCTAssertEqual(change.change, .removed)
        XCTAssertEqual(change.entity, "\(Moto.nat) (eksdoc-nat)")
    }

    func testSecurityGroupAndRules() throws {
        let report = try diff { try $0.edit("ec2-describe-security-groups.json") {
            JSONEdit.items(&$0, "SecurityGroups", where: ("GroupId", Moto.albGroup)) { $0["Description"] = "public ALB" }
            Moto.addIngress(JSONEdit.tcp(443, from: "0.0.0.0/0"), to: Moto.nodeGroupSG, &$0)
        } }
        let group = try only(report, .securityGroup)
        XCTAssertEqual(group.fields, [FieldChange(field: "description", old: "internal ALB", new: "public ALB")])
        let rule = try only(report, .securityGroupRule)
        XCTAssertEqual(rule.change, .added)
        XCTAssertEqual(rule.entity, "\(Moto.nodeGroupSG) (eksdoc-nodes)")
        XCTAssertEqual(rule.detail, "ingress tcp 443 (HTTPS) from 0.0.0.0/0")
    }

    func testLoadBalancer() throws {
        let report = try diff { try $0.edit("elbv2-describe-load-balancers.json") {
            JSONEdit.items(&$0, "LoadBalancers", where: ("LoadBalancerName", "eksdoc-internal")) { $0["Scheme"] = "internet-facing" }
        } }
        let change = try only(report, .loadBalancer)
        XCTAssertEqual(change.fields, [FieldChange(field: "scheme", old: "internal", new: "internet-facing")])
    }

    func testClusterSettings() throws {
        let report = try diff { try $0.edit("eks-describe-cluster.json") { JSONEdit.object(&$0, "cluster") { $0["version"] = "1.31" } } }
        let change = try only(report, .cluster)
        XCTAssertEqual(change.entity, "eksdoc")
        XCTAssertEqual(change.fields, [FieldChange(field: "version", old: "1.30", new: "1.31")])
    }

    func testNodeGroup() throws {
        let report = try diff { try $0.edit("eks-describe-nodegroup.json") { JSONEdit.object(&$0, "nodegroup") {
            JSONEdit.object(&$0, "scalingConfig") { $0["maxSize"] = 2 }
            $0["labels"] = ["team": "shop"]
        } } }
        let change = try only(report, .nodeGroup)
        XCTAssertEqual(change.fields, [FieldChange(field: "labels.team", old: nil, new: "shop"),
                                       FieldChange(field: "max", old: "4", new: "2")])
    }

    func testAddonAdded() throws {
        let report = try diff { try $0.add("eks-describe-addon.json", to: .new) }
        let change = try only(report, .addon)
        XCTAssertEqual(change.change, .added)
        XCTAssertEqual(change.entity, "vpc-cni")
    }

    func testCNISettings() throws {
        let report = try diff {
            try $0.add("aws-node.yaml", to: .old)
            try $0.add("aws-node.yaml", to: .new, replacing: [("\"false\"", "\"true\"")])
        }
        let change = try only(report, .cni)
        XCTAssertEqual(change.fields, [FieldChange(field: "ENABLE_PREFIX_DELEGATION", old: "false", new: "true")])
    }

    func testKubernetesObjects() throws {
        let added = try diff { try $0.add("web.yaml", to: .new) }
        let change = try only(added, .kubernetes)
        XCTAssertEqual(change.change, .added)
        XCTAssertEqual(change.entity, "Deployment shop/web")
        XCTAssertEqual(change.key, "Deployment/shop/web")
        let scaled = try diff {
            try $0.add("web.yaml", to: .old)
            try $0.add("web.yaml", to: .new, replacing: [("replicas: 3", "replicas: 5"), ("web:1.0.0", "web:1.1.0")])
        }
        XCTAssertEqual(try only(scaled, .kubernetes).fields, [
            FieldChange(field: "workload.containers[web].image", old: "example.com/shop/web:1.0.0", new: "example.com/shop/web:1.1.0"),
            FieldChange(field: "workload.replicas", old: "3", new: "5"),
        ])
    }
}
