import EKSDocModel
import Foundation
import XCTest
@testable import EKSDocIngest

/// Reads the multi-file snapshot in `Tests/Fixtures/aws/demo` (real CLI shapes, two pages of subnets,
/// one answer no reader knows).
final class AWSFixtureSnapshotTests: XCTestCase {
    func testDemoSnapshot() throws {
        let (env, diagnostics) = try AWSReaderTestSupport.readFixtures("aws/demo")
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [
            "aws/demo/ec2-describe-key-pairs.json:1:1: warning: unknown AWS CLI output shape, skipped",
        ])
        XCTAssertEqual(env.vpcs.map(\.id), ["vpc-0a1b2c3d4e5f60718"])
        XCTAssertEqual(env.vpcs.first?.cidrs, ["10.20.0.0/16", "100.64.0.0/16"])
        XCTAssertEqual(env.subnets.count, 6)
        XCTAssertEqual(Set(env.subnets.map(\.source.file)),
                       ["aws/demo/ec2-describe-subnets-page1.json", "aws/demo/ec2-describe-subnets-page2.json"])
        XCTAssertEqual(env.subnet("subnet-0e5555555555555e5")?.cidr, "100.64.0.0/18")
        XCTAssertEqual(env.subnet("subnet-0a1111111111111a1")?.tags["kubernetes.io/role/elb"], "1")

        let privateTable = try XCTUnwrap(env.routeTable("rtb-0c00000000000c003"))
        XCTAssertEqual(privateTable.subnets.count, 4)
        XCTAssertEqual(privateTable.routes.map(\.destination),
                       ["10.20.0.0/16", "100.64.0.0/16", "0.0.0.0/0", "10.0.0.0/8", "192.168.0.0/16", "pl-6da54004"])
        XCTAssertEqual(privateTable.routes.map(\.target), [
            "local", "local", "nat-0fedcba9876543210", "i-0a9b8c7d6e5f40321", "tgw-0badc0ffee0000001",
            "vpce-0d5e6f7a8b9c0d1e2",
        ])
        XCTAssertEqual(privateTable.routes[3].networkInterface, "eni-0aa11bb22cc33dd44")
        XCTAssertEqual(privateTable.routes[4].state, "blackhole")
        XCTAssertEqual(env.routeTables.filter(\.main).map(\.id), ["rtb-0a00000000000a001"])

        let nodes = try XCTUnwrap(env.securityGroup("sg-0d1d2d3d4d5d6d7d8"))
        XCTAssertEqual(nodes.ingress.count, 7)
        XCTAssertEqual(nodes.egress.map(\.peer), ["0.0.0.0/0", "::/0"])
        XCTAssertEqual(env.securityGroup("sg-0a1a2a3a4a5a6a7a8")?.ingress.map(\.peerKind), [.cidr, .ipv6Cidr, .prefixList])
        XCTAssertEqual(env.securityGroups.flatMap(\.ingress).count, 2 + 7 + 3 + 2)

        XCTAssertEqual(env.networkAcls.first?.subnets.count, 6)
        XCTAssertEqual(env.networkAcls.first?.entries.count, 5)
        XCTAssertEqual(env.vpcEndpoints.map(\.type), ["Gateway", "Interface"])
        XCTAssertEqual(env.instances.map(\.id), ["i-0a9b8c7d6e5f40321", "i-0b1e2d3c4f5a6b7c8", "i-0c2e3d4c5f6a7b8c9"])
        XCTAssertEqual(env.instances.first?.sourceDestCheck, false)
        XCTAssertEqual(env.instances.first?.networkInterfaces, ["eni-0aa11bb22cc33dd44", "eni-0aa11bb22cc33dd55"])
        XCTAssertEqual(env.instanceTypes.map(\.maxENIs), [3, 3, 15])
        XCTAssertEqual(env.natGateways.first?.publicIps, ["34.240.10.20"])
        XCTAssertEqual(env.internetGateways.first?.vpcs, ["vpc-0a1b2c3d4e5f60718"])
        XCTAssertEqual(env.loadBalancers.first?.subnets, ["subnet-0a1111111111111a1", "subnet-0b2222222222222b2"])
        XCTAssertEqual(env.targetGroups.first?.loadBalancers, ["demo-public-alb"])
        XCTAssertEqual(env.cluster?.name, "demo-cluster")
        XCTAssertEqual(env.cluster?.logging, ["api", "audit"])
        XCTAssertEqual(env.cluster?.endpointPrivate, true)
        XCTAssertEqual(env.region, "eu-west-1")
        XCTAssertEqual(env.nodeGroups.first?.taints.first?.effect, "NO_SCHEDULE")
        XCTAssertEqual(env.addons.map(\.name), ["vpc-cni", "coredns", "kube-proxy", "vpc-cni"])

        let dump = try AWSReaderTestSupport.dump(env)
        XCTAssertFalse(dump.contains("LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"))
        XCTAssertFalse(dump.contains("configurationValues"))
    }
}

/// Reads every file of `Tests/Fixtures/moto/fixed` (real `aws` CLI output saved from moto) and checks it
/// against the `expected.json` written when the topology was built, so regenerated ids keep working.
final class AWSMotoSnapshotTests: XCTestCase {
    func testMotoFixedSnapshotMatchesExpected() throws {
        let folder = AWSReaderTestSupport.fixture("moto/fixed")
        guard FileManager.default.fileExists(atPath: folder.path) else { throw XCTSkip("no moto snapshot") }
        let files = try AWSReaderTestSupport.fixtureFiles("moto/fixed").filter {
            $0.pathExtension == "json" && $0.lastPathComponent != "expected.json"
        }
        XCTAssertEqual(files.count, 14)
        let (env, diagnostics) = AWSReaderTestSupport.read(try files.map {
            ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8))
        })
        XCTAssertEqual(AWSReaderTestSupport.lines(diagnostics), [])
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("expected.json"))) as? [String: Any])

        let vpcs = try XCTUnwrap(expected["vpcs"] as? [String: [String: Any]])
        for (id, vpc) in vpcs {
            XCTAssertEqual(env.vpc(id)?.cidrs, vpc["cidrBlocks"] as? [String])
            XCTAssertEqual(env.vpc(id)?.name, vpc["name"] as? String)
            XCTAssertEqual(env.routeTable(try XCTUnwrap(vpc["mainRouteTableId"] as? String))?.main, true)
        }
        XCTAssertEqual(env.vpcs.first?.cidrs, ["10.20.0.0/16", "100.64.0.0/16"])

        let subnets = try XCTUnwrap(expected["subnets"] as? [String: [String: Any]])
        XCTAssertEqual(Set(env.subnets.map(\.id)), Set(subnets.keys))
        for (id, subnet) in subnets {
            XCTAssertEqual(env.subnet(id)?.cidr, subnet["cidr"] as? String, id)
            XCTAssertEqual(env.subnet(id)?.az, subnet["availabilityZone"] as? String, id)
            XCTAssertEqual(env.subnet(id)?.name, subnet["name"] as? String, id)
            if let table = subnet["routeTableId"] as? String {
                XCTAssertEqual(env.routeTable(table)?.subnets.contains(id), true, id)
            }
        }
        XCTAssertEqual(Set(env.subnets.compactMap(\.cidr)), [
            "10.20.0.0/24", "10.20.1.0/24", "10.20.10.0/24", "10.20.11.0/24", "100.64.0.0/18", "100.64.64.0/18",
        ])

        let tables = try XCTUnwrap(expected["routeTables"] as? [String: [String: Any]])
        XCTAssertEqual(Set(env.routeTables.map(\.id)), Set(tables.keys))
        for (id, table) in tables {
            let read = try XCTUnwrap(env.routeTable(id))
            XCTAssertEqual(read.main, table["main"] as? Bool, id)
            XCTAssertEqual(read.name, table["name"] as? String, id)
            let routes = Dictionary(uniqueKeysWithValues: read.routes.map { ($0.destination, $0.target) })
            XCTAssertEqual(routes, table["routes"] as? [String: String], id)
        }
        let privateTable = try XCTUnwrap(env.routeTables.first { $0.name == "eksdoc-private" })
        XCTAssertEqual(privateTable.routes.first { $0.destination == "10.0.0.0/8" }?.targetKind, .instance)
        XCTAssertEqual(privateTable.routes.first { $0.destination == "0.0.0.0/0" }?.targetKind, .natGateway)
        let publicTable = try XCTUnwrap(env.routeTables.first { $0.name == "eksdoc-public" })
        XCTAssertEqual(publicTable.routes.first { $0.destination == "0.0.0.0/0" }?.targetKind, .internetGateway)

        let groups = try XCTUnwrap(expected["securityGroups"] as? [String: String])
        for (name, id) in groups { XCTAssertEqual(env.securityGroup(id)?.name, name) }

        let cluster = try XCTUnwrap(expected["cluster"] as? [String: Any])
        XCTAssertEqual(env.cluster?.name, "eksdoc")
        XCTAssertEqual(env.cluster?.version, cluster["version"] as? String)
        XCTAssertEqual(env.cluster?.serviceCidr, "172.20.0.0/16")
        XCTAssertEqual(env.cluster?.subnets, cluster["subnetIds"] as? [String])
        XCTAssertEqual(env.cluster?.securityGroups, cluster["securityGroupIds"] as? [String])
        XCTAssertEqual(env.cluster?.region, "us-east-1")
        XCTAssertEqual(env.cluster?.logging, [])
        XCTAssertNil(env.cluster?.endpointPublic)
        let nodeGroup = try XCTUnwrap(cluster["nodegroup"] as? [String: Any])
        XCTAssertEqual(env.nodeGroups.first?.name, "eksdoc-ng")
        XCTAssertEqual(env.nodeGroups.first?.instanceTypes, ["m5.large"])
        XCTAssertEqual(env.nodeGroups.first.map { [$0.min, $0.max, $0.desired] }, [1, 4, 2])
        XCTAssertEqual(env.nodeGroups.first?.subnets, nodeGroup["subnetIds"] as? [String])

        let balancers = try XCTUnwrap(expected["loadBalancers"] as? [[String: Any]])
        XCTAssertEqual(env.loadBalancers.map(\.name), balancers.compactMap { $0["name"] as? String })
        XCTAssertEqual(env.loadBalancers.first?.scheme, "internal")
        XCTAssertEqual(env.loadBalancers.first?.subnets, balancers.first?["subnetIds"] as? [String])
        XCTAssertEqual(env.targetGroups.map(\.name), ["eksdoc-ip"])
        XCTAssertEqual(env.targetGroups.first?.loadBalancers, ["eksdoc-internal"])

        let types = Dictionary(uniqueKeysWithValues: env.instanceTypes.map { ($0.name, $0) })
        XCTAssertEqual(types["t3.medium"].map { [$0.maxENIs, $0.ipv4PerENI, $0.vcpus] }, [3, 6, 2])
        XCTAssertEqual(types["m5.large"].map { [$0.maxENIs, $0.ipv4PerENI, $0.vcpus] }, [3, 10, 2])
        XCTAssertEqual(env.instances.first { $0.name == "eksdoc-appliance" }?.type, "t3.medium")
        XCTAssertEqual(env.natGateways.first?.name, "eksdoc-nat")
        XCTAssertEqual(env.internetGateways.first?.name, "eksdoc-igw")
        XCTAssertEqual(env.vpcEndpoints.first?.service, "com.amazonaws.us-east-1.ecr.api")

        let text = try String(contentsOf: folder.appendingPathComponent("eks-describe-cluster.json"), encoding: .utf8)
        let certificate = try XCTUnwrap(AWSReaderTestSupport.parse(text)?[["cluster", "certificateAuthority", "data"]]?.text)
        XCTAssertFalse(try AWSReaderTestSupport.dump(env).contains(certificate))
    }
}
