import EKSDocModel
import Foundation
import XCTest
@testable import EKSDocIngest

/// Reads `Tests/Fixtures/tfstate/demo.tfstate`: a state with modules, count and for_each instances,
/// data sources, sensitive values and every resource type the reader knows.
final class TerraformStateFixtureTests: XCTestCase {
    static let vpcID = "vpc-0f1e2d3c4b5a69788"

    func read() throws -> (env: Environment, diagnostics: Diagnostics) {
        let url = AWSReaderTestSupport.fixture("tfstate/demo.tfstate")
        return AWSReaderTestSupport.read([("tfstate/demo.tfstate", try String(contentsOf: url, encoding: .utf8))])
    }

    func testNetwork() throws {
        let (env, diagnostics) = try read()
        XCTAssertEqual(diagnostics.items, [])
        XCTAssertEqual(env.vpcs.map(\.id), [Self.vpcID])
        XCTAssertEqual(env.vpcs.first?.cidrs, ["10.30.0.0/16", "100.64.0.0/16"])
        XCTAssertEqual(env.vpcs.first?.tags, ["Name": "demo-tf", "Environment": "demo"])
        XCTAssertEqual(env.subnets.map(\.id), [
            "subnet-0c0c0c0c0c0c0c0c3", "subnet-0d0d0d0d0d0d0d0d4", "subnet-0a0a0a0a0a0a0a0a1", "subnet-0b0b0b0b0b0b0b0b2",
        ])
        XCTAssertEqual(env.subnets.map(\.cidr), ["10.30.16.0/20", "10.30.32.0/20", "10.30.0.0/24", "10.30.1.0/24"])
        XCTAssertEqual(env.subnets.map(\.azId), ["euc1-az2", "euc1-az3", "euc1-az2", "euc1-az3"])
        XCTAssertEqual(env.subnets.map(\.mapPublicIpOnLaunch), [false, false, true, true])
        XCTAssertEqual(env.subnets.map(\.ipv6Cidr), [nil, nil, nil, nil])
        XCTAssertEqual(env.internetGateways.map(\.vpcs), [[Self.vpcID]])
        XCTAssertEqual(env.natGateways.first?.publicIps, ["3.120.0.10"])
        XCTAssertEqual(env.natGateways.first?.privateIps, ["10.30.0.77"])
        XCTAssertEqual(env.natGateways.first?.subnet, "subnet-0a0a0a0a0a0a0a0a1")
        XCTAssertEqual(env.natGateways.first?.name, "demo-tf-eu-central-1a")
        XCTAssertEqual(env.subnets.first?.source.file, "tfstate/demo.tfstate")
        XCTAssertGreaterThan(env.subnets.first?.source.line ?? 0, 1)
    }

    func testRouting() throws {
        let (env, _) = try read()
        XCTAssertEqual(env.routeTables.map(\.id), ["rtb-0e1e1e1e1e1e1e1e4", "rtb-0c1c1c1c1c1c1c1c3", "rtb-0b1b1b1b1b1b1b1b2"])
        XCTAssertEqual(env.routeTables.map(\.main), [true, false, false])
        let privateTable = try XCTUnwrap(env.routeTable("rtb-0c1c1c1c1c1c1c1c3"))
        XCTAssertEqual(privateTable.routes.map(\.destination), ["0.0.0.0/0", "pl-6ea54007", "192.168.0.0/16", "10.0.0.0/8"])
        XCTAssertEqual(privateTable.routes.map(\.target), [
            "nat-0b8b8b8b8b8b8b8b8", "vpce-0c2c2c2c2c2c2c2c2", "tgw-0f0e0d0c0b0a09080", "i-0abcdef0123456789",
        ])
        XCTAssertEqual(privateTable.routes.map(\.state), ["active", "active", "blackhole", "active"])
        XCTAssertEqual(privateTable.routes[3].networkInterface, "eni-0123abcd4567ef890")
        XCTAssertEqual(privateTable.subnets, ["subnet-0c0c0c0c0c0c0c0c3", "subnet-0d0d0d0d0d0d0d0d4"])
        let publicTable = try XCTUnwrap(env.routeTable("rtb-0b1b1b1b1b1b1b1b2"))
        XCTAssertEqual(publicTable.routes.map(\.target), ["igw-0a9a9a9a9a9a9a9a9"])
        XCTAssertEqual(publicTable.routes.first?.targetKind, .internetGateway)
        XCTAssertEqual(publicTable.subnets, ["subnet-0a0a0a0a0a0a0a0a1", "subnet-0b0b0b0b0b0b0b0b2"])
        XCTAssertEqual(env.routeTable("rtb-0e1e1e1e1e1e1e1e4")?.name, "demo-tf-isolated")
    }

    func testSecurityGroups() throws {
        let (env, _) = try read()
        XCTAssertEqual(env.securityGroups.map(\.id), ["sg-0a2b3c4d5e6f70819", "sg-0c0c0c0c0c0c0c0c1", "sg-0b0d0e0c0000000b2"])
        let alb = try XCTUnwrap(env.securityGroup("sg-0a2b3c4d5e6f70819"))
        XCTAssertEqual(alb.ingress.map(\.peer), ["0.0.0.0/0", "::/0"])
        XCTAssertEqual(alb.ingress.map(\.peerKind), [.cidr, .ipv6Cidr])
        XCTAssertEqual(alb.egress, [SecurityGroupRule(
            protocol: "tcp", fromPort: 8080, toPort: 8080, peer: "sg-0b0d0e0c0000000b2", peerKind: .securityGroup,
            description: "to pods", source: alb.egress.first?.source ?? SourceLocation(file: ""))])
        let cluster = try XCTUnwrap(env.securityGroup("sg-0c0c0c0c0c0c0c0c1"))
        XCTAssertEqual(cluster.ingress.map(\.peer), ["sg-0b0d0e0c0000000b2"])
        XCTAssertEqual(cluster.ingress.first?.description, "Node groups to cluster API")
        let node = try XCTUnwrap(env.securityGroup("sg-0b0d0e0c0000000b2"))
        XCTAssertEqual(node.ingress.map(\.peer), [
            "sg-0b0d0e0c0000000b2", "10.0.0.0/8", "172.16.0.0/12", "pl-0b0b0b0b0b0b0b0b0", "sg-0c0c0c0c0c0c0c0c1",
            "sg-0c0c0c0c0c0c0c0c1", "sg-0c0c0c0c0c0c0c0c1", "sg-0b0d0e0c0000000b2",
        ])
        XCTAssertEqual(node.ingress.map(\.protocol), ["-1", "tcp", "tcp", "tcp", "tcp", "tcp", "tcp", "udp"])
        XCTAssertEqual(node.ingress.map(\.fromPort), [nil, 22, 22, 22, 22, 443, 10250, 53])
        XCTAssertEqual(node.egress.map(\.peer), ["0.0.0.0/0", "::/0", "169.254.169.123/32"])
        XCTAssertEqual(node.egress.last?.protocol, "udp")
    }

    func testEKSAndLoadBalancing() throws {
        let (env, _) = try read()
        let cluster = try XCTUnwrap(env.cluster)
        XCTAssertEqual(cluster.name, "demo-tf")
        XCTAssertEqual(cluster.version, "1.31")
        XCTAssertEqual(cluster.region, "eu-central-1")
        XCTAssertEqual(cluster.vpc, Self.vpcID)
        XCTAssertEqual(cluster.subnets, ["subnet-0c0c0c0c0c0c0c0c3", "subnet-0d0d0d0d0d0d0d0d4"])
        XCTAssertEqual(cluster.securityGroups, ["sg-0c0c0c0c0c0c0c0c1"])
        XCTAssertEqual(cluster.clusterSecurityGroup, "sg-0e0e0e0e0e0e0e0e3")
        XCTAssertEqual(cluster.endpointPublic, false)
        XCTAssertEqual(cluster.endpointPrivate, true)
        XCTAssertEqual(cluster.publicAccessCidrs, ["0.0.0.0/0"])
        XCTAssertEqual(cluster.serviceCidr, "172.20.0.0/16")
        XCTAssertEqual(cluster.ipFamily, "ipv4")
        XCTAssertEqual(cluster.oidcIssuer, "https://oidc.eks.eu-central-1.amazonaws.com/id/ABCDEF0123456789")
        XCTAssertEqual(cluster.logging, ["api", "audit", "authenticator"])
        XCTAssertEqual(cluster.status, "ACTIVE")
        XCTAssertEqual(cluster.platformVersion, "eks.8")
        XCTAssertEqual(env.region, "eu-central-1")

        XCTAssertEqual(env.nodeGroups.count, 1)
        let group = try XCTUnwrap(env.nodeGroups.first)
        XCTAssertEqual(group.name, "default-2025")
        XCTAssertEqual(group.cluster, "demo-tf")
        XCTAssertEqual(group.managed, true)
        XCTAssertEqual(group.instanceTypes, ["m6i.large", "m5.large"])
        XCTAssertEqual([group.min, group.max, group.desired], [1, 6, 3])
        XCTAssertEqual(group.capacityType, "SPOT")
        XCTAssertNil(group.diskSize)
        XCTAssertEqual(group.labels, ["workload": "general"])
        XCTAssertEqual(group.taints, [Taint(key: "dedicated", value: "general", effect: "NO_SCHEDULE")])
        XCTAssertEqual(group.nodeRole, "arn:aws:iam::210987654321:role/default-eks-node-group")

        XCTAssertEqual(env.addons.map(\.name), ["coredns", "vpc-cni"])
        XCTAssertEqual(env.addons.map(\.serviceAccountRole), [nil, "arn:aws:iam::210987654321:role/demo-tf-vpc-cni"])
        XCTAssertEqual(env.loadBalancers.map(\.name), ["demo-tf-public"])
        XCTAssertEqual(env.loadBalancers.first?.scheme, "internet-facing")
        XCTAssertEqual(env.loadBalancers.first?.type, "application")
        XCTAssertEqual(env.loadBalancers.first?.subnets, ["subnet-0a0a0a0a0a0a0a0a1", "subnet-0b0b0b0b0b0b0b0b2"])
        XCTAssertEqual(env.targetGroups.first?.loadBalancers, ["demo-tf-public"])
        XCTAssertEqual(env.targetGroups.first?.port, 8080)
    }

    func testSecretsAndDataSourcesNeverReachTheModel() throws {
        let (env, _) = try read()
        let dump = try AWSReaderTestSupport.dump(env)
        XCTAssertFalse(dump.contains("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"))
        XCTAssertFalse(dump.contains("k8s-aws-v1."))
        XCTAssertFalse(dump.contains("euc1-az2\",\"euc1-az3"))
        XCTAssertEqual(env.instances, [])
    }
}
