import EKSDocAnalysis
import EKSDocModel
import XCTest

/// Each finding rule fires on an environment built to trip it, and stays quiet on its corrected twin.
final class FindingRulesTests: XCTestCase {
    let at = SourceLocation(file: "t.json", line: 1, column: 1)

    func findings(_ env: Environment, _ rule: any FindingRule.Type) -> [Finding] {
        EnvironmentAnalysis.analyze(env).findings.filter { $0.id == rule.id }
    }

    /// A VPC with public subnets on an IGW table and private subnets on the main table.
    func network(privateAZs: [String] = ["us-east-1a", "us-east-1b"]) -> Environment {
        var env = Environment(name: "t")
        env.vpcs = [VPC(id: "vpc-1", cidrs: ["10.0.0.0/16"], source: at)]
        env.internetGateways = [InternetGateway(id: "igw-1", vpcs: ["vpc-1"], source: at)]
        env.subnets = [Subnet(id: "subnet-pub-a", vpc: "vpc-1", cidr: "10.0.0.0/24", az: "us-east-1a", source: at),
                       Subnet(id: "subnet-pub-b", vpc: "vpc-1", cidr: "10.0.1.0/24", az: "us-east-1b", source: at)]
        for (i, az) in privateAZs.enumerated() {
            env.subnets.append(Subnet(id: "subnet-priv-\(i)", vpc: "vpc-1", cidr: "10.0.\(10 + i).0/24", az: az, source: at))
        }
        env.natGateways = [NatGateway(id: "nat-a", vpc: "vpc-1", subnet: "subnet-pub-a", source: at)]
        env.routeTables = [
            RouteTable(id: "rtb-main", vpc: "vpc-1", main: true, routes: [
                Route(destination: "10.0.0.0/16", target: "local", source: at),
                Route(destination: "0.0.0.0/0", target: "nat-a", source: at)], source: at),
            RouteTable(id: "rtb-pub", vpc: "vpc-1", subnets: ["subnet-pub-a", "subnet-pub-b"], routes: [
                Route(destination: "10.0.0.0/16", target: "local", source: at),
                Route(destination: "0.0.0.0/0", target: "igw-1", source: at)], source: at),
        ]
        return env
    }

    func testSingleAZEgress() {
        XCTAssertEqual(findings(network(), SingleAZEgressRule.self).map(\.entity), ["vpc-1"])
        var fixed = network()
        fixed.natGateways.append(NatGateway(id: "nat-b", vpc: "vpc-1", subnet: "subnet-pub-b", source: at))
        fixed.routeTables.append(RouteTable(id: "rtb-b", vpc: "vpc-1", subnets: ["subnet-priv-1"], routes: [
            Route(destination: "0.0.0.0/0", target: "nat-b", source: at)], source: at))
        XCTAssertEqual(findings(fixed, SingleAZEgressRule.self), [])
        XCTAssertEqual(findings(network(privateAZs: ["us-east-1a"]), SingleAZEgressRule.self), [], "one AZ only: nothing to lose")
    }

    func testClusterSubnetsInOneAZ() {
        var env = network(privateAZs: ["us-east-1a", "us-east-1a"])
        env.cluster = Cluster(name: "c", subnets: ["subnet-priv-0", "subnet-priv-1"], source: at)
        XCTAssertEqual(findings(env, ClusterSubnetAZRule.self).map(\.severity), [.error])
        env = network()
        env.cluster = Cluster(name: "c", subnets: ["subnet-priv-0", "subnet-priv-1"], source: at)
        XCTAssertEqual(findings(env, ClusterSubnetAZRule.self), [])
    }

    func testSensitivePortOpen() {
        var env = network()
        env.securityGroups = [SecurityGroup(id: "sg-1", ingress: [
            SecurityGroupRule(protocol: "tcp", fromPort: 22, toPort: 22, peer: "0.0.0.0/0", peerKind: .cidr, source: at)], source: at)]
        XCTAssertEqual(findings(env, SensitivePortOpenRule.self).map(\.entity), ["sg-1"])
        env.securityGroups[0].ingress[0].fromPort = 443
        env.securityGroups[0].ingress[0].toPort = 443
        XCTAssertEqual(findings(env, SensitivePortOpenRule.self), [])
        env.securityGroups[0].ingress = [SecurityGroupRule(protocol: "-1", peer: "::/0", peerKind: .ipv6Cidr, source: at)]
        XCTAssertEqual(findings(env, SensitivePortOpenRule.self).count, 1, "all traffic includes every admin port")
    }

    func testPublicEndpointOpen() {
        var env = network()
        env.cluster = Cluster(name: "c", endpointPublic: true, endpointPrivate: false, source: at)
        XCTAssertEqual(findings(env, PublicEndpointOpenRule.self).count, 1, "no CIDRs given means 0.0.0.0/0")
        env.cluster?.publicAccessCidrs = ["203.0.113.0/24"]
        XCTAssertEqual(findings(env, PublicEndpointOpenRule.self), [])
        env.cluster?.publicAccessCidrs = ["0.0.0.0/0"]
        env.cluster?.endpointPublic = false
        XCTAssertEqual(findings(env, PublicEndpointOpenRule.self), [])
    }

    func testControlPlaneLogging() {
        var env = network()
        env.cluster = Cluster(name: "c", logging: [], source: at)
        XCTAssertEqual(findings(env, ControlPlaneLoggingRule.self).map(\.message), ["control-plane logging is off for c"])
        env.cluster?.logging = ["api", "audit"]
        XCTAssertEqual(findings(env, ControlPlaneLoggingRule.self), [])
        env.cluster?.logging = nil
        XCTAssertEqual(findings(env, ControlPlaneLoggingRule.self), [], "unknown is not off")
    }

    func testBlackholeRoute() {
        var env = network()
        env.routeTables[0].routes[1].state = "blackhole"
        XCTAssertEqual(findings(env, BlackholeRouteRule.self).map(\.entity), ["rtb-main"])
        XCTAssertEqual(findings(network(), BlackholeRouteRule.self), [])
    }

    func testLoadBalancerPlacement() {
        var env = network()
        env.loadBalancers = [LoadBalancer(name: "int", scheme: "internal", subnets: ["subnet-pub-a", "subnet-pub-b"], source: at),
                             LoadBalancer(name: "ext", scheme: "internet-facing", subnets: ["subnet-priv-0", "subnet-priv-1"], source: at)]
        let found = findings(env, LoadBalancerPlacementRule.self)
        XCTAssertEqual(found.map(\.entity), ["ext", "int"])
        XCTAssertEqual(found.map(\.severity), [.error, .warning])
        env.loadBalancers = [LoadBalancer(name: "int", scheme: "internal", subnets: ["subnet-priv-0", "subnet-priv-1"], source: at),
                             LoadBalancer(name: "ext", scheme: "internet-facing", subnets: ["subnet-pub-a", "subnet-pub-b"], source: at)]
        XCTAssertEqual(findings(env, LoadBalancerPlacementRule.self), [])
    }

    func testELBRoleTags() {
        var env = network()
        var ingress = KubernetesObject(apiVersion: "networking.k8s.io/v1", kind: "Ingress", namespace: "web", name: "ui",
                                       annotations: ["alb.ingress.kubernetes.io/scheme": "internet-facing"], source: at)
        ingress.ingress = IngressSpec(className: "alb", rules: [IngressRule(service: "ui", port: "80")])
        env.kubernetes = [ingress]
        XCTAssertEqual(findings(env, ELBRoleTagRule.self).map(\.entity), ["kubernetes.io/role/elb"])
        env.subnets[0].tags["kubernetes.io/role/elb"] = "1"
        XCTAssertEqual(findings(env, ELBRoleTagRule.self), [])
        env.kubernetes[0].ingress?.className = "nginx"
        env.subnets[0].tags = [:]
        XCTAssertEqual(findings(env, ELBRoleTagRule.self), [], "no controller, no requirement")
    }

    func testPodCapacityBelowMax() {
        var env = network()
        env.nodeGroups = [NodeGroup(name: "ng", instanceTypes: ["m5.large"], min: 1, max: 100, desired: 2,
                                    subnets: ["subnet-priv-0", "subnet-priv-1"], source: at)]
        XCTAssertEqual(findings(env, PodCapacityRule.self).count, 1, "100 x 29 pods > 502 addresses")
        env.nodeGroups[0].max = 10
        XCTAssertEqual(findings(env, PodCapacityRule.self), [], "10 x 29 = 290 <= 502")
    }

    func testClusterSubnetFreeAddresses() {
        var env = network()
        env.cluster = Cluster(name: "c", subnets: ["subnet-priv-0", "subnet-priv-1"], source: at)
        env.subnets[2].availableAddresses = 10
        env.subnets[3].availableAddresses = 3
        let found = findings(env, ClusterSubnetFreeAddressesRule.self)
        XCTAssertEqual(found.map(\.entity), ["subnet-priv-1", "subnet-priv-0"])
        XCTAssertEqual(found.map(\.severity), [.error, .warning])
        env.subnets[2].availableAddresses = 40
        env.subnets[3].availableAddresses = 200
        XCTAssertEqual(findings(env, ClusterSubnetFreeAddressesRule.self), [])
    }

    func testOverlappingVPCs() {
        var env = network()
        env.vpcs.append(VPC(id: "vpc-2", cidrs: ["10.0.128.0/17"], source: at))
        XCTAssertEqual(findings(env, OverlappingVPCRule.self).map(\.entity), ["vpc-1, vpc-2"])
        env.vpcs[1].cidrs = ["10.1.0.0/16"]
        XCTAssertEqual(findings(env, OverlappingVPCRule.self), [])
    }

    func testImpossibleFreeCount() {
        var env = network()
        env.subnets[0].availableAddresses = 4_091
        XCTAssertEqual(findings(env, ImpossibleFreeCountRule.self).map(\.entity), ["subnet-pub-a"])
        env.subnets[0].availableAddresses = 100
        XCTAssertEqual(findings(env, ImpossibleFreeCountRule.self), [])
    }

    func testDriftItemsAreFindings() {
        var env = network()
        XCTAssertEqual(findings(env, DriftRule.self), [])
        env.drift = [DriftItem(entity: "node group ng", field: "desired", declared: "3", declaredAt: at, live: "2", liveAt: at)]
        XCTAssertEqual(findings(env, DriftRule.self).map(\.entity), ["node group ng"])
    }

    func testEveryRuleHasAUniqueIdAndATest() {
        let ids = FindingRules.all.map { $0.id }
        XCTAssertEqual(Set(ids).count, ids.count)
        XCTAssertEqual(ids.count, 13, "add a fires/does-not-fire test here for every new rule")
    }
}
