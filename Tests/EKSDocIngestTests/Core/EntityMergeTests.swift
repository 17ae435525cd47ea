@testable import EKSDocIngest
import EKSDocModel
import XCTest

final class EntityMergeTests: XCTestCase {
    let declaredAt = SourceLocation(file: "eksctl.yaml", line: 4, column: 3)
    let liveAt = SourceLocation(file: "nodegroup.json", line: 2, column: 5)

    func testLiveWinsAndDisagreementsBecomeDrift() {
        let declared = NodeGroup(name: "system", instanceTypes: ["m5.large"], min: 2, max: 4, desired: 3, diskSize: 50, source: declaredAt)
        let live = NodeGroup(name: "system", instanceTypes: ["m5.large"], min: 2, max: 4, desired: 2, source: liveAt)
        var drift: [DriftItem] = []
        var d = Diagnostics()
        let merged = EntityMerge.merge([Contribution(origin: .declared, file: "eksctl.yaml", entity: declared),
                                        Contribution(origin: .live, file: "nodegroup.json", entity: live)],
                                       drift: &drift, diagnostics: &d)
        XCTAssertEqual(merged.count, 1)
        XCTAssertEqual(merged[0].desired, 2, "live wins")
        XCTAssertEqual(merged[0].diskSize, 50, "declared fills what live leaves out")
        XCTAssertEqual(merged[0].source, liveAt)
        XCTAssertEqual(drift, [DriftItem(entity: "node group system", field: "desired", declared: "3", declaredAt: declaredAt,
                                         live: "2", liveAt: liveAt)])
    }

    func testDeclaredSubnetWithoutIdMatchesByCIDR() {
        let declared = Subnet(id: "declared:10.0.1.0/24", vpc: "declared:vpc", cidr: "10.0.1.0/24", az: "us-east-1b", source: declaredAt)
        let live = Subnet(id: "subnet-1", vpc: "vpc-1", cidr: "10.0.1.0/24", az: "us-east-1a", source: liveAt)
        var drift: [DriftItem] = []
        var d = Diagnostics()
        let merged = EntityMerge.merge([Contribution(origin: .declared, file: "a", entity: declared),
                                        Contribution(origin: .live, file: "b", entity: live)], drift: &drift, diagnostics: &d)
        XCTAssertEqual(merged.map(\.id), ["subnet-1"])
        XCTAssertEqual(merged[0].vpc, "vpc-1")
        XCTAssertEqual(drift.map(\.field), ["az"])
    }

    func testDeclaredButMissingLiveIsDriftOnlyWhenLiveSourcesExist() {
        let declared = Addon(name: "aws-ebs-csi-driver", version: "v1.30.0", source: declaredAt)
        var drift: [DriftItem] = []
        var d = Diagnostics()
        _ = EntityMerge.merge([Contribution(origin: .declared, file: "a", entity: declared)], drift: &drift, diagnostics: &d)
        XCTAssertTrue(drift.isEmpty)
        let live = Addon(name: "vpc-cni", version: "v1.19.0", source: liveAt)
        let merged = EntityMerge.merge([Contribution(origin: .declared, file: "a", entity: declared),
                                        Contribution(origin: .live, file: "b", entity: live)], drift: &drift, diagnostics: &d)
        XCTAssertEqual(merged.map(\.name), ["aws-ebs-csi-driver", "vpc-cni"])
        XCTAssertEqual(drift.map(\.field), ["exists"])
        XCTAssertEqual(drift.first?.live, "not found")
    }

    func testPagesInTwoFilesCombineButTheSameIdTwiceInOneFileWarns() {
        let a = VPC(id: "vpc-1", cidrs: ["10.0.0.0/16"], source: SourceLocation(file: "p1.json", line: 3, column: 1))
        let b = VPC(id: "vpc-1", cidrs: [], name: "main", source: SourceLocation(file: "p2.json", line: 3, column: 1))
        var drift: [DriftItem] = []
        var d = Diagnostics()
        let merged = EntityMerge.merge([Contribution(origin: .live, file: "p1.json", entity: a),
                                        Contribution(origin: .live, file: "p2.json", entity: b)], drift: &drift, diagnostics: &d)
        XCTAssertEqual(merged.count, 1)
        XCTAssertEqual(merged[0].name, "main")
        XCTAssertEqual(merged[0].cidrs, ["10.0.0.0/16"])
        XCTAssertTrue(d.items.isEmpty)
        _ = EntityMerge.merge([Contribution(origin: .live, file: "p1.json", entity: a),
                               Contribution(origin: .live, file: "p1.json", entity: a)], drift: &drift, diagnostics: &d)
        XCTAssertEqual(d.items.map(\.severity), [.warning])
        XCTAssertTrue(drift.isEmpty, "same-origin sources never produce drift")
    }

    func testCNIDriftPerSetting() {
        var declared = Fragment(file: "aws-node.yaml", origin: .declared)
        declared.environment.cni = CNIConfig(settings: ["ENABLE_PREFIX_DELEGATION": "true", "WARM_PREFIX_TARGET": "1"], source: declaredAt)
        var live = Fragment(file: "kubectl.json", origin: .live)
        live.environment.cni = CNIConfig(settings: ["ENABLE_PREFIX_DELEGATION": "false"], source: liveAt)
        var d = Diagnostics()
        let env = EnvironmentBuilder.build(name: "e", region: nil, fragments: [live, declared], diagnostics: &d)
        XCTAssertEqual(env.cni?.settings, ["ENABLE_PREFIX_DELEGATION": "false", "WARM_PREFIX_TARGET": "1"])
        XCTAssertEqual(env.drift.map { "\($0.field): \($0.declared) -> \($0.live)" }, ["ENABLE_PREFIX_DELEGATION: true -> false"])
    }

    func testUnknownReferencesWarnOnlyWhenTheKindIsKnown() {
        var live = Fragment(file: "s.json", origin: .live)
        live.environment.subnets = [Subnet(id: "subnet-1", vpc: "vpc-404", cidr: "10.0.0.0/24", source: liveAt)]
        var d = Diagnostics()
        _ = EnvironmentBuilder.build(name: "e", region: nil, fragments: [live], diagnostics: &d)
        XCTAssertTrue(d.items.isEmpty, "no VPCs known: nothing to check against")
        live.environment.vpcs = [VPC(id: "vpc-1", cidrs: ["10.0.0.0/16"], source: liveAt)]
        _ = EnvironmentBuilder.build(name: "e", region: nil, fragments: [live], diagnostics: &d)
        XCTAssertEqual(d.items.map(\.description), ["nodegroup.json:2:5: warning: subnet subnet-1 refers to unknown VPC 'vpc-404'"])
    }
}

final class LocalRouteTests: XCTestCase {
    func testLocalRoutesAreAddedForEveryVPCCIDR() {
        let at = SourceLocation(file: "s.tfstate", line: 3, column: 1)
        var live = Fragment(file: "s.tfstate", origin: .live)
        live.environment.vpcs = [VPC(id: "vpc-1", cidrs: ["10.0.0.0/16", "100.64.0.0/16"], source: at)]
        live.environment.routeTables = [RouteTable(id: "rtb-1", vpc: "vpc-1", routes: [
            Route(destination: "0.0.0.0/0", target: "nat-1", source: at),
            Route(destination: "10.0.0.0/16", target: "local", source: at),
        ], source: at)]
        var d = Diagnostics()
        let env = EnvironmentBuilder.build(name: "e", region: nil, fragments: [live], diagnostics: &d)
        XCTAssertEqual(env.routeTables[0].routes.map { "\($0.destination)>\($0.target)" },
                       ["0.0.0.0/0>nat-1", "10.0.0.0/16>local", "100.64.0.0/16>local"])
    }
}

final class DuplicateRuleTests: XCTestCase {
    func testARuleStatedTwiceIsKeptOnce() {
        let at = SourceLocation(file: "s.tfstate", line: 1, column: 1)
        var live = Fragment(file: "s.tfstate", origin: .live)
        let rule = SecurityGroupRule(protocol: "tcp", fromPort: 443, toPort: 443, peer: "0.0.0.0/0", peerKind: .cidr, source: at)
        var other = rule
        other.fromPort = 80
        other.toPort = 80
        live.environment.securityGroups = [SecurityGroup(id: "sg-1", ingress: [rule, other, rule], egress: [rule, rule], source: at)]
        var d = Diagnostics()
        let env = EnvironmentBuilder.build(name: "e", region: nil, fragments: [live], diagnostics: &d)
        XCTAssertEqual(env.securityGroups[0].ingress.map(\.fromPort), [443, 80])
        XCTAssertEqual(env.securityGroups[0].egress.count, 1)
    }
}
