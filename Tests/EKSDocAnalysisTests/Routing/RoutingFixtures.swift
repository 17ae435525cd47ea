import EKSDocModel

/// Small hand-built environments for the routing tests.
enum RoutingFixtures {
    static let at = SourceLocation(file: "test.json", line: 1, column: 1)

    static func route(_ destination: String, _ target: String, state: String = "active") -> Route {
        Route(destination: destination, target: target, state: state, source: at)
    }

    static func table(_ id: String, vpc: String = "vpc-1", main: Bool = false, subnets: [String] = [],
                      _ routes: [Route]) -> RouteTable {
        RouteTable(id: id, vpc: vpc, main: main, subnets: subnets, routes: routes, source: at)
    }

    static func subnet(_ id: String, _ cidr: String, vpc: String = "vpc-1", name: String? = nil,
                       tags: Tags = [:]) -> Subnet {
        Subnet(id: id, vpc: vpc, cidr: cidr, name: name, tags: tags, source: at)
    }

    static func rule(_ proto: String, _ from: Int? = nil, _ to: Int? = nil, peer: String,
                     kind: PeerKind = .cidr) -> SecurityGroupRule {
        SecurityGroupRule(protocol: proto, fromPort: from, toPort: to, peer: peer, peerKind: kind, source: at)
    }

    /// One VPC 10.0.0.0/16 with:
    /// - subnet-pub (10.0.0.0/24) explicitly on rtb-pub (default -> igw),
    /// - subnet-app (10.0.1.0/24) on the main table rtb-main (default -> nat, 10.50.0.0/16 -> blackhole),
    /// - subnet-db (10.0.2.0/24) on rtb-iso (local only),
    /// - an app instance 10.0.1.10 (sg-app) and a db instance 10.0.2.20 (sg-db).
    static func sample() -> Environment {
        var env = Environment(name: "sample")
        env.vpcs = [VPC(id: "vpc-1", cidrs: ["10.0.0.0/16"], source: at)]
        env.subnets = [
            subnet("subnet-pub", "10.0.0.0/24", tags: ["kubernetes.io/role/elb": "1"]),
            subnet("subnet-app", "10.0.1.0/24", name: "app-private-a"),
            subnet("subnet-db", "10.0.2.0/24", name: "app-db-a"),
        ]
        env.routeTables = [
            table("rtb-main", main: true, [
                route("10.0.0.0/16", "local"), route("0.0.0.0/0", "nat-1"),
                route("10.50.0.0/16", "pcx-gone", state: "blackhole"),
            ]),
            table("rtb-pub", subnets: ["subnet-pub"], [route("10.0.0.0/16", "local"), route("0.0.0.0/0", "igw-1")]),
            table("rtb-iso", subnets: ["subnet-db"], [route("10.0.0.0/16", "local")]),
        ]
        env.natGateways = [NatGateway(id: "nat-1", vpc: "vpc-1", subnet: "subnet-pub", source: at)]
        env.instances = [
            Instance(id: "i-app", subnet: "subnet-app", privateIp: "10.0.1.10", securityGroups: ["sg-app"], source: at),
            Instance(id: "i-db", subnet: "subnet-db", privateIp: "10.0.2.20", securityGroups: ["sg-db"], source: at),
        ]
        env.securityGroups = [
            SecurityGroup(id: "sg-app", name: "app", ingress: [rule("tcp", 8080, 8080, peer: "10.0.0.0/24")],
                          egress: [rule("tcp", 5432, 5432, peer: "sg-db", kind: .securityGroup),
                                   rule("tcp", 443, 443, peer: "0.0.0.0/0")], source: at),
            SecurityGroup(id: "sg-db", name: "db", ingress: [rule("tcp", 5432, 5432, peer: "sg-app", kind: .securityGroup)],
                          egress: [rule("-1", peer: "0.0.0.0/0")], source: at),
        ]
        return env
    }
}
